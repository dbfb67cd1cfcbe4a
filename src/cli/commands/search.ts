import type { Command } from "commander";
import pc from "picocolors";
import { attachCounterparts } from "../../align/counterparts.js";
import { VerbatimError } from "../../errors/catalog.js";
import { concordanceCsv, csvRow } from "../../export/csv.js";
import { FACET_NAMES, type SearchResult, type Segment, type SortOrder } from "../../model/search-results.js";
import { parseQuery } from "../../search/query/parse.js";
import { addGazetteerFlag } from "../archive-flags.js";
import { withArchive } from "../output.js";
import { stripControlCharacters as clean } from "./show.js";

interface SearchFlags {
  db?: string;
  gazetteer?: string;
  json?: boolean;
  kwic?: boolean;
  csv?: boolean;
  facets?: boolean;
  byYear?: boolean;
  limit: string;
  sort: string;
  cursor?: string;
  context: string;
  aligned?: boolean;
}

const SORTS: SortOrder[] = ["relevance", "date", "date-asc"];

export function registerSearch(program: Command): void {
  const command = program
    .command("search")
    .description(
      'search the archive: words (stemmed; titles count), "exact phrases", OR, -exclusion, prefix*, and fields\n' +
        'speaker:lavrov (any name or alias, any script: speaker:Лавров)  role:"foreign minister" (held on the document\'s date)\n' +
        "kind:question|answer (turns)  type:briefing|interview|press-conference (documents)\n" +
        "lang:ru publisher:mid.ru date:2020-01..2020-12 doc:ID mentions:TR",
    )
    .argument("<query...>", "the query (quote it for your shell)")
    // "-turkey" is an exclusion in the query language, not an option.
    .allowUnknownOption(true)
    .option("--db <path>", "archive location (default: $VERBATIM_DB or ./verbatim.db)")
    .option("--json", "print the result as JSON")
    .option("--kwic", "every occurrence in context (keyword in context) instead of documents")
    .option("--csv", "with --kwic or --by-year: print CSV")
    .option("--facets", "also print counts by speaker, year, publisher, language and kind")
    .option("--by-year", "matching turns and documents per year")
    .option("--limit <n>", "documents per page (concordance lines with --kwic)", "10")
    .option("--sort <order>", `${SORTS.join(", ")}`, "relevance")
    .option("--cursor <cursor>", "the next page, as printed at the end of the previous one")
    .option("--context <n>", "characters of context either side, with --kwic", "60")
    .option("--aligned", "under each matching turn, its sentence in the document's other-language version");
  addGazetteerFlag(command).action(async (words: string[], flags: SearchFlags) => {
    await withArchive(flags, async ({ store, matcher }) => {
      const query = parseQuery(words.join(" "));
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1) {
        throw new VerbatimError("QUERY_INVALID", {
          position: 0,
          reason: `--limit must be a positive whole number`,
        });
      }
      if (!SORTS.includes(flags.sort as SortOrder)) {
        throw new VerbatimError("QUERY_INVALID", {
          position: 0,
          reason: `--sort must be one of ${SORTS.join(", ")}`,
        });
      }
      const out = process.stdout;
      if (flags.kwic) {
        const result = await store.concordance(query, { limit, context: Number(flags.context) || 60 });
        if (flags.json) out.write(`${JSON.stringify(result, null, 2)}\n`);
        else if (flags.csv) out.write(concordanceCsv(result.lines));
        else {
          const total = result.totalOccurrences === null ? "many" : String(result.totalOccurrences);
          out.write(`${pc.bold(total)} occurrences in ${result.turns} turns; ${result.lines.length} shown\n`);
          for (const l of result.lines) {
            out.write(
              `${pc.dim((l.date ?? "undated").padEnd(10))} ${clean(l.speakerName ?? "—")
                .slice(0, 18)
                .padEnd(18)} ` +
                `${clean(l.left).padStart(60)}${mark(clean(l.match))}${clean(l.right)}  ${pc.dim(l.permalink)}\n`,
            );
          }
        }
        return;
      }
      if (flags.byYear) {
        const counts = await store.countsByYear(query);
        if (flags.json) out.write(`${JSON.stringify(counts, null, 2)}\n`);
        else if (flags.csv) {
          out.write(csvRow(["year", "turns", "documents", "turns_in_year", "counting"]));
          for (const y of counts.years)
            out.write(csvRow([y.year, y.turns, y.documents, y.turnsInYear, counts.counting]));
        } else {
          out.write(`counting ${counts.counting} forms; turns / documents / share of the year's turns\n`);
          for (const y of counts.years) {
            const share = y.turnsInYear ? ((100 * y.turns) / y.turnsInYear).toFixed(2) : "0";
            out.write(
              `${y.year}  ${String(y.turns).padStart(7)}  ${String(y.documents).padStart(6)}  ${share.padStart(6)}%\n`,
            );
          }
        }
        return;
      }
      const found = await store.search(query, {
        limit,
        sort: flags.sort as SortOrder,
        cursor: flags.cursor ?? null,
        facets: Boolean(flags.facets) || Boolean(flags.json),
      });
      const result = flags.aligned ? await attachCounterparts(found, store, await matcher()) : found;
      if (flags.json) out.write(`${JSON.stringify(result, null, 2)}\n`);
      else out.write(renderResult(result, Boolean(flags.facets)));
    });
  });
}

/** Matches in colour on a terminal, in [brackets] when piped, so they stay visible either way. */
const mark = (text: string) => (pc.isColorSupported ? pc.bold(pc.yellow(text)) : `[${text}]`);

function renderSnippet(segments: Segment[]): string {
  return segments.map((s) => (s.match ? mark(clean(s.text)) : clean(s.text))).join("");
}

function renderResult(result: SearchResult, facets: boolean): string {
  const lines: string[] = [];
  lines.push(
    `${pc.bold(String(result.total.turns))} turns in ${pc.bold(String(result.total.documents))} documents`,
  );
  for (const e of result.expansions) {
    if (e.forms.length > 1)
      lines.push(
        pc.dim(`  ${e.word}: ${e.forms.slice(0, 12).join(", ")}${e.forms.length > 12 ? ", …" : ""}`),
      );
  }
  lines.push("");
  for (const hit of result.hits) {
    lines.push(pc.bold(renderSnippet(hit.titleSnippet)));
    lines.push(
      pc.dim(
        `  ${[hit.date ?? "undated", hit.publisher, hit.language, hit.kind, hit.matchingTurns === 0 ? "found by its title" : `${hit.matchingTurns} matching turns`, hit.id].join(" · ")}`,
      ),
    );
    for (const t of hit.turns) {
      const who = clean(t.speakerName ?? t.label ?? (t.kind === "question" ? "Question" : "—"));
      lines.push(
        `  ${pc.dim(`[t${t.index}]`)} ${pc.bold(who)} ${pc.dim(`(${t.kind})`)} ${renderSnippet(t.snippet)}`,
      );
      if (t.counterpart)
        lines.push(
          `      ${pc.dim(`${t.counterpart.language}:`)} ${clean(t.counterpart.text)} ${pc.dim(t.counterpart.permalink)}`,
        );
    }
    lines.push("");
  }
  if (facets && result.facets) {
    for (const name of FACET_NAMES) {
      const values = result.facets[name];
      if (values.length === 0) continue;
      lines.push(`${pc.bold(name)}: ${values.map((v) => `${clean(v.label)} ${v.count}`).join(", ")}`);
    }
  }
  if (result.nextCursor) lines.push(pc.dim(`next page: --cursor ${result.nextCursor}`));
  return `${lines.join("\n")}\n`;
}
