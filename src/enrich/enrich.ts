/**
 * The enrichment stage: document → entities mentioned, time expressions normalised against the
 * document's date, and the language of every turn. Pure and re-runnable: when the gazetteer
 * improves, the stored archive is enriched again without re-ingesting (`verbatim reenrich`).
 */

import { writtenInCyrillic } from "../ingest/speakers/names.js";
import type { Document } from "../model/document.js";
import type { Enrichment, Located } from "../model/enrichment.js";
import { type CandidateMention, type EntityMatcher, resolveMentions } from "./entity-matcher.js";
import { detectTurnLanguage } from "./language.js";
import { type LocatedName, resolveFoundNames } from "./names/found-entities.js";
import { labelName } from "./names/label-names.js";
import { latinLookalikes } from "./names/lookalikes.js";
import { findNames, type Span } from "./names/name-finder.js";
import { ownBodyMentions } from "./own-bodies.js";
import { findTimeExpressions } from "./time-expressions.js";

/** Bumped when what enrichment finds changes, so stored enrichments can be recognised as stale. */
export const ENRICHMENT_VERSION = 21;

/** Where a document's place line is located: turn -3 (the title is -1, participants -2). */
const PLACE_LINE = -3;

/** Languages whose conventions the name finder knows; in others only listed entities are found. */
const NAME_LANGUAGES = new Set(["en", "ru", "uk"]);

/** The text as names are read in it: in a language not written in Cyrillic, Cyrillic look-alikes are Latin letters (names/lookalikes.ts). */
const readable = (text: string, lang: string) => (writtenInCyrillic(lang) ? text : latinLookalikes(text));

/** Two to four capitalised words, initials allowed: a participant line that is a person's name. */
const PARTICIPANT_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u;

/** Words of a place line that say how, not where: "Via Teleconference", "Aboard Air Force One". */
const NOT_WHERE = /^(?:via|aboard|en route|virtual|teleconference|online|by phone)\b/iu;

/**
 * A place line lists places ("Москва, Кремль", "Wilmington, Delaware"): each part of one or two
 * capitalised words that no list and no rule named is a place.
 */
function placeLineParts(
  line: string,
  lang: string,
  taken: readonly (readonly [number, number, ...unknown[]])[],
  names: LocatedName[],
): void {
  for (const m of line.matchAll(/[^,]+/gu)) {
    const text = m[0].trim();
    const start = (m.index ?? 0) + m[0].indexOf(text);
    const end = start + text.length;
    if (!/^\p{Lu}[\p{L}’'-]*(?:\s\p{Lu}[\p{L}’'-]*)?$/u.test(text) || NOT_WHERE.test(text)) continue;
    if (taken.some(([s, e]) => s < end && start < e)) continue;
    names.push({
      start,
      end,
      text,
      type: "place",
      name: text,
      surnameOnly: false,
      titled: false,
      turn: PLACE_LINE,
      paragraph: 0,
      lang,
    });
  }
}

