/**
 * TEI transcripts back into documents: the TEI Verbatim writes (export/tei.ts: `idno
 * type="verbatim"`, `ana` turn kinds, a `linkGrp` of question→answer links) and ParlaMint /
 * Parla-CLARIN corpora written by others (`<u who ana>` with `#chair`, `#regular`, `#guest`;
 * `<seg>` paragraphs; `<note>`, `<kinesic>`, `<vocal>`, `<incident>` as stage directions). A
 * `teiCorpus` gives one document per `TEI`.
 */

import { xmlId } from "../../export/xml-text.js";
import type { Participant, QaPair, TurnKind } from "../../model/document.js";
import type { ProvenanceInput } from "../assemble.js";
import { documentId } from "../assemble.js";
import { profileForUrl } from "../publishers/index.js";
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

export function looksLikeTei(head: string): boolean {
  return /<(TEI|teiCorpus)[\s>]/.test(head) && /http:\/\/www\.tei-c\.org\/ns\/1\.0/.test(head);
}

/** ParlaMint's speaker types, and Verbatim's own turn kinds. */
const KIND_OF: Record<string, TurnKind> = {
  chair: "moderator",
  regular: "remarks",
  guest: "remarks",
  remarks: "remarks",
  question: "question",
  answer: "answer",
  moderator: "moderator",
  other: "other",
};

const STAGE = new Set(["note", "kinesic", "vocal", "incident", "gap", "desc"]);

/** "Anna Smith" from a plain persName or from its forename and surname parts, in that order. */
function personName(persName: XmlElement | null): string | null {
  if (!persName) return null;
  const parts = ["forename", "surname"].flatMap((part) => children(persName, part).map((e) => text(e)));
  const named = parts.filter((p): p is string => Boolean(p));
  return named.length ? named.join(" ") : text(persName);
}

export function readTei(
  source: string,
  ctx: { name: string; registry: SpeakerRegistry },
  provenance: ProvenanceInput,
) {
  const doc = parseXml(source, ctx.name);
  const root = doc.documentElement as XmlElement;
  const teis = root.localName === "TEI" ? [root] : all(root, "TEI");
  return teis.map((tei, i) => readOne(tei, i, ctx, provenance));
}

function readOne(
  tei: XmlElement,
  position: number,
  ctx: { name: string; registry: SpeakerRegistry },
  provenance: ProvenanceInput,
) {
  const header = first(tei, "teiHeader");
  const idno = (type: string) =>
    text(all(header ?? tei, "idno").find((e) => attr(e, "type") === type)) ?? null;
  const verbatimId = idno("verbatim");
  const bibl = first(header ?? tei, "bibl");
  const sourceUrl =
    text(bibl ? all(bibl, "idno").find((e) => attr(e, "type") === "URI") : null) ?? idno("URI");
  const profile = profileForUrl(sourceUrl);
  const publisher =
    text(first(first(header ?? tei, "publicationStmt") ?? tei, "publisher")) && verbatimId
      ? (text(first(first(header ?? tei, "publicationStmt") ?? tei, "publisher")) as string)
      : (profile?.id ?? "generic");
  const setting = first(header ?? tei, "setting");
  const named = (type: string) =>
    text((setting ? all(setting, "name") : []).find((e) => attr(e, "type") === type));
  const dateElement = (setting ? first(setting, "date") : null) ?? (bibl ? first(bibl, "date") : null);
  const when = dateOf(attr(dateElement, "when") ?? null);
  const language = attr(tei, "xml:lang") ?? attr(first(header ?? tei, "language"), "ident") ?? "und";
  const title = text(first(first(header ?? tei, "titleStmt") ?? tei, "title")) ?? ctx.name;
  const kind = attr(first(header ?? tei, "catRef"), "target")?.replace(/^#/, "") ?? null;

  // Verbatim writes a person's xml:id as "{document}.{speaker}".
  const prefix = verbatimId ? `${xmlId(verbatimId)}.` : "";
  const ownId = (id: string) => (prefix && id.startsWith(prefix) ? id.slice(prefix.length) : id);
  // People: listPerson, by xml:id; Verbatim marks a document's own participants with ana="#participant".
  const people = new Map<string, { name: string; role: string | null; participant: boolean }>();
  for (const person of all(header ?? tei, "person")) {
    const id = attr(person, "xml:id");
    if (!id) continue;
    const name = personName(first(person, "persName")) ?? id;
    people.set(id, {
      name,
      role: text(first(person, "roleName")),
      participant: attr(person, "ana") === "#participant",
    });
  }
  const speakerOf = (who: string | null): { speakerId: string | null; speakerName: string | null } => {
    const id = who?.replace(/^#/, "") ?? null;
    if (!id) return { speakerId: null, speakerName: null };
    const person = people.get(id);
    const name = person?.name ?? id;
    // Verbatim's own ids are the registry's (or its transliterations), after the document's id;
    // others' are resolved by name.
    if (verbatimId) {
      const own = ownId(id);
      return { speakerId: own, speakerName: person?.name ?? ctx.registry.get(own)?.name ?? name };
    }
    const { speakerId, speakerName } = ctx.registry.resolveLabel(name, publisher, when.date);
    return { speakerId, speakerName };
  };

  const us = all(tei, "u");
  const turnIndex = new Map<string, number>();
  const turns: StatedTurn[] = us.map((u, index) => {
    const xmlId = attr(u, "xml:id");
    if (xmlId) turnIndex.set(xmlId, index);
    const ana = (attr(u, "ana") ?? "").split(/\s+/).map((a) => a.replace(/^#/, ""));
    const segs = children(u, "seg");
    const paragraphs = (segs.length ? segs : [u]).map((seg) =>
      paragraphOf(seg, (e) => STAGE.has(e.localName)),
    );
    return {
      ...speakerOf(attr(u, "who")),
      label: attr(u, "n"),
      kind: ana.map((a) => KIND_OF[a]).find(Boolean) ?? null,
      interpreted: attr(u, "type") === "interpretation",
      paragraphs: paragraphs.filter((p) => p.text.length > 0),
    };
  });

  const links = all(tei, "linkGrp").filter((g) => attr(g, "type") === "qa");
  const qa: QaPair[] | null = links.length
    ? links.flatMap((g) =>
        children(g, "link").flatMap((link) => {
          const [q, ...answers] = (attr(link, "target") ?? "")
            .split(/\s+/)
            .map((t) => turnIndex.get(t.replace(/^#/, "")));
          return q === undefined
            ? []
            : [{ question: q, answers: answers.filter((a): a is number => a !== undefined) }];
        }),
      )
    : null;

  const participants: Participant[] = [...people.entries()]
    .filter(([, p]) => p.participant)
    .map(([id, p]) => ({ speakerId: ownId(id), name: p.name, role: p.role }));
  const idKey = sourceUrl ?? `${ctx.name}#${position}`;
  return toDocument(
    {
      id: verbatimId ?? documentId(publisher, idKey),
      publisher,
      reader: "tei",
      sourceUrl,
      language,
      title,
      kind,
      event: named("event"),
      place: named("place"),
      when,
      participants,
      publisherRef: idno("publisher"),
      turns,
      qa: qa ?? (verbatimId ? [] : null),
    },
    provenance,
  );
}
