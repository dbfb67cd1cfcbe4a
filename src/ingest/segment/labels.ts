/**
 * Speaker-label conventions. Each publisher profile lists the conventions its pages use; the
 * segmenter tries them in order at the start of every paragraph.
 */

/** "answer": an unnamed "Answer:" label, spoken by whoever the title says is answering. */
export type LabelRole = "question" | "moderator" | "speaker" | "answer";

export interface LabelMatch {
  /** The label exactly as written, without the trailing colon: "Question (addressed to both ministers)". */
  label: string;
  /** The name or function part, without a parenthetical: "Question", "С.Лавров". */
  name: string;
  /** The parenthetical, if any: "addressed to both ministers", "как переведено". */
  qualifier: string | null;
  role: LabelRole;
  /** Offset in the paragraph where the spoken text begins. */
  textStart: number;
  /** The label names a newsroom ("CCTV:"), not a person: no speaker is resolved from it. */
  outlet?: boolean;
}

export type LabelConvention = (paragraph: string) => LabelMatch | null;

/** The first convention that reads a label at the start of the paragraph, in the profile's order. */
export function matchLabel(paragraph: string, conventions: LabelConvention[]): LabelMatch | null {
  for (const convention of conventions) {
    const m = convention(paragraph);
    if (m) return m;
  }
  return null;
}

const QUALIFIER = String.raw`(?:\s*\(([^()]{1,160})\))?`;

function build(regex: RegExp, role: LabelRole, accept?: (name: string) => boolean): LabelConvention {
  return (paragraph) => {
    const m = regex.exec(paragraph);
    if (!m) return null;
    const name = (m[1] ?? "").trim();
    if (accept && !accept(name)) return null;
    const rest = paragraph.slice(m[0].length);
    if (rest.trim() === "" && m[0].trim().endsWith(":") === false) return null;
    // The label ends at its colon; a period before it ("JR.:") belongs to the label.
    const labelEnd = m[0].replace(/\s*[:：]\s*$/, "").length;
    return {
      label: paragraph.slice(0, labelEnd).trim(),
      name,
      qualifier: m[2]?.trim() ?? null,
      role,
      textStart: m[0].length,
    };
  };
}

/**
 * Labels that say a question is put, whoever puts it: "Question", "Вопрос", "问", "Q", "Reporter".
 * A turn so labelled is a question however short (turn-kinds.ts); "Correspondent" labels a
 * reporter's every word, thanks included, so it is a question label only for sides.
 */
export const QUESTION_WORDS =
  "Questions?|Вопросы?|Питання|追问|提问|问|問|Q|Reporter|Journalist|Журналистка|Журналист|Журналістка|Журналіст|Корреспондент|Кореспондентка|Кореспондент|Question from the audience";

/** "Question:", "Question (addressed to both ministers):", "Вопрос:", "Q:", "问：" */
export const questionWord = build(
  new RegExp(String.raw`^(${QUESTION_WORDS}|Correspondent)${QUALIFIER}\s*[:：]\s*`, "iu"),
  "question",
);

/**
 * "Answer:", "Ответ:", "Відповідь:": briefings that label only the exchange, the person answering
 * being the one the title names (an MFA spokesperson's weekly briefing).
 */
export const answerWord = build(
  new RegExp(String.raw`^(Answers?|Ответы?|Відповідь|Відповіді|答)${QUALIFIER}\s*[:：]\s*`, "iu"),
  "answer",
);

/**
 * "Spokesman:", "Deputy Spokesperson:", "Associate Spokeswoman:": the UN's noon briefings label
 * the briefer by office alone; whoever the page says is briefing answers (as for "Answer:").
 */
export const SPOKESPERSON_WORDS = "(?:Deputy |Associate |Acting )?Spokes(?:man|woman|person)";
export const spokespersonWord = build(new RegExp(`^(${SPOKESPERSON_WORDS})\\s*:\\s*`, "u"), "answer");

/**
 * A bare "Q" followed by spacing, as in White House transcripts: "Q    Will he push…"; or "Q." as
 * some pages write it, which stays in the label as published.
 */
