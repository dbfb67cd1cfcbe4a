/**
 * Akoma Ntoso debates back into documents: the debates Verbatim writes (export/akn.ts, one per
 * `component` of a `documentCollection`, eIds prefixed with the document's id) and debates written
 * by others, such as SayIt's (`debateSection`s holding `speech`es with `by` pointing at a
 * TLCPerson, `from`, paragraphs, `narrative` stage directions). `question` and `answer` elements
 * give their kinds; pairs are worked out from the kinds, as Akoma Ntoso states none.
 */
import { iso6391 } from "../../export/languages.js";
import type { Participant, TurnKind } from "../../model/document.js";
import type { ProvenanceInput } from "../assemble.js";
import { documentId } from "../assemble.js";
import { profileById, profileForUrl } from "../publishers/index.js";
import type { SpeakerRegistry } from "../speakers/registry.js";
import {
  all,
  attr,
  children,
  dateOf,
  first,
  paragraphOf,
  parseXml,
  type StatedTurn,
  text,
  toDocument,
  type XmlElement,
} from "./xml-transcript.js";

export function looksLikeAkn(head: string): boolean {
  return /<akomaNtoso[\s>]/.test(head) && /docs\.oasis-open\.org\/legaldocml\/ns\/akn\/3\.0/.test(head);
}

const SPEECHES = new Set(["speech", "question", "answer"]);

export function readAkn(
  source: string,
  ctx: { name: string; registry: SpeakerRegistry },
  provenance: ProvenanceInput,
) {
  const doc = parseXml(source, ctx.name);
  const debates = all(doc.documentElement as XmlElement, "debate");
  return debates.map((debate, i) => readDebate(debate, i, ctx, provenance));
}

function readDebate(
  debate: XmlElement,
  position: number,
  ctx: { name: string; registry: SpeakerRegistry },
  provenance: ProvenanceInput,
) {
  const meta = first(debate, "meta");
  const work = meta ? first(meta, "FRBRWork") : null;
  const expression = meta ? first(meta, "FRBRExpression") : null;
  const workUri = attr(work ? first(work, "FRBRuri") : null, "value") ?? null;
  const lang3 = attr(expression ? first(expression, "FRBRlanguage") : null, "language") ?? "und";
  const publication = meta ? first(meta, "publication") : null;
  const preface = first(debate, "preface");
  const sourceUrl = attr(preface ? first(preface, "ref") : null, "href") ?? null;
  // Verbatim names itself as the source of the identification, and its Work URI ends in the
  // document id (/akn/{country}/debate/{date}/{id}); its eIds start with that id and "__".
  const ours =
    attr(meta ? first(meta, "identification") : null, "source") === "#verbatim" && Boolean(workUri);
  const named = attr(publication, "name") ?? null;
  const idFromWork = ours && workUri ? (workUri.split("/").at(-1) ?? null) : null;
  const publisher =
    ours && named
      ? named
      : (profileForUrl(sourceUrl)?.id ?? (named && profileById(named).id !== "generic" ? named : "generic"));
  // docDate's text keeps a partial date ("2024-06") that its date attribute cannot; a Work date
  // named "read" is when Verbatim read an undated page, not the document's date.
  const docDate = preface ? first(preface, "docDate") : null;
  const workDate = work ? first(work, "FRBRdate") : null;
  const dateValue =
    (text(docDate)?.match(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/) ? text(docDate) : null) ??
    attr(docDate, "date") ??
    (attr(workDate, "name") === "read" ? null : attr(workDate, "date"));
  const when = dateOf(dateValue);

  const persons = new Map<string, string>();
  const roles = new Map<string, string>();
  for (const p of meta ? all(meta, "TLCPerson") : [])
    persons.set(attr(p, "eId") ?? "", attr(p, "showAs") ?? "");
  for (const r of meta ? all(meta, "TLCRole") : []) roles.set(attr(r, "eId") ?? "", attr(r, "showAs") ?? "");
  const speakerOf = (by: string | null) => {
    const eId = by?.replace(/^#/, "") ?? "";
    const name = persons.get(eId) || null;
    if (ours) {
      // Verbatim's eIds are "{document id}__{speaker id}" or "{document id}__label-{label}".
      const prefix = `${idFromWork}__`;
      const id = eId.startsWith(prefix) ? eId.slice(prefix.length) : eId;
      if (id.startsWith("label-")) return { speakerId: null, speakerName: null };
      return { speakerId: id || null, speakerName: ctx.registry.get(id)?.name ?? name };
    }
    if (!name) return { speakerId: null, speakerName: null };
    const { speakerId, speakerName } = ctx.registry.resolveLabel(name, publisher, when.date);
    return { speakerId, speakerName };
  };

  const participants = new Map<string, Participant>();
  const body = first(debate, "debateBody") ?? debate;
  const turns: StatedTurn[] = [...body.querySelectorAll("*")]
    .filter((e) => SPEECHES.has(e.localName))
    .map((speech) => {
      const speaker = speakerOf(attr(speech, "by"));
      const role = roles.get(attr(speech, "as")?.replace(/^#/, "") ?? "") ?? null;
      if (role && speaker.speakerId && speaker.speakerName && !participants.has(speaker.speakerId))
        participants.set(speaker.speakerId, {
          speakerId: speaker.speakerId,
          name: speaker.speakerName,
          role,
        });
      const kind: TurnKind | null =
        speech.localName === "question"
          ? "question"
          : speech.localName === "answer"
            ? "answer"
            : ((attr(speech, "class") as TurnKind | null) ?? null);
      return {
        ...speaker,
        label: text(children(speech, "from")[0]),
        kind,
        interpreted: false,
        paragraphs: [...speech.children]
          .filter((e) => e.localName === "p")
          .map((p) => paragraphOf(p, (e) => e.localName === "remark" || e.localName === "narrative"))
          .filter((p) => p.text.length > 0),
      };
    });

  const section = first(body, "debateSection");
  const heading = section ? text(children(section, "heading")[0]) : null;
  const title = text(preface ? first(preface, "docTitle") : null) ?? heading ?? ctx.name;
  return toDocument(
    {
      id: idFromWork ?? documentId(publisher, sourceUrl ?? workUri ?? `${ctx.name}#${position}`),
      publisher,
      reader: "akn",
      sourceUrl,
      language: iso6391(lang3),
      title,
      kind: attr(debate, "name"),
      event: attr(section, "name") === "event" ? heading : null,
      place: text(preface ? first(preface, "location") : null),
      when,
      participants: [...participants.values()],
      publisherRef: null,
      turns,
      qa: null,
    },
    provenance,
  );
}
