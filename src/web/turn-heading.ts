/**
 * How a turn is headed wherever it is shown (reader, search results): each thing said once, so no
 * "Question question" and no "—" for a turn nobody is named for.
 */
import type { Turn } from "../model/document.js";

/** Words a transcript uses for a question's label: shown as the label, the kind need not repeat them. */
const QUESTION_LABELS =
  /^(q|question|вопрос|запитання|питання|journalist|reporter|журналист|журналіст)(?![\p{L}\p{N}])/iu;

/**
 * A turn's heading, each thing said once: the speaker's name (or the transcript's label, or the
 * kind when there is neither), the label when it adds to the name, and the kind when neither says it.
 */
export function turnHeading(turn: Pick<Turn, "speakerName" | "label" | "kind">): {
  name: string;
  label: string | null;
  kind: string | null;
} {
  const shown = turn.speakerName ?? turn.label ?? null;
  const label = turn.label && turn.label !== shown ? turn.label : null;
  if (!shown)
    return { name: turn.kind.charAt(0).toUpperCase() + turn.kind.slice(1), label: null, kind: null };
  const says = (text: string) =>
    text.toLowerCase().includes(turn.kind) || (turn.kind === "question" && QUESTION_LABELS.test(text));
  const kind = says(shown) || (label !== null && says(label)) ? null : turn.kind;
  return { name: shown, label, kind };
}