export const bareQ: LabelConvention = (paragraph) => {
  const m = /^(Q\.?)(?:\.|\s)?\s*(?=\S)/u.exec(paragraph);
  if (!m || m[0] === "Q") return null;
  return { label: m[1] as string, name: "Q", qualifier: null, role: "question", textStart: m[0].length };
};

/**
 * "A:" answering a "Q:", as interview transcripts print both: an answer label only on a page whose
 * questions are so labelled (pagesWithQAndA), since "A:" opens a list's items elsewhere.
 */
export const bareA: LabelConvention = (paragraph) => {
  const m = /^A\s*:\s*(?=\S)/u.exec(paragraph);
  if (!m) return null;
  return { label: "A", name: "A", qualifier: null, role: "answer", textStart: m[0].length };
};

/** Whether a page labels its exchanges "Q:" and "A:", so that "A:" is a label there (bareA). */
export const labelsQAndA = (paragraphs: string[]) =>
  paragraphs.some((p) => /^Q\s*:\s*\S/u.test(p)) &&
  paragraphs.some((p) => /^A\s*:\s*\S/u.test(p)) &&
  // "A: …", "B: …": a list's items, whatever else the page asks.
  !paragraphs.some((p) => /^B\s*:\s*\S/u.test(p));

/** A paragraph that opens with a dash of dialogue: "— Сергей Викторович, как вы оцениваете…?" */
const DIALOGUE_DASH = /^[—–]\s+(?=\S)/u;
const ASKS = /[?？]["»”)]*\s*$/u;

/**
 * Interviews printed as dialogue, as Russian and Ukrainian newspapers print them: each utterance
 * opens a paragraph with a dash, and no names ("— Как вы оцениваете итоги?" / "— Положительно.").
 * The dash is the label as printed. An utterance whose last paragraph ends on a question mark is
 * the interviewer's question; any other answers (whoever the title names, as for "Answer:"). Null
 * unless the page is such dialogue: no paragraph with a label of the profile's, and at least four
 * utterances, two of them asking (a statement's dashed list asks nothing).
 */
export function dialogueDashes(paragraphs: string[], conventions: LabelConvention[]): LabelConvention | null {
  const asking = new Map<string, boolean>();
  let utterances = 0;
  let questions = 0;
  let open: string | null = null;
  const close = (last: string) => {
    if (open === null) return;
    const asks = ASKS.test(last);
    asking.set(open, asks);
    if (asks) questions++;
  };
  let last = "";
  for (const p of paragraphs) {
    if (matchLabel(p, conventions)) return null;
    if (DIALOGUE_DASH.test(p)) {
      close(last);
      open = p;
      utterances++;
    }
    last = p;
  }
  close(last);
  if (utterances < 4 || questions < 2) return null;
  return (paragraph) => {
    const m = DIALOGUE_DASH.exec(paragraph);
    if (!m) return null;
    const asks = asking.get(paragraph) ?? ASKS.test(paragraph);
    const label = (m[0] as string).trim();
    return {
      label,
      name: asks ? "Question" : label,
      qualifier: null,
      role: asks ? "question" : "answer",
      textStart: m[0].length,
    };
  };
}

/** A bold line that ends as a sentence does, which a heading does not. */
const ENDS_SENTENCE = /[.!…:;]["»”)]*\s*$/u;
/** A bold line that neither asks nor ends as a sentence: a heading. */
const isHeading = (p: string) => !ASKS.test(p) && !ENDS_SENTENCE.test(p);
/** The person asked, addressed: "you", "вы", "ви", "Сергей Викторович" aside. */
const ADDRESSES =
  /(?<![\p{L}])(?:you|your|yours|вы|вас|вам|вами|ваш\p{L}*|ви|вашого|вашій|тобі|ты|тебя|тебе)(?![\p{L}])/iu;

/**
 * Newspaper interviews printed with each question in bold and no names, the answer in plain type
 * below ("<p><b>Sergey Viktorovich, how do you assess…?</b></p><p>Positively…</p>"). A run of
 * paragraphs wholly in bold (`emphasised`, from the HTML reader) is a question up to its last
 * paragraph that asks; the paragraph after that opens the answer (whoever the title names, as for
 * "Answer:"). Short bold lines with no end stop over it are headings and stay with what came
 * before. Bold that asks nothing (emphasis, a pull quote, a crosshead) is part of the answer.
 * Null unless the page is such an interview: no paragraph with a label of the profile's, at least
 * three questions, two of them addressing the person asked ("you", "вы", "ви"; rhetorical
 * subheads address nobody), and no bold paragraph whose words stand elsewhere on the page too
 * (a pull quote repeating the answer), since paragraphs are told apart by their words.
 */
export function boldQuestions(
  paragraphs: string[],
  emphasised: readonly string[] | undefined,
  conventions: LabelConvention[],
): LabelConvention | null {
  if (!emphasised || emphasised.length === 0) return null;
  const bold = new Set(emphasised);
  const seen = new Set<string>();
  for (const p of paragraphs) {
    if (seen.has(p) && bold.has(p)) return null;
    seen.add(p);
  }
  const opens = new Map<string, "question" | "answer">();
  let questions = 0;
  let addressing = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i] as string;
    if (matchLabel(p, conventions)) return null;
    if (!bold.has(p) || (i > 0 && bold.has(paragraphs[i - 1] as string))) continue;
    let end = i;
    while (end + 1 < paragraphs.length && bold.has(paragraphs[end + 1] as string)) end++;
    let start = i;
    while (start < end && isHeading(paragraphs[start] as string)) start++;
    // The question ends with its last paragraph that asks; bold after it is the answer's.
    let last = end;
    while (last >= start && !ASKS.test(paragraphs[last] as string)) last--;
    const reply = paragraphs[last + 1];
    if (last < start || reply === undefined || opens.has(reply)) continue;
    opens.set(paragraphs[start] as string, "question");
    opens.set(reply, "answer");
    questions++;
    if (paragraphs.slice(start, last + 1).some((q) => ADDRESSES.test(q))) addressing++;
  }
  if (questions < 3 || addressing < 2) return null;
  return (paragraph) => {
    const role = opens.get(paragraph);
    if (!role) return null;
    // Nothing is printed before the words: the label as printed is empty.
    return {
      label: "",
      name: role === "question" ? "Question" : "Answer",
      qualifier: null,
      role,
      textStart: 0,
    };
  };
}

