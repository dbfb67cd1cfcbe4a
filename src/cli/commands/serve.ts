import cluster from "node:cluster";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import type { Command } from "commander";
import { ingestAndLink } from "../../align/service.js";
import { decideEntity } from "../../archive/entity-curation.js";
import { type Archive, openArchive } from "../../archive/open.js";
import { toVerbatimError, VerbatimError } from "../../errors/catalog.js";
import { warcDirFor } from "../../fetch/warc.js";
import { DEFAULT_MAX_BYTES } from "../../ingest/pipeline.js";
import { planSources, readSources } from "../../ingest/read/sources.js";
import {
  createApp,
  DEFAULT_CONCURRENT_SEARCHES,
  DEFAULT_QUEUED_SEARCHES,
  DEFAULT_REQUEST_TIMEOUT_MS,
} from "../../server/app.js";
import { loadEditors } from "../../server/editors.js";
import { resolveDbPath } from "../../store/open.js";
import { archiveOptions } from "../archive-flags.js";
import { reportError } from "../output.js";
import { addFollowFlags, FOLLOWED, type FollowFlags, followOnce } from "./follow.js";

/** Examples written by the project, in English and Russian, in each supported publisher's style. */
const EXAMPLES = fileURLToPath(new URL("../../../examples", import.meta.url));

interface ServeFlags extends FollowFlags {
  follow?: string | boolean;
  db?: string;
  port: string;
  host: string;
  examples: boolean;
  tokenFile?: string;
  editors?: string;
  rateLimit: string;
  searchRateLimit: string;
  maxSearches: string;
  requestTimeout: string;
  maxBodyBytes: string;
  baseUrl?: string;
  create?: boolean;
  replica?: string[];
  processes: string;
}

/** Longest a client may take to send its headers, and its whole request. */
const HEADERS_TIMEOUT_MS = 10_000;
const BODY_TIMEOUT_MS = 60_000;

/** Set in the environment of the processes `serve --processes` starts. */
const SERVE_WORKER = "VERBATIM_SERVE_WORKER";

