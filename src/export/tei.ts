/**
 * TEI following the ParlaMint / Parla-CLARIN conventions: a `teiCorpus` of one `TEI` per document,
 * each with a `teiHeader` (title, publisher, source, dates, participants as `listPerson` with their
 * roles, languages, the document kind), and a body of `<u who ana>` per turn and `<seg>` per
 * paragraph, stage directions as `<note>`, entities as `<name key ref>`, dated expressions as
 * `<date when>`, question→answer pairs as a `linkGrp`, other language versions in `@corresp`.
 *
 * Headers are indented; utterances are written one per line without indentation inside, because
 * whitespace added inside mixed content would change the transcript's text.
 */
import { fragment } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import type { Document, Note, Turn } from "../model/document.js";
import type { EntityMention, Located, TimeExpression } from "../model/enrichment.js";
import type { Speaker } from "../model/speaker.js";
import type { ExportRecord } from "./record.js";
import { stripInvalidXml, xmlId, xmlText } from "./xml-text.js";

export const TEI_NS = "http://www.tei-c.org/ns/1.0";

export function teiCorpusStart(exportedAt: string): string {
  const header = fragment()
    .ele("teiHeader")
    .ele("fileDesc")
    .ele("titleStmt")
    .ele("title")
    .txt("Verbatim export")
    .up()
    .up()
    .ele("publicationStmt")
    .ele("p")
    .txt(`Exported by Verbatim on ${exportedAt}.`)
    .up()
    .up()
    .ele("sourceDesc")
    .ele("p")
    .txt("Transcripts as their publishers published them; see each document's sourceDesc.")
    .up()
    .up()
    .up()
    .up();
  return `<?xml version="1.0" encoding="UTF-8"?>\n<teiCorpus xmlns="${TEI_NS}">\n${header.end({ prettyPrint: true })}\n`;
}

export function teiCorpusEnd(): string {
  return "</teiCorpus>\n";
}

type Span =
  | { start: number; end: number; kind: "note"; note: Note }
  | { start: number; end: number; kind: "name"; mention: EntityMention }
  | { start: number; end: number; kind: "date"; time: TimeExpression };

/** One document as a `TEI` element. `speakers`: the registry's people, for roles in listPerson. */
export function recordToTei(record: ExportRecord, speakers: ReadonlyMap<string, Speaker>): string {
  const doc = record.document;
  const docId = xmlId(doc.id);
  const attrs: Record<string, string> = { "xml:id": docId, "xml:lang": doc.language };
  const corresp = record.languageVersions.map((v) => `#${xmlId(v.id)}`).join(" ");
  if (corresp) attrs.corresp = corresp;
  const header = teiHeader(doc, record.version, speakers);
  const located = locatedSpans(record);
  const body = doc.turns.map((turn) => utterance(doc, docId, turn, record, located)).join("\n");
  const links = doc.qa
    .filter((pair) => pair.answers.length > 0)
    .map((pair) =>
      fragment()
        .ele("link", {
          ana: "#qa",
          target: [pair.question, ...pair.answers].map((n) => `#${docId}.t${n}`).join(" "),
        })
        .end(),
    );
  const linkGrp = links.length ? `\n<linkGrp type="qa">\n${links.join("\n")}\n</linkGrp>` : "";
  const open = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join("");
  return `<TEI${open}>\n${header}\n<text>\n<body>\n<div type="debateSection">\n${body}\n</div>${linkGrp}\n</body>\n</text>\n</TEI>\n`;
}

