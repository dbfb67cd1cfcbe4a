/**
 * Finds gazetteer entities in text. Names are matched token by token on stems, so Russian case
 * forms meet ("Турцией", "Турции" → Турция) and English plurals and possessives too; capitalised
 * names only match capitalised words ("Turkey" the country, never "turkey" the bird); acronyms
 * match exactly. Ambiguous names count only when the same text also names the entity unambiguously.
 * Precision first: when in doubt, no match.
 */
import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as russian } from "@orama/stemmers/russian";
import type { Entity, EntityType, Gazetteer } from "./gazetteer.js";

export interface EntityMention {
  entityId: string;
  type: EntityType;
  /** UTF-16 offsets in the text searched. */
  start: number;
  end: number;
  text: string;
}

interface Token {
  raw: string;
  start: number;
  end: number;
  /** Computed on first use: most words are never compared with a name. */
  key: string | null;
  upper: boolean;
}

interface FormToken {
  key: string;
  raw: string;
  /** The text token must start with a capital letter. */
  capital: boolean;
  /** An acronym ("UN", "ООН"): the text token must be identical. */
  exact: boolean;
  /** Short Cyrillic name ("Мали", "Чад"): the text token may only add a case ending. */
  short: boolean;
}

interface CompiledForm {
  entity: Entity;
  tokens: FormToken[];
  ambiguous: boolean;
  /** For a person's one-word name: the first words of their longer names ("Sergey" of "Sergey Lavrov"). */
  givenNames: Set<string>;
}

const WORD = /[\p{L}\p{N}]+/gu;
const CYRILLIC = /[\u0400-\u04ff]/;

const keys = new Map<string, string>();

/** The comparison key of a word: its stem, lowercased and folded; cached, since words repeat. */
function keyOf(word: string): string {
  let key = keys.get(word);
  if (key === undefined) {
    key = computeKey(word);
    if (keys.size > 500_000) keys.clear();
    keys.set(word, key);
  }
  return key;
}

function computeKey(word: string): string {
  const lower = word.toLowerCase().replace(/ё/g, "е").replace(/ı/g, "i");
  if (/^\d+$/.test(lower)) return lower;
  if (CYRILLIC.test(lower)) return russian(lower);
  const folded = lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return english(folded);
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    out.push({
      raw,
      start: m.index ?? 0,
      end: (m.index ?? 0) + raw.length,
      key: null,
      upper: raw[0] !== raw[0]?.toLowerCase(),
    });
  }
  return out;
}

const tokenKey = (t: Token) => {
  if (t.key === null) t.key = keyOf(t.raw);
  return t.key;
};

/**
 * Short Russian names decline by rule, not by stem: "Куба" → Кубы, Кубой; "Чад" → Чада, Чаде;
 * "Мали", "Перу" do not decline at all. So "Мало" is not Mali and "Кубок" is not Cuba.
 */
function shortFormMatches(token: string, form: string): boolean {
  if (token === form) return true;
  const last = form[form.length - 1] ?? "";
  if (last === "а" || last === "я") {
    const stem = form.slice(0, -1);
    return ["а", "ы", "и", "е", "у", "ю", "ой", "ою", "ей", "я"].some((e) => token === stem + e);
  }
  if (/[бвгджзклмнпрстфхцчшщ]/.test(last))
    return ["а", "у", "е", "ом", "ы", "ов", "ам", "ах", "ами"].some((e) => token === form + e);
  return false;
}

/** Country names that are also common given names. */
const PERSON_FIRST_NAMES = new Set([
  "Chad",
  "Jordan",
  "Georgia",
  "India",
  "Israel",
  "Kenya",
  "France",
  "Holland",
  "America",
]);

const TITLE_WORDS = new Set([
  "president",
  "minister",
  "secretary",
  "chancellor",
  "senator",
  "ambassador",
  "governor",
  "mr",
  "ms",
  "mrs",
  "dr",
  "king",
  "queen",
  "prince",
  "premier",
  "envoy",
  "general",
  "министр",
  "президент",
  "посол",
  "господин",
  "госпожа",
]);

const isAcronym = (w: string) => w.length <= 5 && w === w.toUpperCase() && w !== w.toLowerCase();

export class EntityMatcher {
  private readonly index = new Map<string, CompiledForm[]>();
  /** Whether any name starts with a lowercase Latin word; if none does, such words never start a match. */
  private lowercaseLatinStarts = false;

