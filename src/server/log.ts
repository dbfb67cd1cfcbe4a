/**
 * The server's log: one JSON line per event on standard error (pino), so an operator can follow
 * a failed request by the id its client was given. Level from `VERBATIM_LOG_LEVEL` (default
 * "info"; "silent" turns it off).
 */
import pino, { type Logger } from "pino";

export type { Logger } from "pino";

let shared: Logger | null = null;

/** One logger per process: every app built in it (a test builds many) writes through one stream. */
export function serverLogger(): Logger {
  shared ??= pino(
    { level: process.env.VERBATIM_LOG_LEVEL ?? "info", base: { service: "verbatim" } },
    pino.destination({ fd: 2, sync: false }),
  );
  return shared;
}
