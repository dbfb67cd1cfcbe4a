/**
 * Akoma Ntoso 3.0 `debate` documents, one per document, inside one `documentCollection` so that a
 * whole export is one valid file. Each debate names its Work (the transcript, whatever its
 * language), Expression (this language version, with its other versions as translations of the
 * same Work when Verbatim linked them) and Manifestation (this export); its people and roles are
 * TLC references; each turn is a `speech`, `question` or `answer` with `by` and `as`; stage
 * directions are `remark`s; the page's attachments are `documentRef`s. Checked against
 * ../shared/schemas/akn/akomantoso30.xsd in the tests.
 */
import { fragment } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import type { Document, Turn } from "../model/document.js";
import type { Speaker } from "../model/speaker.js";
import { iso6392 } from "./languages.js";
import type { ExportRecord } from "./record.js";
import { xmlId, xmlText } from "./xml-text.js";

export const AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/** The country part of a Work's URI: the publisher's, from its domain where it says one. */
function countryOf(doc: Document): string {
  const tld = doc.publisher.match(/\.([a-z]{2})$/)?.[1];
  return tld && tld !== "io" ? tld : doc.publisher === "whitehouse.gov" ? "us" : "un";
}

/** "2024-06" → "2024-06-01", "2024" → "2024-01-01": what an xsd:date attribute can hold. */
function wholeDate(date: string): string {
  return `${date}-01-01`.slice(0, 10);
}

export function aknCollectionStart(exportedAt: string): string {
  const day = exportedAt.slice(0, 10);
  const uri = `/akn/un/documentCollection/verbatim/${day}/export`;
  const meta = fragment()
    .ele("meta")
    .ele("identification", { source: "#verbatim" })
    .import(frbr("FRBRWork", uri, day, "creation", [["FRBRcountry", { value: "un" }]]))
    .import(frbr("FRBRExpression", `${uri}/mul@`, day, "creation", [["FRBRlanguage", { language: "mul" }]]))
    .import(frbr("FRBRManifestation", `${uri}/mul@.akn`, day, "export", []))
    .up()
    .ele("references", { source: "#verbatim" })
    .ele("TLCOrganization", { eId: "verbatim", href: "/ontology/organization/verbatim", showAs: "Verbatim" })
    .up()
    .up()
    .up();
  return `<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="${AKN_NS}">\n<documentCollection name="verbatim-export">\n${meta.end({ prettyPrint: true })}\n<collectionBody>\n`;
}

export function aknCollectionEnd(): string {
  return "</collectionBody>\n</documentCollection>\n</akomaNtoso>\n";
}

function frbr(
  level: string,
  uri: string,
  date: string,
  dateName: string,
  extra: [string, Record<string, string>][],
  aliases: { value: string; name: string }[] = [],
): XMLBuilder {
  const f = fragment().ele(level);
  f.ele("FRBRthis", { value: `${uri}/!main` });
  f.ele("FRBRuri", { value: uri });
  for (const alias of aliases) f.ele("FRBRalias", alias);
  f.ele("FRBRdate", { date, name: dateName });
  f.ele("FRBRauthor", { href: "#verbatim" });
  for (const [name, attrs] of extra) f.ele(name, attrs);
  return f;
}

interface People {
  /** Turn index → TLCPerson eId. */
  by: Map<number, string>;
  /** Turn index → TLCRole eId. */
  as: Map<number, string>;
  persons: Map<string, string>;
  roles: Map<string, string>;
}

/** Everyone who speaks, once: registered people under their ids, others under their label. */
function peopleOf(doc: Document, speakers: ReadonlyMap<string, Speaker>, pre: string): People {
  const people: People = { by: new Map(), as: new Map(), persons: new Map(), roles: new Map() };
  const roleOf = new Map(doc.participants.filter((p) => p.speakerId).map((p) => [p.speakerId, p.role]));
  for (const turn of doc.turns) {
    const name = turn.speakerId
      ? (speakers.get(turn.speakerId)?.name ?? turn.speakerName ?? turn.speakerId)
      : (turn.label ?? "unattributed");
    const id = `${pre}__${xmlId(turn.speakerId ?? `label-${turn.label ?? "unattributed"}`)}`;
    if (!people.persons.has(id)) people.persons.set(id, name);
    people.by.set(turn.index, id);
    const role = turn.speakerId ? roleOf.get(turn.speakerId) : null;
    if (role) {
      const roleId = `${pre}__${xmlId(`role-${role.toLowerCase().replace(/\s+/g, "-")}`)}`;
      people.roles.set(roleId, role);
      people.as.set(turn.index, roleId);
    }
  }
  return people;
}