/** "Moderator:", "Ведущий:", "Ведучий:", "MODERATOR:" */
export const moderatorWord = build(
  new RegExp(
    String.raw`^((?:THE )?MODERATOR|Moderator|Модератор|Ведущий|Ведущая|Ведучий|Ведуча|Chair|Председательствующий|Головуючий|主持人)${QUALIFIER}\s*[:：]\s*`,
    "u",
  ),
  "moderator",
);

/** Russian-style initials and surname: "С.Лавров:", "С.В.Лавров:", "Т.Карлсон (как переведено):". */
export const initialsSurname = build(
  new RegExp(
    String.raw`^((?:\p{Lu}\.\s?){1,2}\s?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s\p{Lu}\p{Ll}+)?)${QUALIFIER}\s*:\s*`,
    "u",
  ),
  "speaker",
);

const NOT_A_NAME_START = new Set(
  [
    "the",
    "in",
    "as",
    "for",
    "note",
    "source",
    "subject",
    "re",
    "date",
    "time",
    "place",
    "location",
    "dear",
    "ladies",
    "excellencies",
    "excellency",
    "distinguished",
    "honourable",
    "honorable",
    "mr",
    "mrs",
    "ms",
    "madam",
    "madame",
    "sir",
    "president",
    "уважаемый",
    "уважаемая",
    "уважаемые",
    "дорогие",
    "дамы",
    "господин",
    "госпожа",
    "господа",
    "коллеги",
    "friends",
    "colleagues",
    "and",
    "but",
    "so",
    "now",
    "today",
    "first",
    "second",
    "third",
    "finally",
    "also",
    "this",
    "that",
    "these",
    "those",
    "our",
    "my",
    "we",
    "i",
    "it",
    "there",
    "here",
    "what",
    "why",
    "how",
    "when",
    "where",
    "who",
    "update",
    "correction",
    "example",
    "answer",
    "ответ",
    "a",
    "an",
    "on",
    "at",
    "to",
    "of",
    "by",
    "with",
    "from",
    "members",
    "thank",
    "thanks",
  ].map((w) => w.toLowerCase()),
);

