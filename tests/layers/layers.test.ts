/**
 * The layering rules `npm run lint` checks (.dependency-cruiser.cjs) fire: run over a small
 * fixture whose every file breaks one rule (tests/layers/fixture/src), each rule reports exactly
 * its breach. The real src/ is checked by `npm run lint:layers`.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { cruise, type IConfiguration } from "dependency-cruiser";
import { describe, expect, it } from "vitest";

const config = createRequire(import.meta.url)("../../.dependency-cruiser.cjs") as IConfiguration;
const FIXTURE = fileURLToPath(new URL("./fixture", import.meta.url));

describe("the layering check", () => {
  it("reports a store importing align or search, a model importing the store, search importing SQLite and a cycle, each once, and a store importing the model and errors not at all", async () => {
    // The fixture resolves without the project's tsconfig; the rules are the project's own.
    const { tsConfig: _, ...options } = config.options ?? {};
    const result = await cruise(["src"], {
      ...options,
      validate: true,
      ruleSet: { forbidden: config.forbidden ?? [] },
      baseDir: FIXTURE,
    });
    if (typeof result.output === "string") throw new Error("expected a cruise result, not a report");
    const found = result.output.summary.violations.map((v) => [v.rule.name, v.from, v.to]).sort();
    expect(found).toEqual([
      ["model-depends-on-nothing", "src/model/document.ts", "src/store/sqlite/engine.ts"],
      ["no-cycles", "src/cycle/a.ts", "src/cycle/b.ts"],
      ["search-knows-no-backend", "src/search/search.ts", "src/store/sqlite/engine.ts"],
      // A type-only import counts: a type is a dependency too.
      ["store-depends-on-model", "src/store/backend.ts", "src/align/key-rule.ts"],
      // The store is given its search engine (search/engine/with-search.ts), never builds one.
      ["store-depends-on-model", "src/store/searching-backend.ts", "src/search/engine.ts"],
    ]);
  });
});
