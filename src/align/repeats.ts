/**
 * A passage that only repeats the one before it in the same version: tables of names often give
 * each name in Latin letters and again in Cyrillic ("John Battersby" / "Джон Баттерсби") where the
 * other version gives it once. Such a passage has nothing of its own to translate, so it is
 * rightly alone, not merged into its neighbour's link.
 */
import { type Anchors, nameKey } from "./anchors.js";

const within = <T>(x: Set<T>, y: Set<T>) => [...x].every((v) => y.has(v));
const CAPITALISED_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;

/** The same name written in another script: as many capitalised words, their keys alike. */
function sameNameOtherScript(text: string, before: string): boolean {
  const w = text.trim().split(/\s+/);
  const v = before.trim().split(/\s+/);
  if (w.length < 2 || w.length > 5 || w.length !== v.length) return false;
  if (![...w, ...v].every((x) => CAPITALISED_WORD.test(x))) return false;
  if (/\p{Script=Cyrillic}/u.test(text) === /\p{Script=Cyrillic}/u.test(before)) return false;
  // Transliterations disagree on vowels and often on a first consonant ("Charlotte"/"Шарлотта",
  // "Whanau"/"Фанау"), seldom on half the words.
  const first = (x: string) => nameKey(x).slice(0, 1);
  const alike = w.filter((x, k) => first(x) === first(v[k] as string)).length;
  return alike * 2 >= w.length;
}

export function repeatsPrevious(
  own: { text: string; anchors: Anchors },
  before: { text: string; anchors: Anchors } | undefined,
): boolean {
  if (!before) return false;
  if (sameNameOtherScript(own.text, before.text)) return true;
  const a = own.anchors;
  const b = before.anchors;
  return (
    a.names.size > 0 &&
    within(a.names, b.names) &&
    within(a.numbers, b.numbers) &&
    within(a.entities, b.entities)
  );
}