const looksLikePersonName = (name: string) => {
  const first = name.split(/[\s.]+/)[0]?.toLowerCase() ?? "";
  return !NOT_A_NAME_START.has(first);
};

/** Given name and surname in mixed case: "Sergey Lavrov:", "Mevlut Cavusoglu (retranslated):", "Сергей Лавров:". */
export const fullName = build(
  new RegExp(
    // Each word's letters split one way only ("\p{Ll}+[’'\-]?\p{Ll}*" could split a long word at
    // every letter: three words of 300 letters and no colon took 43 s).
    String.raw`^((?:\p{Lu}\p{Ll}+(?:[’'\-]\p{Ll}*)?\.?\s){1,3}\p{Lu}\p{Ll}+(?:[’'\-]\p{Lu}?\p{Ll}+)?)${QUALIFIER}\s*:\s*`,
    "u",
  ),
  "speaker",
  looksLikePersonName,
);

/**
 * Words that make a label a newsroom's: the Chinese Foreign Ministry's transcripts name each
 * question by the outlet that asks it ("CCTV:", "Global Times:", "Bloomberg:", "Xinhua News
 * Agency:"), as other ministries' sometimes do.
 */
const MEDIA_WORDS =
  "News|TV|Television|Times|Daily|Agency|Media|Radio|Associated Press|Post|Journal|Broadcasting|Broadcast|Network|Review|Weekly|Monthly|Channel|Shimbun|Herald|Tribune|Gazette|Telegraph|Guardian|Agence|Agencia|Bloomberg|Reuters|Xinhua|Sputnik|Yonhap|Kyodo|Anadolu|Bernama|Antara|Nikkei|Phoenix|Caixin|Politico|Al Jazeera|Prensa Latina|The Paper|Zaobao|Ta Kung Pao|Wen Wei Po|Novosti|Interfax|Izvestia|Kommersant|Asahi|Yomiuri|Mainichi|Dawn|Suspilne|Ukrinform|UNIAN";
/** Newsrooms known by their letters; other capitals before a colon ("NOTE:", "EU:", "UN Charter:") name none. */
const MEDIA_ACRONYMS =
  "CCTV|CGTN|AFP|AP|EFE|NHK|KBS|MBC|SBS|TASS|RIA|ANSA|DPA|BBC|CNN|CNBC|NBC|ABC|CBS|RTHK|TVB|ITV|RTL|ZDF|ARD|NPR|PTI|ANI|UPI|VOA|RFI|DW|WSJ|TRT|IRNA|KCNA|CNA|TBS|CTV|CBC|SCMP|RT";
const OUTLET_LABEL = new RegExp(
  String.raw`^((?:[\p{Lu}\d][\p{L}\d&'’.\-]*\s){0,5}(?:${MEDIA_WORDS})(?:\s[\p{Lu}\d][\p{L}\d&'’.\-]*){0,4}|(?:${MEDIA_ACRONYMS})(?:\s[A-Z]\p{Ll}+){0,2})\s*:\s*(?=\S)`,
  "u",
);

/**
 * A question named by the outlet that asks it: "CCTV:", "AFP:", "Global Times:", "Xinhua News
 * Agency:", and in Chinese an outlet's reporter ("总台央视记者：", "法新社记者："). Tried after
 * an office's label ("MS. PSAKI:" is capitals too, but a name, not an acronym of 2 to 6 letters).
 */
export const outletLabel: LabelConvention = (paragraph) => {
  const han = /^(\p{Script=Han}{0,14}?记者)\s*[:：]\s*(?=\S)/u.exec(paragraph);
  const m = han ?? OUTLET_LABEL.exec(paragraph);
  if (!m) return null;
  const name = (m[1] as string).trim();
  return { label: name, name, qualifier: null, role: "question", textStart: m[0].length, outlet: true };
};

