/**
 * Sentences of a paragraph, with offsets: Intl.Segmenter (ICU) finds the breaks; breaks after an
 * abbreviation or an initial ("Mr. Lavrov", "В.В. Путин", "Dec. 29") are joined again, since
 * ICU's default rules do not know them.
 */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATION =
  /(?:^|[\s(«"])(?:\p{Lu}|\p{Lu}\.\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Prof|Rev|Nos|Art|para|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|ул|г|гг|им|т|п|пп|ст|тыс|млн|млрд|руб|см|др|проф|акад|ген|Св)\.$/u;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: "sentence" });
    segmenters.set(lang, s);
  }
  return s;
}

export function splitSentences(text: string, lang: string): Sentence[] {
  const out: Sentence[] = [];
  let pending: { start: number; end: number } | null = null;
  for (const seg of segmenterFor(lang).segment(text)) {
    const start: number = pending ? pending.start : seg.index;
    const end = seg.index + seg.segment.length;
    if (ABBREVIATION.test(seg.segment.trimEnd())) {
      pending = { start, end };
      continue;
    }
    pending = null;
    push(out, text, start, end);
  }
  if (pending) push(out, text, pending.start, pending.end);
  return out;
}

function push(out: Sentence[], text: string, start: number, end: number): void {
  // The span is the words: surrounding spaces belong to no sentence.
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}