  constructor(gazetteer: Gazetteer) {
    for (const entity of gazetteer.entities) {
      for (const form of entity.forms) {
        const words = [...form.text.matchAll(WORD)].map((m) => m[0]);
        if (words.length === 0) continue;
        const tokens: FormToken[] = words.map((w) => ({
          key: keyOf(w),
          raw: w,
          capital: w[0] !== w[0]?.toLowerCase(),
          exact: isAcronym(w),
          short: CYRILLIC.test(w) && w.length <= 5,
        }));
        // A one-letter or stopword-like single token ("A", "St") is never a safe name.
        if (tokens.length === 1 && (tokens[0] as FormToken).raw.length < 2) continue;
        const head = tokens[0] as FormToken;
        if (!head.capital && !CYRILLIC.test(head.raw)) this.lowercaseLatinStarts = true;
        const first = head.exact ? `=${head.raw}` : head.key;
        const list = this.index.get(first) ?? [];
        const givenNames = new Set(
          entity.forms
            .map((f) => [...f.text.matchAll(WORD)].map((m) => m[0]))
            .filter((w) => w.length > 1)
            .map((w) => keyOf(w[0] as string)),
        );
        list.push({ entity, tokens, ambiguous: form.ambiguous, givenNames });
        this.index.set(first, list);
      }
    }
  }

  private tokenMatches(t: Token, f: FormToken): boolean {
    if (f.exact) return t.raw === f.raw;
    if (f.capital && !t.upper) return false;
    if (tokenKey(t) !== f.key) return false;
    if (f.short) return shortFormMatches(t.raw.toLowerCase(), f.raw.toLowerCase());
    return true;
  }

  /**
   * Context that says a name is not this entity: a capitalised word in capitals ("Nicholas MANN",
   * a surname on a list, is not the Isle of Man); a one-word name of a country or person right after
   * another capitalised given name ("Chad Wolf", "Jerome Powell" is not Colin Powell).
   */
  private plausible(form: CompiledForm, tokens: Token[], i: number, length: number): boolean {
    const t = tokens[i] as Token;
    const head = form.tokens[0] as FormToken;
    if (!head.exact && t.raw.length > 3 && t.raw === t.raw.toUpperCase() && t.raw !== t.raw.toLowerCase())
      return false;
    if (length !== 1) return true;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const adjacent = (a: Token | undefined, b: Token) =>
      (a !== undefined && Math.abs(a.start - b.end) <= 1) ||
      (a !== undefined && Math.abs(b.start - a.end) <= 1);
    if (form.entity.type === "person") {
      if (before && adjacent(before, t) && before.upper && !TITLE_WORDS.has(before.raw.toLowerCase())) {
        return form.givenNames.has(tokenKey(before));
      }
      return true;
    }
    if (
      form.entity.type === "country" &&
      after &&
      adjacent(after, t) &&
      after.upper &&
      /^\p{Lu}\p{Ll}+$|^\p{Lu}+$/u.test(after.raw)
    ) {
      // "Chad Wolf", "Jordan Smith": a country name followed by a capitalised surname is a person.
      return !/^[\p{Lu}]/u.test(t.raw) || !PERSON_FIRST_NAMES.has(t.raw);
    }
    return true;
  }

  /** All unambiguous mentions, then ambiguous ones whose entity was also named unambiguously. */
  find(text: string): EntityMention[] {
    const tokens = tokenize(text);
    const found: (EntityMention & { ambiguous: boolean })[] = [];
    for (let i = 0; i < tokens.length; ) {
      const t = tokens[i] as Token;
      if (!t.upper && !this.lowercaseLatinStarts && !CYRILLIC.test(t.raw)) {
        i++;
        continue;
      }
      const exact = this.index.get(`=${t.raw}`);
      const byKey = this.index.get(tokenKey(t));
      const candidates = exact && byKey ? [...exact, ...byKey] : (exact ?? byKey ?? []);
      let best: { form: CompiledForm; length: number } | null = null;
      for (const form of candidates) {
        const n = form.tokens.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) {
          const tk = tokens[i + k] as Token;
          ok = this.tokenMatches(tk, form.tokens[k] as FormToken);
          // Words of one name sit close together: at most a space, a hyphen, a dot or a quote between them.
          if (ok && k > 0) ok = tk.start - (tokens[i + k - 1] as Token).end <= 3;
        }
        if (ok && (!best || n > best.length || (n === best.length && best.form.ambiguous && !form.ambiguous)))
          best = { form, length: n };
      }
      if (best && !this.plausible(best.form, tokens, i, best.length)) best = null;
      if (best) {
        const last = tokens[i + best.length - 1] as Token;
        // "Vice President Harris", "Minister Lavrov": a title word before a surname says it is a person.
        const before = tokens[i - 1];
        const titled =
          best.form.entity.type === "person" &&
          before !== undefined &&
          TITLE_WORDS.has(before.raw.toLowerCase());
        found.push({
          entityId: best.form.entity.id,
          type: best.form.entity.type,
          start: t.start,
          end: last.end,
          text: text.slice(t.start, last.end),
          ambiguous: best.form.ambiguous && !titled,
        });
        i += best.length;
      } else i++;
    }
    const certain = new Set(found.filter((m) => !m.ambiguous).map((m) => m.entityId));
    return found.filter((m) => !m.ambiguous || certain.has(m.entityId)).map(({ ambiguous: _a, ...m }) => m);
  }
}