/** Newsrooms whose name alone, before a colon, is a label wherever it is found (generic pages). */
const NEWSROOM_LABEL = new RegExp(
  String.raw`^(${MEDIA_ACRONYMS}|Reuters|Bloomberg|Xinhua|Sputnik|Yonhap|Kyodo|Anadolu|Interfax|Associated Press|Agence France-Presse)\s*:\s*(?=\S)`,
  "u",
);

/**
 * outletLabel for pages of any publisher: only a newsroom's letters or its own name ("AFP:",
 * "Reuters:"), since words such as "Review" or "Network" also name committees.
 */
export const newsroomLabel: LabelConvention = (paragraph) => {
  const m = NEWSROOM_LABEL.exec(paragraph);
  if (!m) return null;
  const name = m[1] as string;
  return { label: name, name, qualifier: null, role: "question", textStart: m[0].length, outlet: true };
};

/** Two or three characters before a colon that are a word, not a name: "总之：", "首先：", "注：". */
const HAN_NOT_A_NAME =
  /^(?:总之|首先|其次|另外|此外|最后|同时|对此|为此|因此|例如|比如|附件|备注|原文|全文|背景|链接|问题|答复|回答|声明|公告|通知|发言人|主持人|追问|提问|记者)$/u;

/**
 * A name in Chinese characters before a full-width colon: the spokesperson, "汪文斌：". Chinese
 * names are two or three characters; a longer run ("我想强调：") is a sentence.
 */
export const hanName = build(
  /^(\p{Script=Han}{2,3})()\s*[:：]\s*/u,
  "speaker",
  (name) => !HAN_NOT_A_NAME.test(name),
);

/**
 * Words of an office after a name ("Andriy Yermak, Head of the Office of the President:", "Olaf
 * Scholz, Chancellor of Germany:"), which make the label an official's, not a reporter's with an
 * outlet. Not "Press": "Associated Press" is a newsroom.
 */
const OFFICE =
  /President|Minister|Head|Office|Secretary|Spokes|Ambassador|Advis|Director|Chair|Deputy|General|Officer|Commander|Governor|Mayor|Senator|Representative|Aide|Lady|Chancellor|Президент|Міністр|Министр|Голова|Глава|Керівник|Руководител|Посол|Радник|Советник|Директор|Заступник|Заместител|Офіс|Секретар|Речник|Представ|Помічник|Помощник|Канцлер|Головнокоманд|Главнокоманд|Генеральн/iu;

/**
 * A reporter named with the outlet they ask for: "Олена Ковальчук, «Суспільне»:", "Anna Smith,
 * Reuters:", "Andrew Gray (Reuters):" (NATO's and the EU's transcripts). Officials are labelled by name or office, never by a newsroom, so such a label puts
 * questions. The outlet is part of the label, not a qualifier, which would be read as whom the
 * question is addressed to.
 */
