/**
 * A small synthetic archive for the search part of the storage conformance suite, and an
 * independent brute-force oracle over it. The oracle does not stem or fold: every case lists the
 * exact lowercased word forms it should find, so it cannot share a bug with the code under test.
 */
import type { Document, Turn } from "../../src/model/document.js";
import type { Speaker } from "../../src/model/speaker.js";
import { makeTranscript } from "../support/documents.js";

const person = (id: string, name: string, role: string, aliases: string[] = []): Speaker => ({
  id,
  name,
  aliases: aliases.map((a) => ({ name: a, lang: /[\u0400-\u04ff]/.test(a) ? "ru" : "en" })),
  roles: [{ title: role, from: null, to: null, labels: [], publisher: null }],
});

/** A fictional official who was vice president, then president: role filters must read the dates. */
const quill: Speaker = {
  id: "ada-quill",
  name: "Ada Quill",
  aliases: [{ name: "Ада Квилл", lang: "ru" }],
  roles: [
    {
      title: "Vice President of Freedonia",
      from: "2009-01-20",
      to: "2017-01-20",
      labels: [],
      publisher: null,
    },
    { title: "President of Freedonia", from: "2021-01-20", to: null, labels: [], publisher: null },
  ],
};

export const SEARCH_SPEAKERS: Speaker[] = [
  person("sergey-lavrov", "Sergey Lavrov", "Minister of Foreign Affairs of Russia", [
    "Сергей Лавров",
    "С.В.Лавров",
  ]),
  person("mevlut-cavusoglu", "Mevlüt Çavuşoğlu", "Foreign Minister of Türkiye", ["Мевлют Чавушоглу"]),
  person("jen-psaki", "Jen Psaki", "White House Press Secretary"),
  person("maria-zakharova", "Maria Zakharova", "Director of the Information and Press Department"),
  person("vladimir-putin", "Vladimir Putin", "President of Russia"),
  person("antony-blinken", "Antony Blinken", "Secretary of State"),
  quill,
];

const who = (id: string) => {
  const s = SEARCH_SPEAKERS.find((p) => p.id === id);
  if (!s) throw new Error(`no test speaker ${id}`);
  return { id: s.id, name: s.name };
};
const lavrov = who("sergey-lavrov");
const cavusoglu = who("mevlut-cavusoglu");
const psaki = who("jen-psaki");
const zakharova = who("maria-zakharova");
const putin = who("vladimir-putin");
const blinken = who("antony-blinken");
const ada = who("ada-quill");

const REVIEW = "We will continue to review the matter carefully together with our partners and allies. ";

/** A turn's text as the index shows it (NUL as U+FFFD: src/model/index-text.ts, displayText). */
export const turnText = (t: Turn) => t.paragraphs.join("\n\n").replaceAll("\u0000", "\ufffd");
/** Whitespace runs as one space, the way snippets and concordance lines show text. */
export const flat = (s: string) => s.replace(/\s+/g, " ");

