/**
 * Helps annotate by hand every person, organisation and place a document names, listed or not
 * (tests/gold/names*). Three steps:
 *
 *   npx tsx scripts/name-gold.ts dump <corpus source> <doc>
 *     prints every text enrichment reads, each with its location: the title [-1.0], the place
 *     line [-3.0], the participants [-2.0], each turn's label [T.-1] and paragraphs [T.P]. Nothing
 *     the matcher found is shown, so the annotator reads the document, not the rules.
 *
 *   npx tsx scripts/name-gold.ts lookup <name>
 *     the gazetteer entities with that name or id (case-insensitive), so the annotator can say
 *     which names the list already holds, and as which id.
 *
 *   npx tsx scripts/name-gold.ts write <annotation.json> <out.json>
 *     turns an annotation into a gold file. The annotation (kept out of the repository: it holds
 *     the names) is { source, doc, names: [{ type, id?, forms: [surface text…], at?: ["T.P"…] }] }:
 *     one entry per real-world referent, its surface forms exactly as written. Every whole-word
 *     occurrence of a form is a mention (longer forms first, so "New Jersey" is never also
 *     "Jersey"; but a place inside an organisation's name is a mention of its own), only at the `at`
 *     locations when given. The gold keeps spans and a checksum per
 *     referent, no text, and the write refuses a form that occurs nowhere.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { Gazetteer } from "../src/enrich/gazetteer.js";
import type { Document } from "../src/model/document.js";
import { corpusPath } from "../tests/support/corpus.js";
import { ingestFile, registry } from "../tests/support/ingest.js";

export const NAME_TYPES = ["person", "organisation", "place", "country"] as const;

interface Located {
  turn: number;
  paragraph: number;
  text: string;
}

/** Every text enrichment scans, where it scans it (see src/enrich/enrich.ts). */
function texts(doc: Document): Located[] {
  const out: Located[] = [{ turn: -1, paragraph: 0, text: doc.title }];
  if (doc.place) out.push({ turn: -3, paragraph: 0, text: doc.place });
  doc.participants.forEach((p) => {
    out.push({ turn: -2, paragraph: 0, text: p.name });
  });
  for (const t of doc.turns) {
    if (t.label) out.push({ turn: t.index, paragraph: -1, text: t.label });
    t.paragraphs.forEach((text, paragraph) => {
      out.push({ turn: t.index, paragraph, text });
    });
  }
  return out;
}

function load(source: string, index: number): Document {
  const doc = ingestFile(corpusPath(source))[index];
  if (!doc) throw new Error(`${source} has no document ${index}`);
  return doc;
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const [mode, ...args] = process.argv.slice(2);
if (mode === "dump") {
  const [source, docArg] = args;
  if (!source) throw new Error("dump <corpus source> <doc>");
  const doc = load(source, Number(docArg ?? 0));
  console.log(`# ${doc.language} ${doc.when.date ?? "no date"}`);
  for (const t of texts(doc)) console.log(`[${t.turn}.${t.paragraph}] ${t.text}`);
} else if (mode === "lookup") {
  const gazetteer = Gazetteer.load(registry);
  const value = args.join(" ");
  let found = gazetteer.lookup(value);
  // No exact name: entities one of whose names contains it, so "Lavrova" or "Menendez" can be checked.
  if (found.length === 0) {
    const v = value.toLowerCase();
    found = gazetteer.entities
      .filter((e) => e.forms.some((f) => f.text.toLowerCase().includes(v)))
      .slice(0, 15);
  }
  for (const e of found)
    console.log(`${e.id}\t${e.type}\t${e.name}\t${e.forms.map((f) => f.text).join(" | ")}`);
} else if (mode === "write") {
  const [annotationFile, out] = args;
  if (!annotationFile || !out) throw new Error("write <annotation.json> <out.json>");
  const annotation = JSON.parse(readFileSync(annotationFile, "utf8")) as {
    source: string;
    doc: number;
    names: { type: string; id?: string | null; forms: string[]; at?: string[] }[];
  };
  const gazetteer = Gazetteer.load(registry);
  const doc = load(annotation.source, annotation.doc);
  const located = texts(doc);
  // Organisations are one layer, people and places another: "Ukraine" inside "Ministry of Foreign
  // Affairs of Ukraine" is a mention of its own, "Jersey" inside "New Jersey" is not.
  const claimed = located.map(() => ({
    organisation: [] as [number, number][],
    other: [] as [number, number][],
  }));
  const forms = annotation.names.flatMap((n, entry) => n.forms.map((form) => ({ form, entry })));
  forms.sort((a, b) => b.form.length - a.form.length);
  const spans = annotation.names.map(() => [] as number[][]);
  for (const { form, entry } of forms) {
    const name = annotation.names[entry] as (typeof annotation.names)[number];
    if (!(NAME_TYPES as readonly string[]).includes(name.type)) throw new Error(`unknown type ${name.type}`);
    if (name.id && !gazetteer.get(name.id)) throw new Error(`the gazetteer has no ${name.id}`);
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${literal(form)}(?![\\p{L}\\p{N}])`, "gu");
    let found = 0;
    located.forEach((t, i) => {
      if (name.at && !name.at.includes(`${t.turn}.${t.paragraph}`)) return;
      for (const m of t.text.matchAll(pattern)) {
        const start = m.index;
        const end = start + form.length;
        const layers = claimed[i] as { organisation: [number, number][]; other: [number, number][] };
        const taken = name.type === "organisation" ? layers.organisation : layers.other;
        if (taken.some(([s, e]) => start < e && s < end)) continue;
        taken.push([start, end]);
        (spans[entry] as number[][]).push([t.turn, t.paragraph, start, end]);
        found++;
      }
    });
    if (found === 0 && !forms.some((f) => f.entry === entry && f.form.includes(form) && f.form !== form))
      throw new Error(`"${form}" occurs nowhere in ${annotation.source}#${annotation.doc}`);
  }
  const gold = {
    source: annotation.source,
    doc: annotation.doc,
    language: doc.language,
    names: annotation.names.map((n, i) => ({
      type: n.type,
      ...(n.id ? { id: n.id } : {}),
      // A checksum of the first form: a change of extraction that moves the text is caught, not scored.
      check: createHash("sha1")
        .update(n.forms[0] ?? "")
        .digest("hex")
        .slice(0, 8),
      spans: (spans[i] as number[][]).sort(
        (a, b) =>
          (a[0] as number) - (b[0] as number) ||
          (a[1] as number) - (b[1] as number) ||
          (a[2] as number) - (b[2] as number),
      ),
    })),
  };
  writeFileSync(
    out,
    `${JSON.stringify(gold, null, 2).replace(/\[\n\s+(-?\d+),\n\s+(-?\d+),\n\s+(\d+),\n\s+(\d+)\n\s+\]/g, "[$1, $2, $3, $4]")}\n`,
  );
  console.log(
    `wrote ${out}: ${gold.names.length} referents, ${gold.names.reduce((s, n) => s + n.spans.length, 0)} mentions`,
  );
} else throw new Error("usage: see the comment at the top");