const NAME_THEN_OUTLET =
  /^((?:\p{Lu}\p{Ll}+(?:[’'-]\p{Ll}*)?\s){1,2}\p{Lu}\p{Ll}+(?:[’'-]\p{Lu}?\p{Ll}+)?)(?:,\s*([^:\n]{1,60}?)|\s*\(([^()\n]{1,60})\))\s*:\s*/u;
/** A newsroom's name in any script: a quoted name, or one with a word only outlets have. */
const OUTLET_NAME = new RegExp(
  String.raw`^[«"“„][^»"”“]{1,58}[»"”“]$|(?:^|[^\p{L}])(?:${MEDIA_WORDS}|${MEDIA_ACRONYMS}|телеканал|канал|радіо|радио|агентство|агенція|газета|журнал|видання|издание|Суспільне|Укрінформ|УНІАН|Інтерфакс|Интерфакс|ТАСС|РИА|Вести|Известия|Коммерсант|ТСН|ICTV)(?:$|[^\p{L}])`,
  "u",
);

/**
 * How the names of newsrooms a chair calls on end: a paper, a channel, a wire ("Financial Times",
 * "Fox News", "Reuters", "AFP"), not words other bodies' names end in too ("Agency", "Review",
 * "Network": "the International Atomic Energy Agency", "the Nuclear Posture Review").
 */
const CALLED_NEWSROOM_LAST = new RegExp(
  String.raw`(?:^|\s)(?:Times|Post|Journal|News|Telegraph|Telegraf|Guardian|Herald|Tribune|Gazette|TV|Television|Radio|Channel|Shimbun|Associated Press|Reuters|Bloomberg|Xinhua|Sputnik|Yonhap|Kyodo|Anadolu|Interfax|Al Jazeera|Suspilne|Ukrinform|UNIAN|${MEDIA_ACRONYMS})$`,
  "u",
);
/** Newsrooms called by their wire's name or letters alone: never anything else. */
const WIRE = new RegExp(
  `^(?:Reuters|Bloomberg|Xinhua|Sputnik|Yonhap|Kyodo|Anadolu|Interfax|Associated Press|${MEDIA_ACRONYMS})$`,
  "u",
);

/** Longer than any newsroom's name: not read as one (and not searched through). */
const OUTLET_NAME_CHARS = 80;

/** The name, without a call's "please" and its stop; null when it is longer than a name. */
function bareName(text: string): string | null {
  if (text.length > OUTLET_NAME_CHARS + 12) return null;
  return text
    .trim()
    .replace(/[.?!]+$/u, "")
    .replace(/,?\s+please$/iu, "")
    .replace(/^(?:the|The)\s+/u, "");
}

/**
 * A newsroom named and nothing else: "The Financial Times.", "Reuters?", "AFP, please." (NATO's and
 * the UN's press conferences give the floor by outlet). One name, not a sentence before it ("No.
 * VOA." answers, then calls).
 */
export function isOutletName(text: string): boolean {
  const t = bareName(text);
  if (t === null || /[.?!]\s/u.test(t)) return false;
  return (
    /^[\p{Lu}\d][\p{L}\d&'’.-]*(?:\s[\p{Lu}\d][\p{L}\d&'’.-]*){0,4}$/u.test(t) && CALLED_NEWSROOM_LAST.test(t)
  );
}

/**
 * A newsroom called on by a turn that says nothing else: a wire by its name ("Reuters.", "AFP."), or
 * any newsroom asked for ("Financial Times?", "The Guardian, please."). "The Wall Street Journal."
 * alone may answer "Who reported it?".
 */
export function callsOnOutlet(text: string): boolean {
  if (!isOutletName(text)) return false;
  const t = text.trim();
  return /\?$|,?\s+please[.!]?$/iu.test(t) || WIRE.test(bareName(t) ?? "");
}

/** A label that is the whole of the paragraph up to `end` (its colon included), with no qualifier apart. */
const labelledUpTo = (paragraph: string, end: number, name: string, role: LabelRole): LabelMatch => ({
  label: paragraph
    .slice(0, end)
    .replace(/\s*:\s*$/u, "")
    .trim(),
  name,
  qualifier: null,
  role,
  textStart: end,
});

export const nameWithOutlet: LabelConvention = (paragraph) => {
  const m = NAME_THEN_OUTLET.exec(paragraph);
  if (!m) return null;
  const name = m[1] as string;
  const outlet = (m[2] ?? m[3] ?? "").trim();
  if (!looksLikePersonName(name) || !OUTLET_NAME.test(outlet) || OFFICE.test(outlet)) return null;
  // In brackets, only a newsroom's name ("(Reuters)"), not where the words were said ("(in the CNN studio)").
  if (m[3] !== undefined && !isOutletName(outlet)) return null;
  return labelledUpTo(paragraph, m[0].length, name, "question");
};

/**
 * An official named with the office after the name, as ministries label their briefers: "Shri
 * Randhir Jaiswal, Official Spokesperson:", "Olaf Scholz, Chancellor of Germany:", "Andriy Yermak,
 * Head of the Office of the President:". An honorific before the name is the label's, not the name's.
 */