export const SEARCH_ARCHIVE: Document[] = [
  makeTranscript({
    id: "midru-en-2020-03",
    publisher: "mid.ru",
    language: "en",
    date: "2020-03-15",
    title: "Foreign Minister Sergey Lavrov's remarks on sanctions",
    turns: [
      {
        speaker: lavrov,
        text: [
          "Ladies and gentlemen, the sanctions imposed on Russia are illegal.",
          "Sanctions never work, and we have said so many times.",
        ],
      },
      { text: "Were new sanctions announced against Russian banks?" },
      {
        speaker: lavrov,
        kind: "answer",
        text: "Russia was sanctioned again. Territorial integrity is a principle we respect.",
      },
      { text: "Did you meet Mevlüt Çavuşoğlu in Antalya?" },
      { speaker: lavrov, kind: "answer", text: "Yes, we discussed Syria." },
    ],
  }),
  makeTranscript({
    id: "wh-2020-05-02",
    publisher: "whitehouse.gov",
    language: "en",
    date: "2020-05-02",
    title: "Press Briefing by Press Secretary Jen Psaki",
    kind: "briefing",
    turns: [
      { speaker: psaki, text: "Good afternoon. The sanction regime against Iran is under review." },
      { text: "What about the integrity of territorial waters, and the sanctity of borders?" },
      {
        speaker: psaki,
        kind: "answer",
        text: "Sanctioning is a tool; the sanctuary policy is another matter.",
      },
      { speaker: null, kind: "moderator", label: "MODERATOR", text: "Last question, please." },
      {
        speaker: psaki,
        kind: "answer",
        text: [
          `${REVIEW.repeat(4)}Sanctions remain in place, and those sanctioned will stay listed.`,
          REVIEW.repeat(4),
        ],
      },
    ],
  }),
  makeTranscript({
    id: "midru-ru-2020-01",
    publisher: "mid.ru",
    language: "ru",
    date: "2020-01-20",
    title: "Выступление С.В.Лаврова на пресс-конференции",
    turns: [
      {
        speaker: lavrov,
        label: "С.Лавров",
        text: "Мы обсудили вопрос санкций. Переговоры продолжатся в Женеве.",
      },
      { text: "Как вы оцениваете перспективы санкционного давления?" },
      {
        speaker: lavrov,
        kind: "answer",
        label: "С.Лавров",
        text: ["Мы не согласны с санкциями.", "На переговорах был и ёжик в тумане."],
      },
      {
        speaker: zakharova,
        label: "М.В.Захарова",
        text: "Санкция — это не метод. Ежевика здесь ни при чём.",
      },
    ],
  }),
  makeTranscript({
    id: "kremlin-ru-2020",
    publisher: "kremlin.ru",
    language: "ru",
    date: "2020",
    title: "Послание Федеральному Собранию",
    kind: "speech",
    turns: [
      { speaker: putin, text: "Санкции против нас не работают. Территориальная целостность незыблема." },
      { text: "Будут ли новые санкции в 2020 году?" },
      { speaker: putin, kind: "answer", text: "Ёжик знает ответ, а санкциях мы уже говорили." },
    ],
  }),
  makeTranscript({
    id: "mfa-tr-2021-02",
    publisher: "mfa.gov.tr",
    language: "tr",
    date: "2021-02-10",
    title: "Dışişleri Bakanı Çavuşoğlu'nun açıklaması",
    kind: "statement",
    turns: [
      { speaker: cavusoglu, text: "Türkiye'nin tutumu açıktır. Kırım konusunda görüşümüz değişmedi." },
      { text: "İstanbul'da yeni görüşmeler olacak mı?" },
      { speaker: cavusoglu, kind: "answer", text: "TÜRKİYE hazır." },
    ],
  }),
  makeTranscript({
    id: "midru-en-2021-06",
    publisher: "mid.ru",
    language: "en",
    date: "2021-06",
    title: "Sergey Lavrov's interview",
    kind: "interview",
    turns: [
      { speaker: lavrov, text: "I met Mevlut Cavusoglu in Antalya. Turkiye is our partner." },
      { text: "Territorial integrity of Ukraine: do you respect it?" },
      { speaker: lavrov, kind: "answer", text: "We respect the territory and the integrity of all states." },
    ],
  }),
  makeTranscript({
    id: "wh-2019-11-05",
    publisher: "whitehouse.gov",
    language: "en",
    date: "2019-11-05",
    title: 'Remarks: "sanctions" OR NEAR( -hostile ^title: *',
    kind: "remarks",
    turns: [
      {
        speaker: blinken,
        text: 'Sanctions "work" *sometimes*: NEAR(sanctions, 5) OR -sanctions ^ caret: colon "unbalanced',
      },
      { text: 'Is it "5+5" or U.S.-led? title:hack col:umn {braces} (parens) AND NOT sanctions*' },
      {
        speaker: blinken,
        kind: "answer",
        text: 'Sanctioned entities: none. -- ^^ :: "" ** NEAR/3 OR OR\u0000 \t end',
      },
    ],
  }),
  makeTranscript({
    id: "UN-A-75-PV-5",
    publisher: "un.org",
    language: "en",
    date: null,
    title: "General Assembly, seventy-fifth session",
    kind: "speech",
    turns: [
      { speaker: { id: null, name: "The President" }, text: "The Assembly will now consider sanctions." },
      { speaker: lavrov, text: "Territorial integrity matters to every member." },
    ],
  }),
  makeTranscript({
    id: "midru-en-2020-12",
    publisher: "mid.ru",
    language: "en",
    date: "2020-12-29",
    title: "Joint news conference in Sochi",
    turns: [
      { speaker: lavrov, text: "We have held useful talks in Sochi about sanctions." },
      { text: "Will the sanctioning continue?" },
      { speaker: lavrov, kind: "answer", text: "Ask our Turkish friends: Türkiye decides for itself." },
    ],
  }),
];

