/**
 * A publisher names its own body by the bare name: a mid.ru statement's "Foreign Ministry
 * statement on…", "the Foreign Ministry has repeatedly warned", "МИД неоднократно
 * предупреждал" are the Russian Ministry of Foreign Affairs, which no list can say of "Foreign
 * Ministry" in general. Only the bare name: one qualified by a country ("Kazakh Foreign Ministry",
 * "Foreign Ministry of Kazakhstan", "МИД Казахстана") is someone else's, and left to the lists.
 */
import type { CandidateMention } from "./entity-matcher.js";

interface OwnBody {
  entityId: string;
  /** The bare name, whole words. */
  name: RegExp;
}

const OWN_BODIES: Record<string, OwnBody[]> = {
  // The President's site names the government and the President's office by their bare names.
  "president.gov.ua": [
    {
      entityId: "vb:cabinet-of-ministers-of-ukraine",
      name: /(?<![\p{L}\p{N}])(?:Cabinet of Ministers|Кабінет Міністрів|Кабмін)(?![\p{L}\p{N}])/gu,
    },
    {
      entityId: "vb:office-of-the-president-of-ukraine",
      name: /(?<![\p{L}\p{N}])(?:Office of the President|Presidential Office|President's Office|President’s Office|Офіс Президента)(?![\p{L}\p{N}])/gu,
    },
  ],
  "mid.ru": [
    {
      entityId: "vb:russian-mfa",
      name: /(?<![\p{L}\p{N}])(?:Foreign Ministry|Ministry of Foreign Affairs|МИД)(?![\p{L}\p{N}])/gu,
    },
  ],
};

/**
 * A capitalised word just before, or "of" and a capital, or in Russian a capitalised word, just
 * after: the name is qualified. An English capital after it starts an office ("Foreign Ministry
 * Spokeswoman Maria Zakharova"), which qualifies nothing.
 */
const QUALIFIER_BEFORE = /\p{Lu}[\p{L}’'-]*\s+$/u;
const QUALIFIER_AFTER = /^(?:\s+of\s+(?:the\s+)?\p{Lu}|\s+[А-ЯЁІЇЄҐ])/u;

/** The bare names of the publisher's own bodies in `text`, as listed mentions. */
export function ownBodyMentions(publisher: string, text: string): CandidateMention[] {
  const bodies = OWN_BODIES[publisher];
  if (!bodies) return [];
  const out: CandidateMention[] = [];
  for (const body of bodies) {
    for (const m of text.matchAll(body.name)) {
      const start = m.index;
      const end = start + m[0].length;
      const before = text.slice(Math.max(0, start - 40), start);
      // "Foreign Ministry statement" opens a title: a capital there is the sentence's, not a qualifier's.
      if (QUALIFIER_BEFORE.test(before) && !/(?:^|[.!?:;"“«(]\s*)\p{Lu}[\p{L}’'-]*\s+$/u.test(before))
        continue;
      if (QUALIFIER_AFTER.test(text.slice(end, end + 40))) continue;
      out.push({
        entityId: body.entityId,
        type: "organisation",
        start,
        end,
        text: m[0],
        ambiguous: false,
        alternatives: [],
      });
    }
  }
  return out;
}