const NAME_THEN_OFFICE =
  /^(?:(?:Shri|Smt\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|H\.\s?E\.|Sir|Dame)\s)?((?:\p{Lu}\p{Ll}+(?:[’'-]\p{Ll}*)?\s){1,2}\p{Lu}\p{Ll}+(?:[’'-]\p{Lu}?\p{Ll}+)?),\s*([^:,\n]{3,80}?)\s*:\s*/u;
/**
 * An office as a label gives it after the name: its first word or two are an office's (a
 * capitalised qualifier may come first: "Official Spokesperson", "Deputy Head of…"), whole words
 * only ("Headlines Today" is a newsroom, "whose officers…" a clause).
 */
const OFFICE_AFTER_NAME =
  /^(?:\p{Lu}[\p{L}-]*\s)?(?:President|Vice[- ]President|Prime Minister|Minister|Head|Secretary|Secretary-General|Spokesperson|Spokesman|Spokeswoman|Ambassador|Adviser|Advisor|Director|Director-General|Chair|Chairman|Chairwoman|Deputy|Officer|Commander|Governor|Mayor|Senator|Representative|Envoy|Commissioner|Chancellor|Counsellor|Counselor|Coordinator|First Lady|Президент|Міністр|Министр|Голова|Глава|Керівник|Керівниця|Руководитель|Посол|Радник|Радниця|Советник|Директор|Заступник|Заступниця|Заместитель|Речник|Речниця|Секретар|Секретарь|Представник|Представниця|Представитель|Помічник|Помощник|Канцлер|Спікер|Спикер|Пресс-секретарь|Прес-секретар)(?![\p{L}])/iu;

export const nameWithOffice: LabelConvention = (paragraph) => {
  const m = NAME_THEN_OFFICE.exec(paragraph);
  if (!m) return null;
  const name = m[1] as string;
  const office = (m[2] as string).trim();
  if (!looksLikePersonName(name) || !OFFICE_AFTER_NAME.test(office) || OUTLET_NAME.test(office)) return null;
  if (paragraph.slice(m[0].length).trim() === "") return null;
  return labelledUpTo(paragraph, m[0].length, name, "speaker");
};

// Page furniture in capitals before a colon: "READ MORE:", "SEE ALSO:", "RELATED:" are links, not speakers.
const NOT_A_CAPS_LABEL =
  /^(NOTE|END|UPDATE|CORRECTION|EMBARGOED|FACT SHEET|WASHINGTON|PLEASE NOTE|ET|EST|EDT|PM|AM|P\.M|A\.M|[IVXLC]+|READ MORE|READ ALSO|SEE ALSO|ALSO READ|RELATED|RELATED STORY|RELATED CONTENT|EDITOR[’']S NOTE)$/;

/** A clock's time zone run into the label after it ("10:00 A.M. EST  MR. CARNEY:"): no speaker's name. */
const CLOCK_TAIL = /^(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|A\.M\.|P\.M\.|AM|PM)\s/u;

/**
 * A capital that begins a word of a capitals label, with the lowercase letters a surname keeps
 * however it is printed: "MR. McDONOUGH:", "SECRETARY LaHOOD:", "MR. DeMINT:".
 */
const CAPITALS_WORD_START = String.raw`(?:(?:Mc|Mac|La|Le|De|Di|Du|Da)(?=\p{Lu}{2}))?[\p{Lu}]`;

/** All-capitals labels of US transcripts: "MS. PSAKI:", "THE PRESIDENT:", "SENIOR ADMINISTRATION OFFICIAL:". */
export const capitalsLabel = build(
  new RegExp(
    String.raw`^((?:${CAPITALS_WORD_START}[\p{Lu}\p{M}.'’\-]*\s){0,5}${CAPITALS_WORD_START}[\p{Lu}\p{M}'’\-]+\.?)${QUALIFIER}\s*:\s*`,
    "u",
  ),
  "speaker",
  (name) =>
    /\p{Lu}{2}/u.test(name) &&
    !NOT_A_CAPS_LABEL.test(name.replace(/\.$/, "")) &&
    !CLOCK_TAIL.test(name) &&
    !/^Q$/.test(name),
);

/** "Q" and a run of spaces, as US transcripts print the question's label: "Q    Robert, …". */
const SPACED_Q = /^Q[\s\u00a0]{2,}\S/u;
/** "Q" and one space before a capital: "Q Can I ask…", a label only where a page is known to print them so. */
const TIGHT_Q = /^Q[ \u00a0]\p{Lu}/u;

/**
 * Whether a US transcript's label opens `text` as the segmenter reads it: "Q" and spaces, a
 * capitals label ("MS. PSAKI:", "MR. McDONOUGH:"), and with `tightQ` a "Q" and one space before a
 * capital. The readers ask it where a page lost the break before a turn (html.ts, markdown.ts).
 */
export function opensWithUsLabel(text: string, tightQ = false): boolean {
  return SPACED_Q.test(text) || (tightQ && TIGHT_Q.test(text)) || capitalsLabel(text) !== null;
}

/** "Q" and a run of spaces only: the one label a page may run into a sentence's last letter ("homes.Q    These…"). */
export const opensWithSpacedQ = (text: string) => SPACED_Q.test(text);

/**
 * Words of a label's parenthetical that say the text is an interpretation: "as interpreted",
 * "retranslated from Russian", "перевод с турецкого", "говорит по-турецки" (speaks Turkish, so
 * what is printed is a translation).
 */
const INTERPRETED =
  /^(?:as |through (?:an )?|via (?:an )?)?(?:interpreted|interpreter|translated|translation|retranslated)(?: from \p{L}+)?\.?$|^(?:speaks|speaking) in \p{L}+\.?$|^(?:как |в )?(?:переведено|переводе|перевод)(?: с \p{L}+(?: языка)?)?\.?$|^(?:через переводчика|синхронный перевод)\.?$|^(?:говорит|говорил|говорит на|отвечает) ?(?:по-\p{L}+|на \p{L}+ языке)\.?$|^(?:в )?перекладі?(?: з \p{L}+)?\.?$/iu;

/** True when a label's parenthetical, or a leading "(As interpreted.)", says the words are an interpretation, in any of its comma-separated parts. */
export function isInterpretedMarker(text: string): boolean {
  return text
    .trim()
    .replace(/^\(|\)$/g, "")
    .split(/[,;]\s*/u)
    .some((part) => INTERPRETED.test(part.trim()));
}

/**
 * What a question's parenthetical says that is not whom it is put to: a follow-up, a language,
 * off-mic, from the floor (an interpretation is isInterpretedMarker's).
 */
const NOT_ADDRESSEE =
  /^(?:follow[- ]?up|continued|cont'?d|inaudible|off[- ]mic(?:rophone)?|from the (?:floor|audience)|via video ?link|by video ?link|in \p{L}+|уточняющ\p{L}*|дополнительн\p{L}*|в продолжение|продолжение|из зала|неразборчиво|по-\p{L}+|уточнююч\p{L}*|додатков\p{L}*)\.?$/iu;

/** Words that say whom a question is put to, before the addressee: "addressed to…", "адресован…". */
const ADDRESS_WORDS = "addressed to|to|for|question to|адресован[оа]?|обращен[оа]?|к|для|адресоване|до";
const ADDRESS_PREFIX = new RegExp(`^(?:${ADDRESS_WORDS})\\s+`, "iu");
/** A part that addresses someone: those words, or "both…", "обоим…" (kept in the addressee). */
const ADDRESSING = new RegExp(`^(?:${ADDRESS_WORDS}|both|обоим|обеим|всем)\\s+`, "iu");

/**
 * Whom a question's parenthetical says it is put to ("addressed to both ministers"), or null: the
 * part that addresses someone, not who asks ("турецкие СМИ") nor how it was translated.
 */
export function addressee(qualifier: string): string | null {
  const parts = qualifier
    .trim()
    .split(/[,;]\s*/u)
    .map((p) => p.trim())
    .filter((p) => p !== "" && !NOT_ADDRESSEE.test(p) && !isInterpretedMarker(p));
  const addressed = parts.find((p) => ADDRESSING.test(p));
  if (addressed) return addressed.replace(ADDRESS_PREFIX, "").trim() || null;
  // A name or an office alone ("Question (Minister Lavrov):") is whom it is put to.
  return parts.length === 1 &&
    /^\p{Lu}/u.test(parts[0] as string) &&
    !/(?<![\p{L}\p{N}])(?:СМИ|media|TV|агентство|agency)(?![\p{L}\p{N}])/iu.test(parts[0] as string) &&
    // "Question (Reuters):": the newsroom that asks.
    !isOutletName(parts[0] as string)
    ? (parts[0] as string)
    : null;
}