/** The fictional official, as vice president and as president (see SEARCH_SPEAKERS). */
SEARCH_ARCHIVE.push(
  makeTranscript({
    id: "fd-2012-04-02",
    publisher: "whitehouse.gov",
    language: "en",
    date: "2012-04-02",
    title: "Remarks by the Vice President of Freedonia",
    kind: "remarks",
    turns: [
      { speaker: ada, text: "Thank you all for coming to this harbour." },
      { text: "Will the harbour open in spring?" },
      { speaker: ada, kind: "answer", text: "It will." },
    ],
  }),
  makeTranscript({
    id: "fd-2022-09-14",
    publisher: "whitehouse.gov",
    language: "en",
    date: "2022-09-14",
    title: "Press conference of the President of Freedonia",
    turns: [
      { speaker: ada, text: "The harbour is open." },
      { text: "Since when?" },
      { speaker: ada, kind: "answer", text: "Since March." },
    ],
  }),
);

/** Words that Porter's first stemmer gave one stem (gener; new, news; and, Andes) and Porter2 keeps apart. */
SEARCH_ARCHIVE.push(
  makeTranscript({
    id: "un-2019-09-24",
    publisher: "un.org",
    language: "en",
    date: "2019-09-24",
    title: "Statements in the debate",
    kind: "speech",
    turns: [
      { speaker: { id: null, name: "The President" }, text: "The generals of two armies sat in the hall." },
      { speaker: lavrov, text: "A generous offer was made to a new generation." },
      { speaker: lavrov, text: "Reactors generate power; the news came late." },
      {
        speaker: { id: null, name: "The President" },
        text: "General elections were held in the Andes in the spring.",
      },
    ],
  }),
);

/** Lowercased words of a text, split the way a reader would: letters and digits. */
export function words(text: string): string[] {
  return (
    text
      .replace(/İ/g, "i")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

export type TurnPredicate = (turn: Turn, doc: Document) => boolean;

/** The turn says one of these exact word forms. */
export const says =
  (...forms: string[]): TurnPredicate =>
  (t) =>
    words(turnText(t)).some((w) => forms.includes(w));

/** The turn has a word starting with this. */
export const saysPrefix =
  (prefix: string): TurnPredicate =>
  (t) =>
    words(turnText(t)).some((w) => w.startsWith(prefix));

/** The turn has these words next to each other, in order. */
export const saysPhrase =
  (...phrase: string[]): TurnPredicate =>
  (t) => {
    const w = words(turnText(t));
    return w.some((_, i) => phrase.every((p, k) => w[i + k] === p));
  };

/** How often the turn says one of these exact word forms. */
export const occurrences = (t: Turn, forms: string[]) =>
  words(turnText(t)).filter((w) => forms.includes(w)).length;

function day(date: string, end: boolean): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number?, number?];
  const month = m ?? (end ? 12 : 1);
  const lastDay = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return y * 10_000 + month * 100 + (d ?? (end ? lastDay : 1));
}

/** The document's date (whatever its precision) overlaps the range; an undated document never does. */
export const datedWithin =
  (from: string | null, to: string | null): TurnPredicate =>
  (_t, d) =>
    d.when.date !== null &&
    day(d.when.date, false) <= (to ? day(to, true) : Number.POSITIVE_INFINITY) &&
    day(d.when.date, true) >= (from ? day(from, false) : 0);

export const and =
  (...ps: TurnPredicate[]): TurnPredicate =>
  (t, d) =>
    ps.every((p) => p(t, d));
export const or =
  (...ps: TurnPredicate[]): TurnPredicate =>
  (t, d) =>
    ps.some((p) => p(t, d));
export const not =
  (p: TurnPredicate): TurnPredicate =>
  (t, d) =>
    !p(t, d);
export const bySpeaker =
  (...ids: string[]): TurnPredicate =>
  (t) =>
    t.speakerId !== null && ids.includes(t.speakerId);
export const ofKind =
  (...kinds: string[]): TurnPredicate =>
  (t) =>
    kinds.includes(t.kind);
export const ofDocumentType =
  (...types: string[]): TurnPredicate =>
  (_t, d) =>
    types.includes(d.kind);
export const inLanguage =
  (lang: string): TurnPredicate =>
  (_t, d) =>
    d.language === lang;
export const fromPublisher =
  (publisher: string): TurnPredicate =>
  (_t, d) =>
    d.publisher === publisher;