export function registerServe(program: Command): void {
  const command = program
    .command("serve")
    .description("serve the web app and the JSON API (documented at /api/openapi.json)")
    .option("--db <path>", "archive location (default: $VERBATIM_DB or ./verbatim.db)")
    .option("--port <n>", "port to listen on (default: $PORT or 8080)", process.env.PORT ?? "8080")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--create", "create a new archive when there is none at --db (npm start does)")
    .option(
      "--replica <url...>",
      "PostgreSQL streaming replicas to read from (writes go to --db; default: $VERBATIM_REPLICAS, comma-separated)",
    )
    .option("--no-examples", "do not load the bundled examples into an empty archive")
    .option(
      "--token-file <file>",
      "file holding the token that write endpoints require (else $VERBATIM_TOKEN)",
    )
    .option(
      "--editors <file>",
      "editors who may correct documents (`verbatim editor add`; default: $VERBATIM_EDITORS, none when unset)",
    )
    .option("--rate-limit <n>", "requests per client per minute, 0 for none", "6000")
    .option(
      "--search-rate-limit <n>",
      "searches and exports per client per minute, within --rate-limit; 0 for no budget of their own",
      "600",
    )
    .option(
      "--max-searches <n>",
      `searches and exports answered at once per process; up to ${DEFAULT_QUEUED_SEARCHES} more wait, beyond that SERVER_BUSY (0: no bound)`,
      String(DEFAULT_CONCURRENT_SEARCHES),
    )
    .option(
      "--request-timeout <seconds>",
      "longest a request may take before it is answered REQUEST_TIMEOUT (0: no limit)",
      String(DEFAULT_REQUEST_TIMEOUT_MS / 1000),
    )
    .option("--max-body-bytes <n>", "largest request body accepted", String(DEFAULT_MAX_BYTES))
    .option("--base-url <url>", "public address used in permalinks and feeds")
    .option(
      "--processes <n>",
      'processes answering requests on the one port, each with its own result cache ("auto": one per core)',
      "1",
    )
    .option(
      "--follow [minutes]",
      "also follow the publishers in the background, a run every so many minutes (default 30); see `verbatim follow`",
    );
  addFollowFlags(command).action(async (flags: ServeFlags) => {
    try {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new VerbatimError("REQUEST_INVALID", {
          reason: `--port must be a port number, not ${flags.port}`,
        });
      }
      const processes = processCount(flags.processes);
      const worker = cluster.isWorker && process.env[SERVE_WORKER] === "1";
      const token = flags.tokenFile
        ? readFileSync(flags.tokenFile, "utf8").trim()
        : process.env.VERBATIM_TOKEN?.trim() || null;
      // Edits made through the API live in the archive; the registry file only seeds it. With
      // several processes the first one opens it (migrations, examples, speakers) before the
      // others start, so that they find it ready.
      const archive = await openArchive(resolveDbPath(flags.db), {
        ...archiveOptions(flags, { create: !worker && (flags.create ?? false), seedSpeakers: !worker }),
        replicas:
          flags.replica ??
          (process.env.VERBATIM_REPLICAS ?? "")
            .split(",")
            .map((u) => u.trim())
            .filter(Boolean),
      });
      const { store } = archive;
      if (!worker && flags.examples && (await store.counts()).documents === 0 && existsSync(EXAMPLES)) {
        const registry = await archive.registry();
        const matcher = await archive.matcher();
        await archive.putEntities();
        const { files } = await planSources([EXAMPLES]);
        const report = await ingestAndLink(
          readSources(files, { maxBytes: DEFAULT_MAX_BYTES }),
          store,
          { registry, debateSpeakers: null, maxBytes: DEFAULT_MAX_BYTES, now: () => new Date(), matcher },
          matcher,
        );
        console.log(
          `the archive was empty: loaded ${report.documents} example documents from ${path.relative(process.cwd(), EXAMPLES) || EXAMPLES}`,
        );
      }
      const editorsFile = flags.editors ?? process.env.VERBATIM_EDITORS;
      const editors = editorsFile ? loadEditors(editorsFile) : null;
      const ready = (port: number) => {
        console.log(
          `Verbatim is serving on http://${flags.host === "0.0.0.0" ? "localhost" : flags.host}:${port}` +
            (processes > 1 ? ` (${processes} processes)` : ""),
        );
        if (!token)
          console.log("no token configured: writing through the API is disabled (set VERBATIM_TOKEN)");
        console.log(
          editors
            ? `${editors.size} ${editors.size === 1 ? "editor" : "editors"} may sign in at /sign-in and correct documents`
            : "no editors file: nobody can correct documents (see `verbatim editor add`)",
        );
      };
      if (processes > 1 && !worker) {
        // The first process follows publishers, when asked, and keeps the others running; it
        // answers no request, so it loads neither speakers nor gazetteer for pages.
        if (!flags.follow) await store.close();
        startWorkers(processes, ready);
        if (flags.follow) followInBackground(archive, flags);
        return;
      }
      const [registry, matcher] = [await archive.registry(), await archive.matcher()];
      const app = createApp({
        store,
        registry,
        token: token || null,
        editors,
        maxBodyBytes: Number(flags.maxBodyBytes) || DEFAULT_MAX_BYTES,
        rateLimitPerMinute: Number(flags.rateLimit) || 0,
        searchRateLimitPerMinute: Number(flags.searchRateLimit) || 0,
        maxConcurrentSearches: Number(flags.maxSearches) || 0,
        requestTimeoutMs: (Number(flags.requestTimeout) || 0) * 1000,
        baseUrl: flags.baseUrl ?? null,
        matcher,
        warcDir: warcDirFor(archive.path),
        curate: (request, author, reason) => decideEntity(archive, request, author, reason),
      });
      const server = serve(
        {
          fetch: app.fetch,
          port,
          hostname: flags.host,
          // A client that sends its headers or body a byte at a time holds a socket, not the
          // server: Node answers 408 and closes it after these (its defaults: one and five minutes,
          // looked at every 30 s).
          serverOptions: {
            headersTimeout: HEADERS_TIMEOUT_MS,
            requestTimeout: BODY_TIMEOUT_MS,
            connectionsCheckingInterval: 2_000,
          },
        },
        (info) => {
          if (!worker) ready(info.port);
        },
      );
      // The port taken, or not this user's to take: a coded error, not a stack trace (and, in a
      // process `--processes` started, an exit the first process reads as a failed start).
      server.on("error", (error: NodeJS.ErrnoException) => {
        reportError(
          new VerbatimError("PORT_UNAVAILABLE", {
            address: `${flags.host}:${port}`,
            reason:
              error.code === "EADDRINUSE"
                ? "something else is listening there"
                : (error.code ?? error.message),
          }),
        );
        void store.close().finally(() => process.exit(process.exitCode ?? 1));
      });
      const stop = () => {
        server.close();
        void store.close();
        process.exit(0);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      // With several processes, only the first follows publishers.
      if (flags.follow && !worker) followInBackground(archive, flags);
    } catch (error) {
      reportError(error);
    }
  });
}

