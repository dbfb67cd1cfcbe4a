/**
 * Labels known in advance: a source that names the speaker of every message (a chat-style
 * interview) is rendered as "label: text" paragraphs, and only its own labels split turns. The
 * shared segmenter then decides kinds and pairs exactly as for a printed transcript.
 */
import type { LabelConvention, LabelRole } from "./labels.js";

export interface KnownSpeaker {
  /** The speaker as the source writes them ("Barack Obama", "bbc.com", "Interviewer"). */
  label: string;
  /** A person's name to resolve, or null when the source names no person (an outlet, a role). */
  name: string | null;
  role: LabelRole;
}

/** Matches paragraphs that open with one of the labels and a colon; the longest label wins. */
export function knownLabels(speakers: KnownSpeaker[]): LabelConvention {
  const byLength = [...speakers].sort((a, b) => b.label.length - a.label.length);
  return (paragraph) => {
    for (const s of byLength) {
      if (!paragraph.startsWith(`${s.label}:`)) continue;
      const rest = paragraph.slice(s.label.length + 1);
      return {
        label: s.label,
        name: s.name ?? s.label,
        qualifier: null,
        role: s.role,
        textStart: s.label.length + 1 + (rest.length - rest.trimStart().length),
      };
    }
    return null;
  };
}