export const inDocument =
  (id: string): TurnPredicate =>
  (_t, d) =>
    d.id === id;
export const anyTurn: TurnPredicate = () => true;

/** Word forms present in the archive, per query word, listed by hand. */
export const FORMS = {
  sanction: ["sanction", "sanctions", "sanctioned", "sanctioning"],
  санкция: ["санкция", "санкций", "санкции", "санкциями", "санкциях"],
  переговоры: ["переговоры", "переговорах"],
  ежик: ["ежик", "ёжик"],
  turkiye: ["turkiye", "türkiye"],
  cavusoglu: ["cavusoglu", "çavuşoğlu"],
  kirim: ["kirim", "kırım"],
  istanbul: ["istanbul"],
  territorial: ["territorial", "territory"],
  general: ["general", "generals"],
} as const;

const f = (k: keyof typeof FORMS) => says(...FORMS[k]);

/** A query and which turns it must find, by brute force over SEARCH_ARCHIVE. */
export interface SearchCase {
  query: string;
  expect: TurnPredicate;
  /** At least this many turns, so a case cannot pass by finding nothing. */
  atLeast: number;
  /** Documents found by their title alone (it holds every word, no turn says them all), listed by hand. */
  titleOnly?: string[];
}

const FOREIGN_MINISTERS = ["sergey-lavrov", "mevlut-cavusoglu"];

/** The turn is Ada Quill's and its document is dated within her term of that kind. */
const quillAs =
  (office: "vice" | "president"): TurnPredicate =>
  (t, d) =>
    t.speakerId === "ada-quill" &&
    d.when.date !== null &&
    (office === "vice" ? d.when.date < "2017-01-21" : d.when.date >= "2021-01-20");

