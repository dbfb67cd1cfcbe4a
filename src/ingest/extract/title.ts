/**
 * Reading a title the way a person would: what kind of event, where, when, and who took part.
 * Publishers pack all of this into titles ("…joint news conference…, Sochi, December 29, 2020").
 */
import type { DocumentKind } from "../../model/document.js";
import { TITLE_CASE_WORD } from "../speakers/names.js";
import { findMentions, type SpeakerRegistry } from "../speakers/registry.js";
import { parseDateline } from "./dates.js";
import type { DraftParticipant } from "./draft.js";

/**
 * What a title says the event was. Where it names two, the more specific wins: "Remarks by President
 * Biden and Prime Minister Kishida in Joint Press Conference" is a press conference; remarks "at
 * Signing of an Executive Order" are remarks, not the order; a "Background Press Call" is a
 * briefing by telephone.
 */
const PRESS_CONFERENCE =
  /news conference|press conference|press availability|press encounter|stakeout|rueda de prensa|conferencia de prensa|пресс-конференци|прес-?конференці|记者会|新闻发布会|記者會/iu;
const EVENT_KINDS: [RegExp, DocumentKind][] = [
  [PRESS_CONFERENCE, "press-conference"],
  [/briefing|gaggle|press call|conference call|media call|брифинг|брифінг/iu, "briefing"],
  [/interview|интервью|інтерв/iu, "interview"],
];
/** A title that is the act itself, not remarks about it. */
const DECREE =
  /^(?:(?:presidential\s+)?(?:executive order|decree|proclamation|memorandum)\b|указ|распоряжение|р а с п о р я ж е н и е|у к а з|федеральный закон)/iu;
/**
 * Remarks as the page files them: "Remarks by…", "Excerpts from…", "Выступление…", "Вступительное
 * слово…" (opening remarks).
 */
const REMARKS_FIRST =
  /^(?:(?:corrected|updated):\s*)?(?:remarks|excerpts?|выступлени|(?:вступительн|приветственн|заключительн|вступн|вітальн|заключн)\p{L}* слово)/iu;
/** An address as a noun ("State of the Union Address", "in Address to"), not the verb ("Efforts to Address"). */
const SPEECH =
  /general debate|(?<!\bto\s)\baddress\b|\bspeech\b|обращени|речь|послани|звернення|промова|послання/iu;
const STATEMENT =
  /statement|readout|fact sheet|letter from|заявлени|заява|заяви|комментари|comment by|сообщение для сми|press release|comunicado|información sobre|\barticle\b|стать[яи]|стаття|greetings|приветстви|message (?:to|of)\b|пресс-релиз/iu;