export function recordToAkn(
  record: ExportRecord,
  speakers: ReadonlyMap<string, Speaker>,
  exportedAt: string,
): string {
  const doc = record.document;
  const date = doc.when.date && /^\d{4}-\d{2}-\d{2}$/.test(doc.when.date) ? doc.when.date : null;
  const workDate = date ?? (record.document.provenance.readAt.slice(0, 10) || exportedAt.slice(0, 10));
  const country = countryOf(doc);
  const lang = iso6392(doc.language);
  const work = `/akn/${country}/debate/${workDate}/${xmlId(doc.id)}`;
  // eIds are unique across the whole collection, so every one in a document starts with its id.
  const pre = xmlId(doc.id);
  const people = peopleOf(doc, speakers, pre);

  const component = fragment().ele("component", { eId: `cmp_${xmlId(doc.id)}` });
  const debate = component.ele("debate", { name: doc.kind });
  const meta = debate.ele("meta");
  const identification = meta.ele("identification", { source: "#verbatim" });
  identification.import(
    frbr("FRBRWork", work, workDate, date ? "delivery" : "read", [["FRBRcountry", { value: country }]]),
  );
  // The other language versions Verbatim linked are expressions of the same Work.
  const aliases = record.languageVersions.map((other) => ({
    value: `/akn/${country}/debate/${workDate}/${xmlId(other.id)}`,
    name: `version-${other.language}`,
  }));
  identification.import(
    frbr(
      "FRBRExpression",
      `${work}/${lang}@`,
      workDate,
      date ? "delivery" : "read",
      [["FRBRlanguage", { language: lang }]],
      aliases,
    ),
  );
  identification.import(
    frbr("FRBRManifestation", `${work}/${lang}@.akn`, exportedAt.slice(0, 10), "export", []),
  );
  meta.ele("publication", {
    date: workDate,
    name: xmlText(doc.publisher),
    showAs: xmlText(doc.publisher),
  });
  const references = meta.ele("references", { source: "#verbatim" });
  references.ele("TLCOrganization", {
    eId: `${pre}__${xmlId(`publisher-${doc.publisher}`)}`,
    href: `/ontology/organization/${encodeURIComponent(doc.publisher)}`,
    showAs: xmlText(doc.publisher),
  });
  for (const [id, name] of people.persons)
    references.ele("TLCPerson", { eId: id, href: `/ontology/person/${id}`, showAs: xmlText(name) });
  for (const [id, name] of people.roles)
    references.ele("TLCRole", { eId: id, href: `/ontology/role/${id}`, showAs: xmlText(name) });

  const preface = debate.ele("preface");
  preface.ele("p").ele("docTitle").txt(xmlText(doc.title));
  // docDate@date must be a whole date; the text keeps the date as precise as the page gave it.
  if (doc.when.date)
    preface
      .ele("p")
      .ele("docDate", { date: wholeDate(doc.when.date) })
      .txt(doc.when.date);
  if (doc.place) preface.ele("p").ele("location", { refersTo: "#verbatim" }).txt(xmlText(doc.place));
  if (doc.sourceUrl)
    preface
      .ele("p")
      .ele("ref", { href: xmlText(doc.sourceUrl) })
      .txt(xmlText(doc.sourceUrl));

  const body = debate.ele("debateBody");
  const section = body.ele("debateSection", {
    eId: `${pre}__dbsect_1`,
    name: doc.event ? "event" : "transcript",
  });
  section.ele("heading").txt(xmlText(doc.event ?? doc.title));
  for (const turn of doc.turns) speech(section, turn, people, pre);

  if (doc.attachments.length) {
    const attachments = debate.ele("attachments");
    doc.attachments.forEach((a, i) => {
      attachments.ele("attachment", { eId: `${pre}__att_${i + 1}` }).ele("documentRef", {
        eId: `${pre}__att_${i + 1}__ref`,
        href: xmlText(a.url ?? "#"),
        showAs: xmlText(a.title),
      });
    });
  }
  return `${component.end({ prettyPrint: false })}\n`;
}

function speech(section: XMLBuilder, turn: Turn, people: People, pre: string): void {
  const element = turn.kind === "question" ? "question" : turn.kind === "answer" ? "answer" : "speech";
  const attrs: Record<string, string> = {
    eId: `${pre}__t${turn.index}`,
    by: `#${people.by.get(turn.index)}`,
  };
  const role = people.as.get(turn.index);
  if (role) attrs.as = `#${role}`;
  if (element === "speech") attrs.class = turn.kind;
  const s = section.ele(element, attrs);
  if (turn.label) s.ele("from").txt(xmlText(turn.label));
  turn.paragraphs.forEach((text, p) => {
    const para = s.ele("p", { eId: `${pre}__t${turn.index}__p${p}` });
    let at = 0;
    for (const note of turn.notes.filter((n) => n.paragraph === p).sort((a, b) => a.start - b.start)) {
      if (note.start < at || note.end > text.length) continue;
      if (note.start > at) para.txt(xmlText(text.slice(at, note.start)));
      para.ele("remark", { type: "sceneDescription" }).txt(xmlText(text.slice(note.start, note.end)));
      at = note.end;
    }
    if (at < text.length) para.txt(xmlText(text.slice(at)));
  });
  if (turn.paragraphs.length === 0) s.ele("p");
}