export function enrichDocument(doc: Document, matcher: EntityMatcher): Enrichment {
  const candidates: (CandidateMention & Located)[] = [];
  const times: Enrichment["times"] = [];
  const turnLanguages: string[] = [];
  // Each paragraph as names are read in it, made once for the matcher and the finder.
  const readableTurns: string[][] = [];
  const dated = doc.when.date && /^\d{4}-\d{2}-\d{2}$/.test(doc.when.date) ? doc.when.date : null;
  const scan = (text: string, turn: number, paragraph: number, people = false) => {
    const listedHere = matcher.candidates(text, turn === PLACE_LINE);
    // The publisher's own body by its bare name, where no listed name settles it: on
    // president.gov.ua "the Cabinet of Ministers", which the list leaves open, is Ukraine's.
    const own = people
      ? []
      : ownBodyMentions(doc.publisher, text).filter(
          (m) =>
            !listedHere.some(
              (l) => l.start < m.end && m.start < l.end && !l.ambiguous && l.alternatives.length === 0,
            ),
        );
    for (const m of listedHere) {
      if (people && m.type !== "person") continue;
      if (own.some((o) => o.start < m.end && m.start < o.end)) continue;
      candidates.push({ ...m, turn, paragraph });
    }
    for (const m of own) candidates.push({ ...m, turn, paragraph });
  };
  const title = readable(doc.title, doc.language);
  const place = doc.place ? readable(doc.place, doc.language) : null;
  scan(title, -1, 0);
  if (place) scan(place, PLACE_LINE, 0);
  // People the page names outside the text: a signature, a participant line, a speaker label.
  for (const p of doc.participants) scan(p.name, -2, 0, true);
  for (const turn of doc.turns) {
    const before = candidates.length;
    if (turn.label) scan(turn.label, turn.index, -1);
    // A label the registry resolved ("MR. EARNEST") names its speaker even when it holds only a surname.
    const speaker = turn.speakerId ? matcher.speakerEntity(turn.speakerId) : null;
    if (speaker && !candidates.slice(before).some((m) => m.entityId === speaker)) {
      const text = turn.label ?? turn.speakerName ?? "";
      candidates.push({
        entityId: speaker,
        type: "person",
        start: 0,
        end: text.length,
        text,
        ambiguous: false,
        alternatives: [],
        turn: turn.index,
        paragraph: -1,
      });
    }
  }
  for (const turn of doc.turns) {
    const lang = detectTurnLanguage(turn.paragraphs, doc.language);
    turnLanguages.push(lang);
    const texts = turn.paragraphs.map((p) => readable(p, lang));
    readableTurns.push(texts);
    turn.paragraphs.forEach((p, paragraph) => {
      scan(texts[paragraph] as string, turn.index, paragraph);
      for (const t of findTimeExpressions(p, lang, dated)) times.push({ ...t, turn: turn.index, paragraph });
    });
  }
  // Whether "Ankara" or "Rice" names an entity is settled by the whole document, not one paragraph.
  const listed = resolveMentions(candidates);
  // Then the names no list holds, around the listed ones: the title and the text; a participant
  // or a speaker's label only in the forms of a person's name (the registry resolves the others).
  const spans = new Map<string, Span[]>();
  // A name several listed entities share ("Clinton") that the document does not settle is still
  // theirs: the finder must not make it someone new.
  const unsettled = candidates.filter((m) => m.alternatives.length > 0);
  for (const m of [...listed, ...unsettled]) {
    const key = `${m.turn}.${m.paragraph}`;
    const list = spans.get(key) ?? [];
    list.push([m.start, m.end, m.type]);
    spans.set(key, list);
  }
  const names: LocatedName[] = [];
  const seek = (text: string, turn: number, paragraph: number, lang: string) => {
    if (!NAME_LANGUAGES.has(lang)) return;
    // A place line says where: a venue named there ("Chase Center") is a place, not a body, and
    // one word ("Кремль") no surname.
    for (const n of findNames(text, lang, spans.get(`${turn}.${paragraph}`) ?? [])) {
      const where = turn === PLACE_LINE && (n.type === "organisation" || n.surnameOnly);
      names.push({ ...n, ...(where ? { type: "place", surnameOnly: false } : {}), turn, paragraph, lang });
    }
  };
  seek(title, -1, 0, doc.language);
  if (place) {
    const before = names.length;
    seek(place, PLACE_LINE, 0, doc.language);
    placeLineParts(
      place,
      doc.language,
      [...(spans.get(`${PLACE_LINE}.0`) ?? []), ...names.slice(before).map((n) => [n.start, n.end] as const)],
      names,
    );
  }
  // A participant the registry does not know is still a person: "Олексій Дніпров" under an address.
  for (const p of doc.participants) {
    const name = p.name.trim();
    if (!NAME_LANGUAGES.has(doc.language) || !PARTICIPANT_NAME.test(name) || spans.has("-2.0")) continue;
    names.push({
      start: 0,
      end: name.length,
      text: name,
      type: "person",
      name,
      surnameOnly: false,
      titled: false,
      turn: -2,
      paragraph: 0,
      lang: doc.language,
    });
  }
  for (const turn of doc.turns) {
    const lang = turnLanguages[turn.index] ?? doc.language;
    // A label that names no one the lists know may still name a person ("MS. SANDERS").
    const labelled = turn.label && !spans.has(`${turn.index}.-1`) ? labelName(turn.label) : null;
    if (labelled) names.push({ ...labelled, turn: turn.index, paragraph: -1, lang: doc.language });
    turn.paragraphs.forEach((p, paragraph) => {
      seek(readableTurns[turn.index]?.[paragraph] ?? p, turn.index, paragraph, lang);
    });
  }
  // The listed people the document names, by given name, for someone addressed by theirs ("Jay, can you…").
  const listedPeople = new Set(listed.filter((m) => m.type === "person").map((m) => m.entityId));
  const found = resolveFoundNames(
    names,
    (given, surname) => matcher.personByKey(given, surname),
    [...listedPeople].flatMap((id) => matcher.givenKeys(id).map((given) => [given, id] as const)),
  );
  const mentions = [
    ...listed,
    ...found.mentions.map((n) => ({
      entityId: n.entityId,
      type: n.type,
      start: n.start,
      end: n.end,
      text: n.text,
      turn: n.turn,
      paragraph: n.paragraph,
    })),
  ];
  const enrichment: Enrichment = {
    version: ENRICHMENT_VERSION,
    documentId: doc.id,
    turnLanguages,
    mentions,
    times,
    entities: found.entities,
  };
  // Editors' decisions about found entities: merged, linked, rejected, split.
  return matcher.curation ? matcher.curation.apply(enrichment) : enrichment;
}
