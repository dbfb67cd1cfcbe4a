/**
 * Language versions from the command line: list a document's versions, link or unlink two by hand,
 * re-run linking and measuring over the archive, print or export an alignment, rank divergences.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import pc from "picocolors";
import { alignedSegments, type SegmentLevel } from "../../align/segments.js";
import {
  alignPair,
  linkAndMeasure,
  linkByHand,
  requireVersionPair,
  unlinkByHand,
} from "../../align/service.js";
import { VerbatimError } from "../../errors/catalog.js";
import { formatNamed } from "../../export/format-name.js";
import { alignedCsv, alignedTmx } from "../../export/tmx.js";
import { addGazetteerFlag } from "../archive-flags.js";
import { withArchive } from "../output.js";
import { stripControlCharacters as clean } from "./show.js";

const DB = ["--db <path>", "archive location (default: $VERBATIM_DB or ./verbatim.db)"] as const;

export function registerVersions(program: Command): void {
  program
    .command("versions")
    .description(
      "list a document's other-language versions (how each was linked, how far they diverge), or with --conflicts the keyed pairs left for review",
    )
    .argument("[id]", "document id")
    .option(
      "--conflicts",
      "pairs a publisher's key calls versions but the texts contradict (of the document, or all)",
    )
    .option(...DB)
    .option("--json", "print JSON")
    .action(async (id: string | undefined, options: { db?: string; json?: boolean; conflicts?: boolean }) => {
      await withArchive(options, async ({ store }) => {
        if (id && !(await store.get(id))) throw new VerbatimError("DOCUMENT_NOT_FOUND", { id });
        if (options.conflicts) {
          const conflicts = await store.versionConflicts({ ...(id ? { id } : {}), limit: 1000 });
          if (options.json) return void process.stdout.write(`${JSON.stringify(conflicts, null, 2)}\n`);
          if (conflicts.length === 0) process.stdout.write("no version conflicts\n");
          for (const c of conflicts)
            process.stdout.write(
              `${c.a.language} ${c.a.id}  ${c.b.language} ${c.b.id}  ${clean(c.reasons.join("; "))}\n  ${clean(c.a.title)}\n  ${clean(c.b.title)}\n`,
            );
          return;
        }
        if (!id) throw new VerbatimError("REQUEST_INVALID", { reason: "give a document id, or --conflicts" });
        const versions = await store.languageVersions(id);
        if (options.json) return void process.stdout.write(`${JSON.stringify(versions, null, 2)}\n`);
        if (versions.length === 0) process.stdout.write("no other-language versions\n");
        for (const v of versions)
          process.stdout.write(
            `${v.language}  ${v.id}  ${v.method}${v.method === "evidence" ? ` ${v.confidence.toFixed(2)}` : ""}  divergence ${v.divergence ?? "–"}  ${clean(v.title)}\n`,
          );
      });
    });

  const link = program
    .command("link")
    .description(
      "link two documents as language versions by hand, or (--auto) link the whole archive by evidence and measure every pair",
    )
    .argument("[a]", "document id")
    .argument("[b]", "document id in another language")
    .option("--auto", "link every document by evidence and align every linked pair")
    .option(...DB);
  addGazetteerFlag(link).action(
    async (
      a: string | undefined,
      b: string | undefined,
      options: { db?: string; gazetteer?: string; auto?: boolean },
    ) => {
      await withArchive(options, async ({ store, matcher }) => {
        if (options.auto) {
          const ids: string[] = [];
          for await (const d of store.list()) ids.push(d.id);
          const outcome = await linkAndMeasure(store, ids, await matcher());
          process.stdout.write(
            `${outcome.keyed} pairs linked by key, ${outcome.conflicts} left as conflicts (verbatim versions --conflicts); ${outcome.linked.length} linked by evidence; ${outcome.measured} pairs aligned and measured\n`,
          );
          return;
        }
        if (!a || !b)
          throw new VerbatimError("REQUEST_INVALID", { reason: "give two document ids, or --auto" });
        const pair = await linkByHand(store, a, b, await matcher());
        process.stdout.write(`linked ${a} and ${b}; divergence ${pair?.report.score ?? "–"}\n`);
      });
    },
  );

  program
    .command("unlink")
    .description("unlink two documents by hand: neither keys nor evidence link them again")
    .argument("<a>", "document id")
    .argument("<b>", "document id")
    .option(...DB)
    .action(async (a: string, b: string, options: { db?: string }) => {
      await withArchive(options, async ({ store }) => {
        await unlinkByHand(store, a, b);
        process.stdout.write(`unlinked ${a} and ${b}\n`);
      });
    });

  const align = program
    .command("align")
    .description("align two language versions and print them side by side, or export the pairs as TMX or CSV")
    .argument("<a>", "document id")
    .argument("<b>", "document id in another language")
    .option("--level <level>", "paragraph or sentence", "paragraph")
    .option("--format <format>", "text, json, tmx or csv", "text")
    .option("--out <file>", "write to a file instead of standard output")
    .option(...DB);
  addGazetteerFlag(align).action(
    async (
      a: string,
      b: string,
      options: { db?: string; gazetteer?: string; level: string; format: string; out?: string },
    ) => {
      await withArchive(options, async ({ store, matcher }) => {
        if (!["paragraph", "sentence"].includes(options.level))
          throw new VerbatimError("REQUEST_INVALID", {
            reason: `--level must be paragraph or sentence, not ${options.level}`,
          });
        formatNamed("align", options.format, ["text", "json", "tmx", "csv"]);
        await requireVersionPair(store, a, b);
        const pair = await alignPair(store, a, b, await matcher());
        if (!pair) throw new VerbatimError("DOCUMENT_NOT_FOUND", { id: `${a} or ${b}` });
        const level = options.level as SegmentLevel;
        const segments = alignedSegments(pair, level);
        let out: string;
        if (options.format === "json")
          out = `${JSON.stringify({ ...pair.alignment, divergence: pair.report }, null, 2)}\n`;
        else if (options.format === "tmx") out = alignedTmx(pair.a, pair.b, segments, level);
        else if (options.format === "csv") out = alignedCsv(pair.a, pair.b, segments);
        else
          out = segments
            .map(
              (s) =>
                `${pc.dim(`[${s.confidence.toFixed(2)}]`)}\n  ${pair.a.language}: ${clean(s.a) || pc.dim("(none)")}\n  ${pair.b.language}: ${clean(s.b) || pc.dim("(none)")}\n`,
            )
            .join("");
        if (options.out) writeFileSync(options.out, out);
        else process.stdout.write(out);
      });
    },
  );

  program
    .command("divergence")
    .description(
      "linked language versions ranked by how much they differ (measured at ingest or by `link --auto`)",
    )
    .option("--top <n>", "how many pairs", "20")
    .option("--json", "print JSON")
    .option(...DB)
    .action(async (options: { db?: string; top: string; json?: boolean }) => {
      await withArchive(options, async ({ store }) => {
        const pairs = await store.divergentPairs(Number(options.top) || 20);
        if (options.json) return void process.stdout.write(`${JSON.stringify(pairs, null, 2)}\n`);
        if (pairs.length === 0) process.stdout.write("no measured pairs\n");
        for (const p of pairs)
          process.stdout.write(
            `${p.score.toFixed(3)}  ${p.date ?? "undated"}  ${p.a} ↔ ${p.b}  only-in-one ${p.onlyA + p.onlyB}, length ${p.lengthOutliers}, numbers ${p.numberMismatches}, names ${p.entityMismatches}\n    ${clean(p.titleA)}\n`,
          );
      });
    });
}
