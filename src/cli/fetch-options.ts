/**
 * The flags every command that fetches from the web shares (`crawl`, `follow`, `serve --follow`):
 * politeness, limits, the operator's contact in the User-Agent, the WARC folder, address mapping.
 */
import type { Command } from "commander";
import { VerbatimError } from "../errors/catalog.js";
import type { FetcherOptions } from "../fetch/fetcher.js";
import { DEFAULT_HTTP } from "../fetch/http.js";
import { warcDirFor } from "../fetch/warc.js";
import { DEFAULT_MAX_BYTES } from "../ingest/pipeline.js";
import { wholeNumber } from "./processing.js";

export interface FetchFlags {
  contact?: string;
  delay: string;
  perHost: string;
  timeout: string;
  retries: string;
  maxBytes: string;
  maxRedirects: string;
  warc?: string;
  via: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function addFetchFlags(command: Command): Command {
  return command
    .option("--contact <email-or-url>", "how publishers can reach you, sent in the User-Agent (recommended)")
    .option("--delay <ms>", "least time between two requests to one host", "1000")
    .option("--per-host <n>", "requests at once to one host", "2")
    .option(
      "--timeout <s>",
      "longest wait for one response, in seconds",
      String(DEFAULT_HTTP.timeoutMs / 1000),
    )
    .option("--retries <n>", "retries after timeouts, resets and 5xx answers", String(DEFAULT_HTTP.retries))
    .option("--max-bytes <n>", "largest response accepted, in bytes", String(DEFAULT_MAX_BYTES))
    .option("--max-redirects <n>", "redirects followed per request", String(DEFAULT_HTTP.maxRedirects))
    .option(
      "--warc <dir>",
      "where responses are kept as WARC files (default: beside the archive, NAME.warc/)",
    )
    .option(
      "--via <origin=address>",
      "fetch an origin through another address (a mirror or a local copy), e.g. https://mid.ru=http://127.0.0.1:8080; repeatable",
      collect,
      [],
    );
}

export function fetcherOptions(flags: FetchFlags, dbPath: string): FetcherOptions & { maxBytes: number } {
  const via: Record<string, string> = {};
  for (const v of flags.via) {
    const [from, to] = v.split(/=(.*)/s);
    if (!from || !to)
      throw new VerbatimError("REQUEST_INVALID", { reason: `--via needs ORIGIN=ADDRESS, not ${v}` });
    try {
      via[new URL(from).origin] = new URL(to).origin;
    } catch {
      throw new VerbatimError("REQUEST_INVALID", { reason: `--via needs two http(s) origins, not ${v}` });
    }
  }
  const timeout = Number(flags.timeout);
  if (!(timeout > 0))
    throw new VerbatimError("REQUEST_INVALID", {
      reason: `--timeout must be positive, not ${flags.timeout}`,
    });
  const maxBytes = wholeNumber(flags.maxBytes, "--max-bytes", 1);
  return {
    maxBytes,
    warcDir: flags.warc ?? warcDirFor(dbPath),
    via,
    http: {
      userAgent: `Verbatim/0.1 (+${flags.contact ?? "https://github.com/verbatim-archive/verbatim"})`,
      timeoutMs: timeout * 1000,
      maxBytes,
      maxRedirects: wholeNumber(flags.maxRedirects, "--max-redirects"),
      retries: wholeNumber(flags.retries, "--retries"),
    },
    politeness: {
      concurrency: wholeNumber(flags.perHost, "--per-host", 1),
      delayMs: wholeNumber(flags.delay, "--delay"),
    },
  };
}
