/** The web app as the server tests build it: a given store, a known token, no rate limit. */
import { createApp } from "../../src/server/app.js";
import type { DocumentStore } from "../../src/store/store.js";
import { registry } from "./ingest.js";

export const TOKEN = "test-token-0123456789";

export function appFor(store: DocumentStore, overrides: Partial<Parameters<typeof createApp>[0]> = {}) {
  return createApp({
    store,
    registry,
    token: TOKEN,
    maxBodyBytes: 1_000_000,
    rateLimitPerMinute: 0,
    baseUrl: "http://verbatim.test",
    ...overrides,
  });
}
