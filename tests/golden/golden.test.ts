/**
 * Golden files: every fixture under tests/golden/<publisher>/ is ingested with the fixed clock
 * and its documents are compared with <case>.expected.json next to it. Fixtures are synthetic,
 * one publisher convention each. `npm run test:update-golden` (UPDATE_GOLDEN=1) rewrites the
 * expected files; read the diff before committing it.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ingestBytes } from "../support/ingest.js";

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const EXPECTED_SUFFIX = ".expected.json";

/** How each fixture folder is named in test titles. */
const PUBLISHERS: Record<string, string> = {
  "mid-ru": "mid.ru",
  "kremlin-ru": "kremlin.ru",
  whitehouse: "whitehouse.gov",
  un: "UN General Debate",
  generic: "generic reader",
  "president-ua": "president.gov.ua",
  imports: "imported from TEI and Akoma Ntoso",
  fmprc: "fmprc.gov.cn",
};

/**
 * Known bugs in src/: for these fixtures the expected file was corrected BY HAND to the right
 * output and the test is marked `it.fails` until the bug is fixed. UPDATE_GOLDEN never rewrites
 * them. When a fix lands the test starts "failing" (it passes): remove the entry here.
 */
const KNOWN_BUGS: Record<string, string> = {};

interface GoldenCase {
  /** Path relative to tests/golden with "/" separators: the input's name and source. */
  rel: string;
  file: string;
  expected: string;
  title: string;
}

function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const dir of readdirSync(ROOT).sort()) {
    const folder = path.join(ROOT, dir);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).sort()) {
      if (name.endsWith(EXPECTED_SUFFIX)) continue;
      const caseName = name.replace(/\.[^.]+$/, "");
      cases.push({
        rel: `${dir}/${name}`,
        file: path.join(folder, name),
        expected: path.join(folder, `${caseName}${EXPECTED_SUFFIX}`),
        title: `${PUBLISHERS[dir] ?? dir}: ${caseName.replace(/-/g, " ")}`,
      });
    }
  }
  return cases;
}

const cases = goldenCases();

describe("golden files", () => {
  it("has a fixture for every publisher and an input for every expected file", () => {
    const publishers = new Set(cases.map((c) => c.rel.split("/")[0]));
    expect([...publishers].sort()).toEqual(Object.keys(PUBLISHERS).sort());
    const expectedFiles = new Set(cases.map((c) => c.expected));
    for (const dir of publishers) {
      for (const name of readdirSync(path.join(ROOT, dir ?? ""))) {
        if (!name.endsWith(EXPECTED_SUFFIX)) continue;
        expect(expectedFiles.has(path.join(ROOT, dir ?? "", name)), `${dir}/${name} has no input`).toBe(true);
      }
    }
    for (const rel of Object.keys(KNOWN_BUGS)) {
      expect(
        cases.some((c) => c.rel === rel),
        `KNOWN_BUGS names ${rel}, which is not a fixture`,
      ).toBe(true);
    }
  });

  for (const c of cases) {
    const bug = KNOWN_BUGS[c.rel];
    const test = bug ? it.fails : it;
    test(c.title, () => {
      const outcome = ingestBytes(c.rel, readFileSync(c.file));
      if (!outcome.ok) throw new Error(`${c.rel}: ${outcome.error.code} ${outcome.error.message}`);
      const actual: unknown = JSON.parse(JSON.stringify(outcome.documents));
      if (UPDATE && !bug) {
        writeFileSync(c.expected, `${JSON.stringify(actual, null, 2)}\n`);
        return;
      }
      expect(existsSync(c.expected), `${c.expected} is missing: run npm run test:update-golden`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(c.expected, "utf8")));
    });
  }
});
