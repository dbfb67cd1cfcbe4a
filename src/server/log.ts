/**
 * The server's log: one JSON line per event on standard error (pino), so an operator can follow
 * a failed request by the id its client was given. Level from `VERBATIM_LOG_LEVEL` (default
 * "info"; "silent" turns it off).
 */
import pino, { type Logger } from "pino";

export type { Logger } from "pino";

export function serverLogger(level = process.env.VERBATIM_LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: { service: "verbatim" } }, pino.destination({ fd: 2, sync: false }));
}

/** A logger that writes nothing (tests that do not look at the log). */
export const silentLogger: Logger = pino({ level: "silent" });