// "Answers to media questions", and one answer: "…'s answer to a media question", "Ответ официального
// представителя … на вопрос СМИ", "Відповідь речника … на запитання ЗМІ".
const REMARKS =
  /remarks|выступлени|answers? to (?:an? )?(?:media |journalists[’'] |press )?questions?|ответы на вопросы|^ответ\s[^?!]{0,160}?\sна вопрос|^відповід[ьі]\s[^?!]{0,160}?\sна (?:запитання|питання)/iu;

/**
 * The event a page's lead reports ("…in the course of a news conference combined with a Direct
 * Line.") when its title names none ("Итоги года с Владимиром Путиным"): only events, since a
 * lead's "made statements for the press" before questions is no statement.
 */
export function eventKindFromLead(lead: string): DocumentKind | null {
  // The first sentence says what took place; later ones may announce what is to come ("The leaders
  // will then hold a joint news conference.").
  const first = lead.split(/(?<=[.!?])\s+/u)[0] ?? lead;
  if (
    /\b(?:will|shall)\b|(?<![\p{L}])(?:будет|будут|состоится|проведут|відбудеться|проведуть)(?![\p{L}])/iu.test(
      first,
    )
  )
    return null;
  for (const [pattern, kind] of EVENT_KINDS) if (pattern.test(first)) return kind;
  return null;
}

/**
 * A briefing the speaker was given or gave to officials ("Remarks by President Biden on the Weekly
 * Economic Briefing", "…After Briefing on Tornado Response"), not one given to the press: remarks
 * are what the page holds.
 */
const BRIEFING_RECEIVED =
  /^(?:remarks|excerpts?)\b(?!.*\b(?:press|news|media|background|daily|on-the-record|off-camera)\s+(?:briefing|call)\b)(?!.*\b(?:gaggle|press call|conference call|media call)\b).*\bbriefing\b/iu;

export function kindFromTitle(title: string): DocumentKind | null {
  if (BRIEFING_RECEIVED.test(title.trim()) && !PRESS_CONFERENCE.test(title)) return "remarks";
  for (const [pattern, kind] of EVENT_KINDS) if (pattern.test(title)) return kind;
  if (DECREE.test(title.trim())) return "decree";
  if (REMARKS_FIRST.test(title.trim())) return SPEECH.test(title) ? "speech" : "remarks";
  if (STATEMENT.test(title)) return "statement";
  if (SPEECH.test(title)) return "speech";
  if (REMARKS.test(title)) return "remarks";
  return null;
}

export interface TitleFacts {
  kind: DocumentKind | null;
  event: string | null;
  place: string | null;
  date: string | null;
  participants: DraftParticipant[];
  titleSpeaker: DraftParticipant | null;
}

// A date closes a title after a comma or a dash: "…, Sochi, December 29, 2020", "Department Press
// Briefing – January 2, 2024".
const TRAILING_PLACE_DATE =
  /(?:,|\s[–—-])\s*([\p{Lu}][\p{L}\-’' .]{1,40}?),\s*((?:\p{L}+\.? \d{1,2}, \d{4})|(?:\d{1,2} \p{L}+ \d{4}(?: (?:года|г\.))?)|(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}))\s*$/u;
// A date in figures may also follow a space or a bar ("Press Briefing 1/29/09", "… | 8/27/2015"),
// and be written with dashes ("…, 8-6-09"): a US page's month first, as with slashes.
const TRAILING_DATE =
  /(?:,|\s[–—|-]|\s(?=\d{1,2}\/\d{1,2}\/\d{2,4}\s*$))\s*((?:\p{L}+\.? \d{1,2}, \d{4})|(?:\d{1,2} \p{L}+ \d{4}(?: (?:года|г\.))?)|(?:\d{1,2}[./]\d{1,2}[./]\d{2,4})|(?:\d{1,2}-\d{1,2}-\d{2}))\s*$/u;
/**
 * A title's date in figures with dashes read as with slashes ("8-6-09" as "8/6/09"), only with a
 * two-digit year, as US pages abbreviate it ("05-03-2021" may be day first).
 */
const titleDateOf = (text: string) =>
  parseDateline(/^\d{1,2}-\d{1,2}-\d{2}$/.test(text) ? text.replace(/-/g, "/") : text).date;
/** A title about a day remembered names that day, not its own: "Remarks Commemorating 9/11/01". */
const COMMEMORATES =
  /commemorat|anniversary|remembrance|remembering|in memory|годовщин|памяти|річниц|пам['’]яті/iu;

/** Words that introduce the event after the speech act: "…remarks … during the joint news conference". */
const EVENT_STARTS = [
  /\s(?:during|in the course of|в ходе|во время)\s/iu,
  /\s(?:at|following|на(?!\s+вопрос)|по итогам)\s/iu,
];

const NAME_PART = String.raw`(?!${TITLE_CASE_WORD})\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*`;
const NAME_AFTER_ROLE = new RegExp(
  String.raw`(?:Minister|President|Secretary|Chancellor|Ambassador|Premier|Министр\p{L}*|Президент\p{L}*|Посл\p{L}*)(?:\s+(?:of|for)(?:\s+the)?\s+(?:\p{Lu}\p{L}+\s?){1,3})*\s+((?:${NAME_PART}\s){1,2}${NAME_PART})(?![\p{L}-])`,
  "gu",
);
/** The state an office belongs to, not a person: "Президента Российской Федерации", "President of the United States". */
const STATE =
  /(?:Федераци|Республик|Королевств|Штат|Эмират|Federation|Republic|Kingdom|States|Emirates)\p{L}*$/u;
/** "Prime Minister Lindqvist of Sweden": a head of government named by surname, then the country. */
const SURNAME_OF_COUNTRY =
  /(?:President|Prime Minister|Chancellor|King|Queen|Emir|Premier)\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s+of\s+(?:the\s+)?\p{Lu}/gu;
const RUSSIAN_INITIALS_NAME = /(?:\p{Lu}\.\s?){1,2}\s?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?/gu;

/** Titles of a press office's report about others: "Press release on…", "Readout of…", "Информация о…". */
const REPORT_TITLE =
  /^(?:press release|readout|information|news release|о встрече|о беседе|о телефонном разговоре|о переговорах|информация|пресс-релиз|про зустріч|про телефонну розмову)(?![\p{L}\p{N}])/iu;

/** A Russian or Ukrainian patronymic in any case: "Владимировича", "Олександрівни". */
const PATRONYMIC = /(?:ович|евич|ьич|овна|евна|ична|івна|ївна)\p{Ll}*$/u;

/**
 * "Президента України Володимира Зеленського", "Президента Франции Эмманюэля Макрона": after an
 * office, Russian and Ukrainian put the country, in the genitive, before the name. Three Cyrillic
 * words are a country and a name, unless the second is a patronymic ("Владимира Владимировича Путина").
 */
function withoutCountry(name: string): string {
  const words = name.split(/\s+/u);
  if (words.length !== 3 || !/\p{sc=Cyrillic}/u.test(name) || PATRONYMIC.test(words[1] as string))
    return name;
  return words.slice(1).join(" ");
}

export function analyseTitle(title: string, registry: SpeakerRegistry, date: string | null): TitleFacts {
  let rest = title.trim();
  let place: string | null = null;
  let titleDate: string | null = null;
  const remembers = COMMEMORATES.test(rest);
  const withPlace = remembers ? null : TRAILING_PLACE_DATE.exec(rest);
  const placeDate = withPlace ? parseDateline(withPlace[2] ?? "").date : null;
  if (withPlace && placeDate) {
    place = (withPlace[1] ?? "").trim();
    titleDate = placeDate;
    rest = rest.slice(0, withPlace.index);
  } else {
    const onlyDate = remembers ? null : TRAILING_DATE.exec(rest);
    const dated = onlyDate ? titleDateOf(onlyDate[1] ?? "") : null;
    if (onlyDate && dated) {
      titleDate = dated;
      rest = rest.slice(0, onlyDate.index);
    }
  }
  if (place && /^(?:the|a|an)\s/i.test(place)) place = null;

  const kind = kindFromTitle(title);
  const eventMatch = EVENT_STARTS.map((p) => p.exec(rest)).find((m) => m !== null) ?? null;
  const event = eventMatch
    ? rest
        .slice(eventMatch.index + eventMatch[0].length)
        .replace(/^(?:the|a|an)\s/i, "")
        .trim()
    : null;

  const onDate = date ?? titleDate;
  const participants: DraftParticipant[] = [];
  const seen = new Set<string>();
  const add = (name: string, role: string | null) => {
    const key = registry.findByName(name)?.id ?? name;
    if (seen.has(key)) return;
    seen.add(key);
    participants.push({ name, role });
  };
  const mentions: { index: number; name: string; role: string | null }[] = [];
  for (const speaker of findMentions(registry, rest)) {
    const role = speaker.roles.find(
      (r) => onDate && (!r.from || r.from <= onDate) && (!r.to || onDate <= r.to),
    );
    const at = firstIndexOf(rest, speaker.name, [speaker.name, ...speaker.aliases.map((a) => a.name)]);
    mentions.push({ index: at, name: speaker.name, role: role?.title ?? null });
  }
  for (const m of rest.matchAll(NAME_AFTER_ROLE)) {
    const name = m[1] ? withoutCountry(m[1]) : null;
    if (name && !STATE.test(name) && !registry.findByName(name))
      mentions.push({ index: m.index ?? 0, name, role: null });
  }
  for (const m of rest.matchAll(SURNAME_OF_COUNTRY)) {
    if (m[1] && !registry.findByName(m[1], onDate))
      mentions.push({ index: m.index ?? 0, name: m[1], role: null });
  }
  for (const m of rest.matchAll(RUSSIAN_INITIALS_NAME)) {
    if (!registry.findByName(m[0])) mentions.push({ index: m.index ?? 0, name: m[0], role: null });
  }
  mentions.sort((a, b) => a.index - b.index);
  for (const m of mentions) add(m.name, m.role);
  return {
    kind,
    event: event || null,
    place,
    date: titleDate,
    participants,
    // "Press release on Deputy Minister Ryabkov's meeting with…", "Readout of…": the press office
    // reports what others said; the people it names are not its speaker.
    titleSpeaker: REPORT_TITLE.test(title.trim()) ? null : (participants[0] ?? null),
  };
}

/** Where a person is first named in the text, trying each of their names' surnames. */
function firstIndexOf(text: string, _name: string, names: string[]): number {
  let best = Number.POSITIVE_INFINITY;
  const lower = text.toLowerCase();
  for (const n of names) {
    const surname =
      n
        .split(/[\s.]+/)
        .filter(Boolean)
        .pop() ?? n;
    const stem = surname.length > 5 ? surname.slice(0, -1) : surname;
    const i = lower.indexOf(stem.toLowerCase());
    if (i >= 0 && i < best) best = i;
  }
  return Number.isFinite(best) ? best : text.length;
}
