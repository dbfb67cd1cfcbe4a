import type { Command } from "commander";
import pc from "picocolors";
import { VerbatimError, warningMessage } from "../../errors/catalog.js";
import type { Document } from "../../model/document.js";
import { withArchive } from "../output.js";

export function registerShow(program: Command): void {
  program
    .command("show")
    .description("print one document: metadata, then its turns")
    .argument("<id>", "document id, as printed by ingest and export")
    .option("--db <path>", "archive location (default: $VERBATIM_DB or ./verbatim.db)")
    .option("--json", "print the stored document as JSON")
    .option("--version <n>", "an earlier version instead of the current one")
    .option("--versions", "list the stored versions instead of the document")
    .action(
      async (id: string, options: { db?: string; json?: boolean; version?: string; versions?: boolean }) => {
        await withArchive(options, async ({ store }) => {
          if (options.versions) {
            const versions = await store.versions(id);
            if (versions.length === 0) throw new VerbatimError("DOCUMENT_NOT_FOUND", { id });
            if (options.json) process.stdout.write(`${JSON.stringify(versions, null, 2)}\n`);
            else
              for (const v of versions)
                process.stdout.write(
                  `${v.version}${v.current ? " (current)" : ""}${v.conflict ? pc.yellow(" (conflict)") : ""}  ${v.published ?? "undated"}  ${v.storedAt}  ${v.contentHash.slice(0, 12)}  ${clean(v.title)}  ${pc.dim(clean(v.source))}\n`,
                );
            return;
          }
          const stored = await store.get(id, options.version ? Number(options.version) : undefined);
          if (!stored) throw new VerbatimError("DOCUMENT_NOT_FOUND", { id });
          if (options.json) process.stdout.write(`${JSON.stringify(stored.document, null, 2)}\n`);
          else {
            process.stdout.write(renderDocument(stored.document, stored.version));
            const conflicts = (await store.versions(id)).filter((v) => v.conflict).map((v) => v.version);
            if (conflicts.includes(stored.version))
              process.stdout.write(
                `${pc.yellow(`VERSION_CONFLICT: ${warningMessage("VERSION_CONFLICT", { id, versions: conflicts.join(", ") })}`)}\n`,
              );
          }
        });
      },
    );
}

const clean = (s: string) => stripControlCharacters(s);

/** Removes C0/C1 control characters (terminal escape sequences start with one) but keeps newlines and tabs. */
export function stripControlCharacters(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 32 && c !== 9 && c !== 10) || (c >= 0x7f && c <= 0x9f)) continue;
    out += ch;
  }
  return out;
}

/** Plain-text rendering for the terminal: escape sequences in the text are neutralised. */
export function renderDocument(doc: Document, version: number): string {
  const lines: string[] = [];
  lines.push(pc.bold(clean(doc.title)));
  const when = [doc.when.date, doc.when.time, doc.when.timeZone].filter(Boolean).join(" ");
  lines.push(
    [when, doc.place, doc.publisher, doc.kind, doc.language]
      .filter(Boolean)
      .map((s) => clean(String(s)))
      .join(" · "),
  );
  if (doc.event) lines.push(`event: ${clean(doc.event)}`);
  if (doc.participants.length) {
    lines.push(
      `participants: ${doc.participants.map((p) => clean(p.role ? `${p.name} (${p.role})` : p.name)).join("; ")}`,
    );
  }
  if (doc.publisherRef) lines.push(`ref: ${clean(doc.publisherRef)}`);
  lines.push(
    pc.dim(
      `id ${doc.id} · version ${version} · ${doc.provenance.reader}/${doc.provenance.profile} · ${clean(doc.provenance.source)}`,
    ),
  );
  if (doc.sourceUrl) lines.push(pc.dim(clean(doc.sourceUrl)));
  lines.push("");
  for (const turn of doc.turns) {
    const who = turn.speakerName ?? turn.label ?? (turn.kind === "question" ? "Question" : "Unattributed");
    const extra = [
      turn.kind,
      turn.addressedTo ? `to ${turn.addressedTo}` : null,
      turn.interpreted ? "interpreted" : null,
    ]
      .filter(Boolean)
      .join(", ");
    lines.push(`${pc.dim(`[t${turn.index}]`)} ${pc.bold(clean(who))} ${pc.dim(`(${extra})`)}`);
    for (const p of turn.paragraphs) lines.push(`  ${clean(p)}`);
    lines.push("");
  }
  if (doc.attachments.length) {
    lines.push(pc.bold("Additional materials"));
    for (const a of doc.attachments) lines.push(`  ${clean(a.title)}${a.url ? ` <${clean(a.url)}>` : ""}`);
  }
  if (doc.warnings.length) lines.push(pc.yellow(`warnings: ${doc.warnings.join(", ")}`));
  return `${lines.join("\n")}\n`;
}