export const SEARCH_CASES: SearchCase[] = [
  // Stemmed words find their forms, in any case, and not words that merely look alike.
  { query: "sanction", expect: f("sanction"), atLeast: 12 },
  { query: "SANCTIONS", expect: f("sanction"), atLeast: 12 },
  { query: "санкция", expect: f("санкция"), atLeast: 6 },
  { query: "санкциями", expect: f("санкция"), atLeast: 6 },
  { query: "переговоры", expect: f("переговоры"), atLeast: 2 },
  { query: "general", expect: f("general"), atLeast: 2, titleOnly: ["UN-A-75-PV-5"] },
  { query: "generation", expect: says("generation", "generate"), atLeast: 2 },
  { query: "news", expect: says("news"), atLeast: 1, titleOnly: ["midru-en-2020-12"] },
  { query: "Andes", expect: says("andes"), atLeast: 1 },
  // ё/е, ı/i, İ/i and Latin diacritics fold, both ways.
  { query: "ежик", expect: f("ежик"), atLeast: 2 },
  { query: "ЁЖИК", expect: f("ежик"), atLeast: 2 },
  { query: "turkiye", expect: f("turkiye"), atLeast: 4 },
  { query: "Türkiye", expect: f("turkiye"), atLeast: 4 },
  { query: "cavusoglu", expect: f("cavusoglu"), atLeast: 2, titleOnly: ["mfa-tr-2021-02"] },
  { query: "Çavuşoğlu", expect: f("cavusoglu"), atLeast: 2, titleOnly: ["mfa-tr-2021-02"] },
  { query: "kirim", expect: f("kirim"), atLeast: 1 },
  { query: "istanbul", expect: f("istanbul"), atLeast: 1 },
  // Phrases: exact sequence, unstemmed.
  { query: '"territorial integrity"', expect: saysPhrase("territorial", "integrity"), atLeast: 3 },
  { query: '"integrity of territorial"', expect: saysPhrase("integrity", "of", "territorial"), atLeast: 1 },
  { query: '"sanctions"', expect: says("sanctions"), atLeast: 5 },
  { query: '"санкций"', expect: says("санкций"), atLeast: 1 },
  { query: '"Ёжик"', expect: f("ежик"), atLeast: 2 },
  { query: '"Kırım konusunda"', expect: saysPhrase("kırım", "konusunda"), atLeast: 1 },
  { query: '"kirim konusunda"', expect: saysPhrase("kırım", "konusunda"), atLeast: 1 },
  { query: "Türkiye'nin", expect: saysPhrase("türkiye", "nin"), atLeast: 1 },
  // Prefixes, OR, exclusions.
  { query: "sanct*", expect: saysPrefix("sanct"), atLeast: 13 },
  { query: "terr*", expect: saysPrefix("terr"), atLeast: 5 },
  { query: "Türk*", expect: or(saysPrefix("turk"), saysPrefix("türk")), atLeast: 4 },
  { query: "ёж*", expect: or(saysPrefix("еж"), saysPrefix("ёж")), atLeast: 3 },
  {
    query: "cavusoglu OR ежик",
    expect: or(f("cavusoglu"), f("ежик")),
    atLeast: 4,
    titleOnly: ["mfa-tr-2021-02"],
  },
  // Titles: a document whose title holds every word is found, listed without turns when none says them all.
  { query: "sochi sanction", expect: and(says("sochi"), f("sanction")), atLeast: 1 },
  {
    query: "conference sochi -speaker:lavrov",
    expect: () => false,
    atLeast: 0,
    titleOnly: ["midru-en-2020-12"],
  },
  { query: "lavrov interview", expect: () => false, atLeast: 0, titleOnly: ["midru-en-2021-06"] },
  { query: "lavrov interview speaker:psaki", expect: () => false, atLeast: 0 },
  { query: "freedonia harbour", expect: () => false, atLeast: 0 },
  {
    query: "president freedonia",
    expect: () => false,
    atLeast: 0,
    titleOnly: ["fd-2012-04-02", "fd-2022-09-14"],
  },
  { query: "sanction OR санкция", expect: or(f("sanction"), f("санкция")), atLeast: 18 },
  { query: "sanction -territorial", expect: and(f("sanction"), not(f("territorial"))), atLeast: 10 },
  { query: "-sanctions", expect: not(f("sanction")), atLeast: 10 },
  {
    query: 'sanction -"territorial integrity"',
    expect: and(f("sanction"), not(saysPhrase("territorial", "integrity"))),
    atLeast: 11,
  },
  { query: "sanction -speaker:psaki", expect: and(f("sanction"), not(bySpeaker("jen-psaki"))), atLeast: 8 },
  { query: "sanction NOT kind:question", expect: and(f("sanction"), not(ofKind("question"))), atLeast: 8 },
  // Field filters.
  { query: "speaker:lavrov", expect: bySpeaker("sergey-lavrov"), atLeast: 10 },
  {
    query: 'speaker:"Sergey Lavrov" sanction',
    expect: and(bySpeaker("sergey-lavrov"), f("sanction")),
    atLeast: 3,
  },
  { query: "speaker:cavusoglu", expect: bySpeaker("mevlut-cavusoglu"), atLeast: 2 },
  // Any alias in any script, folded: one person, the same turns.
  { query: "speaker:Лавров", expect: bySpeaker("sergey-lavrov"), atLeast: 10 },
  { query: 'speaker:"С.В.Лавров"', expect: bySpeaker("sergey-lavrov"), atLeast: 10 },
  { query: 'speaker:"sergey-lavrov"', expect: bySpeaker("sergey-lavrov"), atLeast: 10 },
  { query: "speaker:ÇAVUŞOĞLU", expect: bySpeaker("mevlut-cavusoglu"), atLeast: 2 },
  { query: "speaker:Чавушоглу", expect: bySpeaker("mevlut-cavusoglu"), atLeast: 2 },
  { query: "speaker:Квилл", expect: bySpeaker("ada-quill"), atLeast: 4 },
  // Whole words only: "Lav" is no name.
  { query: "speaker:lav", expect: () => false, atLeast: 0 },
  { query: 'speaker:"MS. PSAKI"', expect: bySpeaker("jen-psaki"), atLeast: 3 },
  { query: "speaker:psaki|zakharova", expect: bySpeaker("jen-psaki", "maria-zakharova"), atLeast: 4 },
  { query: "kind:question|answer", expect: ofKind("question", "answer"), atLeast: 15 },
  { query: "kind:moderator", expect: ofKind("moderator"), atLeast: 1 },
  // type: is the kind of document.
  { query: "type:briefing", expect: ofDocumentType("briefing"), atLeast: 5 },
  { query: "type:interview|briefing", expect: ofDocumentType("interview", "briefing"), atLeast: 8 },
  { query: 'type:"press conference"', expect: ofDocumentType("press-conference"), atLeast: 8 },
  {
    query: "sanction -type:briefing",
    expect: and(f("sanction"), not(ofDocumentType("briefing"))),
    atLeast: 8,
  },
  { query: "sanction kind:question", expect: and(f("sanction"), ofKind("question")), atLeast: 3 },
  { query: "lang:ru", expect: inLanguage("ru"), atLeast: 7 },
  { query: "санкция lang:ru", expect: and(f("санкция"), inLanguage("ru")), atLeast: 6 },
  { query: "lang:tr", expect: inLanguage("tr"), atLeast: 3 },
  { query: "publisher:whitehouse.gov", expect: fromPublisher("whitehouse.gov"), atLeast: 8 },
  { query: "sanction publisher:mid.ru", expect: and(f("sanction"), fromPublisher("mid.ru")), atLeast: 4 },
  { query: "date:2020-01..2020-06", expect: datedWithin("2020-01", "2020-06"), atLeast: 15 },
  { query: "date:2020-07..2020-12", expect: datedWithin("2020-07", "2020-12"), atLeast: 6 },
  { query: "date:2020", expect: datedWithin("2020", "2020"), atLeast: 18 },
  { query: "sanction date:..2019", expect: and(f("sanction"), datedWithin(null, "2019")), atLeast: 3 },
  { query: "date:2021-06-15..", expect: datedWithin("2021-06-15", null), atLeast: 3 },
  { query: "-date:2020", expect: not(datedWithin("2020", "2020")), atLeast: 10 },
  { query: "doc:UN-A-75-PV-5", expect: inDocument("UN-A-75-PV-5"), atLeast: 2 },
  { query: "sanction doc:midru-ru-2020-01", expect: () => false, atLeast: 0 },
  {
    query: "санкция doc:midru-ru-2020-01",
    expect: and(f("санкция"), inDocument("midru-ru-2020-01")),
    atLeast: 3,
  },
  { query: 'role:"foreign minister"', expect: bySpeaker(...FOREIGN_MINISTERS), atLeast: 12 },
  {
    query: 'role:"foreign minister" date:2020..2021',
    expect: and(bySpeaker(...FOREIGN_MINISTERS), datedWithin("2020", "2021")),
    atLeast: 8,
  },
  { query: 'role:"министр иностранных дел"', expect: bySpeaker(...FOREIGN_MINISTERS), atLeast: 12 },
  { query: 'role:"foreign affairs minister"', expect: bySpeaker(...FOREIGN_MINISTERS), atLeast: 12 },
  { query: 'role:"minister of foreign affairs of russia"', expect: bySpeaker("sergey-lavrov"), atLeast: 10 },
  // The role held on the document's date: the vice president's turns, not the later president's.
  { query: 'role:"vice president"', expect: quillAs("vice"), atLeast: 2 },
  // A vice president is no president, nor is an advisor to one.
  { query: "role:president", expect: or(quillAs("president"), bySpeaker("vladimir-putin")), atLeast: 4 },
  {
    query: 'role:"president|vice president"',
    expect: or(quillAs("vice"), quillAs("president"), bySpeaker("vladimir-putin")),
    atLeast: 6,
  },
  {
    query: 'role:"president" -role:"vice president"',
    expect: or(quillAs("president"), bySpeaker("vladimir-putin")),
    atLeast: 4,
  },
  { query: 'role:"вице-президент"', expect: quillAs("vice"), atLeast: 2 },
  {
    query: 'speaker:quill role:"vice president" harbour',
    expect: and(quillAs("vice"), says("harbour")),
    atLeast: 1,
  },
  {
    query: 'territorial role:"foreign minister"',
    expect: and(f("territorial"), bySpeaker(...FOREIGN_MINISTERS)),
    atLeast: 3,
  },
  {
    query: '-role:"foreign minister" kind:answer',
    expect: and(ofKind("answer"), not(bySpeaker(...FOREIGN_MINISTERS))),
    atLeast: 3,
  },
  {
    query: "sanction OR санкция date:2020 -kind:question -lang:ru",
    expect: and(
      or(f("sanction"), f("санкция")),
      datedWithin("2020", "2020"),
      not(ofKind("question")),
      not(inLanguage("ru")),
    ),
    atLeast: 4,
  },
  { query: "zeppelin", expect: () => false, atLeast: 0 },
];

/** Every (document, turn) pair of the archive that satisfies a predicate. */
export function bruteForce(docs: Document[], p: TurnPredicate): { doc: Document; turn: Turn }[] {
  return docs.flatMap((doc) => doc.turns.filter((turn) => p(turn, doc)).map((turn) => ({ doc, turn })));
}