function escapeAttribute(v: string): string {
  return stripInvalidXml(v).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

function teiHeader(doc: Document, version: number, speakers: ReadonlyMap<string, Speaker>): string {
  const h = fragment().ele("teiHeader");
  const file = h.ele("fileDesc");
  file.ele("titleStmt").ele("title").txt(xmlText(doc.title));
  const pub = file.ele("publicationStmt");
  pub.ele("publisher").txt(xmlText(doc.publisher));
  pub.ele("idno", { type: "verbatim" }).txt(xmlText(doc.id));
  pub.ele("idno", { type: "version" }).txt(String(version));
  if (doc.publisherRef) pub.ele("idno", { type: "publisher" }).txt(xmlText(doc.publisherRef));
  const bibl = file.ele("sourceDesc").ele("bibl");
  bibl.ele("title").txt(xmlText(doc.title));
  bibl.ele("publisher").txt(xmlText(doc.publisher));
  if (doc.sourceUrl) bibl.ele("idno", { type: "URI" }).txt(xmlText(doc.sourceUrl));
  if (doc.when.date) bibl.ele("date", dateAttrs(doc)).txt(doc.when.date);
  const profile = h.ele("profileDesc");
  const setting = profile.ele("settingDesc").ele("setting");
  if (doc.event) setting.ele("name", { type: "event" }).txt(xmlText(doc.event));
  if (doc.place) setting.ele("name", { type: "place" }).txt(xmlText(doc.place));
  if (doc.when.date) setting.ele("date", dateAttrs(doc)).txt(doc.when.date);
  listPerson(profile.ele("particDesc"), doc, speakers, xmlId(doc.id));
  profile.ele("langUsage").ele("language", { ident: xmlText(doc.language) });
  profile.ele("textClass").ele("catRef", { scheme: "#verbatim.kind", target: `#${doc.kind}` });
  return h.end({ prettyPrint: true });
}

function dateAttrs(doc: Document): Record<string, string> {
  return doc.when.dateTime ? { when: doc.when.dateTime } : doc.when.date ? { when: doc.when.date } : {};
}

/**
 * Everyone who speaks or is listed as a participant, once. Their xml:ids start with the document's
 * (`{document}.{speaker}`): an id may appear once in the whole corpus, and a person in many documents.
 */
function listPerson(
  partic: XMLBuilder,
  doc: Document,
  speakers: ReadonlyMap<string, Speaker>,
  docId: string,
): void {
  const people = new Map<string, { name: string; role: string | null; participant: boolean }>();
  for (const p of doc.participants)
    if (p.speakerId) people.set(p.speakerId, { name: p.name, role: p.role, participant: true });
  for (const t of doc.turns)
    if (t.speakerId && !people.has(t.speakerId))
      people.set(t.speakerId, { name: t.speakerName ?? t.speakerId, role: null, participant: false });
  if (people.size === 0) return;
  const list = partic.ele("listPerson");
  for (const [id, p] of people) {
    // The document's own participants are marked, so that an import tells them from other speakers.
    const personId = `${docId}.${xmlId(id)}`;
    const person = list.ele(
      "person",
      p.participant ? { "xml:id": personId, ana: "#participant" } : { "xml:id": personId },
    );
    person.ele("persName").txt(xmlText(p.name));
    if (p.role) person.ele("roleName").txt(xmlText(p.role));
    for (const role of speakers.get(id)?.roles ?? []) {
      const a: Record<string, string> = { role: xmlText(role.title) };
      if (role.from) a.from = role.from;
      if (role.to) a.to = role.to;
      person.ele("affiliation", a);
    }
  }
}

function utterance(
  doc: Document,
  docId: string,
  turn: Turn,
  record: ExportRecord,
  located: Map<string, Span[]>,
): string {
  const id = `${docId}.t${turn.index}`;
  const attrs: Record<string, string> = { "xml:id": id, ana: `#${turn.kind}` };
  if (turn.speakerId) attrs.who = `#${docId}.${xmlId(turn.speakerId)}`;
  if (turn.label) attrs.n = xmlText(turn.label);
  const lang = record.enrichment?.turnLanguages[turn.index];
  if (lang && lang !== doc.language) attrs["xml:lang"] = lang;
  if (turn.interpreted) attrs.type = "interpretation";
  const u = fragment().ele("u", attrs);
  turn.paragraphs.forEach((text, p) => {
    const seg = u.ele("seg", { "xml:id": `${id}.p${p}` });
    inline(seg, text, spansOf(turn, p, located));
  });
  return u.end({ prettyPrint: false });
}

/** Mentions and dated expressions by "turn:paragraph", read once per document. */
function locatedSpans(record: ExportRecord): Map<string, Span[]> {
  const at = new Map<string, Span[]>();
  const add = (l: Located, span: Span) => {
    const key = `${l.turn}:${l.paragraph}`;
    const list = at.get(key) ?? [];
    list.push(span);
    at.set(key, list);
  };
  for (const mention of record.enrichment?.mentions ?? [])
    add(mention, { start: mention.start, end: mention.end, kind: "name", mention });
  for (const time of record.enrichment?.times ?? [])
    add(time, { start: time.start, end: time.end, kind: "date", time });
  return at;
}

function spansOf(turn: Turn, paragraph: number, located: Map<string, Span[]>): Span[] {
  const spans: Span[] = [
    ...turn.notes
      .filter((n) => n.paragraph === paragraph)
      .map((note) => ({ start: note.start, end: note.end, kind: "note" as const, note })),
    ...(located.get(`${turn.index}:${paragraph}`) ?? []),
  ];
  // Notes first at equal starts; a span that overlaps one already placed is left out.
  spans.sort((a, b) => a.start - b.start || (a.kind === "note" ? -1 : 1));
  const placed: Span[] = [];
  for (const s of spans) if (s.end > s.start && s.start >= (placed.at(-1)?.end ?? 0)) placed.push(s);
  return placed;
}

/** The entity's id as Verbatim keeps it (`key`); a Wikidata id also as its URI (`ref`). */
function nameAttrs(m: EntityMention): Record<string, string> {
  const attrs: Record<string, string> = { type: m.type, key: xmlText(m.entityId) };
  if (/^Q\d+$/.test(m.entityId)) attrs.ref = `http://www.wikidata.org/entity/${m.entityId}`;
  return attrs;
}

function inline(seg: XMLBuilder, text: string, spans: Span[]): void {
  let at = 0;
  for (const s of spans) {
    if (s.end > text.length) break;
    if (s.start > at) seg.txt(xmlText(text.slice(at, s.start)));
    const inner = xmlText(text.slice(s.start, s.end));
    if (s.kind === "note") seg.ele("note").txt(inner);
    else if (s.kind === "name") seg.ele("name", nameAttrs(s.mention)).txt(inner);
    else seg.ele("date", { when: xmlText(s.time.value) }).txt(inner);
    at = s.end;
  }
  if (at < text.length) seg.txt(xmlText(text.slice(at)));
}