/** `--processes`: a count, or "auto" for one per core. */
function processCount(value: string): number {
  if (value === "auto") return Math.max(1, os.availableParallelism());
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new VerbatimError("REQUEST_INVALID", {
      reason: `--processes must be a whole number from 1 to 64, or auto, not ${value}`,
    });
  return n;
}

/**
 * `serve --processes N`: N copies of this command that share the port (node:cluster hands each
 * new connection to the next one), so that one long search holds up only the requests of its own
 * process. Each process has its own result cache and rate-limit counts; the archive is shared,
 * and each sees the others' writes (SQLite's data_version, PostgreSQL's own). A process that dies
 * is replaced, at most once a second.
 */
function startWorkers(count: number, ready: (port: number) => void): void {
  let listening = 0;
  let stopping = false;
  let lastStart = 0;
  const start = () => {
    lastStart = Date.now();
    cluster.fork({ [SERVE_WORKER]: "1" });
  };
  const stop = (code: number) => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    process.exit(code);
  };
  cluster.on("listening", (_worker, address) => {
    listening++;
    if (listening === count) ready(address.port);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    // One that fails before they all listen (the port taken, the archive unreadable) would fail
    // again: its error is printed, and serving stops, rather than starting it for ever.
    if (listening < count) return stop(code || 1);
    console.error(
      `serve: process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another`,
    );
    setTimeout(start, Math.max(0, 1000 - (Date.now() - lastStart)));
  });
  for (let i = 0; i < count; i++) start();
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));
}

/**
 * `serve --follow`: a follow run now and then every N minutes, never two at once. The state is in
 * the archive, so a restarted server carries on where the last run stopped.
 */
function followInBackground(archive: Archive, flags: ServeFlags): void {
  const minutes = typeof flags.follow === "string" ? Number(flags.follow) : 30;
  if (!(minutes > 0))
    throw new VerbatimError("REQUEST_INVALID", { reason: `--follow needs minutes, not ${flags.follow}` });
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const r = await followOnce(archive, FOLLOWED, flags);
      console.log(
        `follow: ${r.pages} pages, ${r.inserted} new, ${r.versioned} new versions, ${r.withdrawn} withdrawn, ${r.failed} failed`,
      );
    } catch (error) {
      console.error(`follow: ${toVerbatimError(error).code} ${toVerbatimError(error).message}`);
    } finally {
      running = false;
    }
  };
  void run();
  setInterval(run, minutes * 60_000).unref();
}
