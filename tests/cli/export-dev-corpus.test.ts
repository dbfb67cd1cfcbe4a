/**
 * The Akoma Ntoso export of the whole dev corpus (every folder of ../shared/corpus but the bench
 * tarballs and the parallel sentence sets), checked against the Akoma Ntoso 3.0 schema one
 * document at a time; and the same archive's TEI read back into a second archive, document for
 * document.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAknExport } from "../support/akn-schema.js";
import { verbatim } from "../support/cli.js";
import { corpusAvailable, corpusPath } from "../support/corpus.js";

const FOLDERS = ["mid-ru", "kremlin-ru", "whitehouse", "ungdc", "zelensky", "interviews"];
const tmp = mkdtempSync(path.join(os.tmpdir(), "verbatim-dev-corpus-"));
const db = path.join(tmp, "dev.db");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!corpusAvailable)("exports of the whole dev corpus", () => {
  beforeAll(async () => {
    const ingest = await verbatim([
      "ingest",
      "--db",
      db,
      "--no-progress",
      ...FOLDERS.map((f) => corpusPath(f)),
    ]);
    expect(ingest.code, ingest.stderr).toBe(0);
  }, 300_000);

  it("every document's Akoma Ntoso is valid by the schema", async () => {
    const file = path.join(tmp, "dev.akn.xml");
    const out = await verbatim(["export", "--format", "akn", "--out", file, "--db", db]);
    expect(out.code, out.stderr).toBe(0);
    const { documents, invalid } = await checkAknExport(readFileSync(file, "utf8").split("\n"));
    expect(documents).toBeGreaterThan(500);
    expect(invalid).toEqual([]);
  }, 300_000);

  it("its TEI read into a second archive gives back every document, turn for turn", async () => {
    const file = path.join(tmp, "dev.tei.xml");
    expect((await verbatim(["export", "--format", "tei", "--out", file, "--db", db])).code).toBe(0);
    const second = path.join(tmp, "second.db");
    const ingest = await verbatim(["ingest", "--db", second, "--no-progress", file]);
    expect(ingest.code, ingest.stderr).toBe(0);
    const lines = async (archive: string) => {
      const out = await verbatim(["export", "--format", "jsonl", "--db", archive]);
      return new Map(
        out.stdout
          .trim()
          .split("\n")
          .map(
            (l) =>
              JSON.parse(l).document as {
                id: string;
                turns: { paragraphs: string[]; kind: string; speakerId: string | null }[];
              },
          )
          .map((d) => [d.id, d.turns.map((t) => [t.speakerId, t.kind, t.paragraphs])]),
      );
    };
    const [before, after] = [await lines(db), await lines(second)];
    expect(after.size).toBe(before.size);
    for (const [id, turns] of before) expect(after.get(id), id).toStrictEqual(turns);
  }, 300_000);
});
