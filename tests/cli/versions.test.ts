/**
 * Language versions from the command line, as a user runs them on the example archive: ingest
 * links the example press conference to its Russian version; `versions`, `align`, `divergence`,
 * `unlink` and `link` then read and change that link.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, verbatimOk } from "../support/cli.js";

const verbatim = (...args: string[]) => verbatimOk(args);

describe("language versions on the command line", () => {
  let dir: string;
  let db: string;
  let en: string;
  let ru: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-versions-"));
    db = path.join(dir, "archive.db");
    const out = await verbatim("ingest", "--db", db, "--workers", "0", path.join(ROOT, "examples", "mid-ru"));
    expect(out).toMatch(/language versions: 1 linked by evidence; 2 pairs aligned/);
    const docs = readFileSync(
      path.join(ROOT, "examples", "mid-ru", "2024-03-14-lavrov-carvallo-moscow.en.txt"),
      "utf8",
    );
    expect(docs.length).toBeGreaterThan(0);
    const list = JSON.parse(await verbatim("divergence", "--db", db, "--json")) as {
      a: string;
      b: string;
      languageA: string;
      titleA: string;
    }[];
    const pair = list.find((p) => p.titleA.includes("Carvallo") || p.titleA.includes("Карвальо"));
    if (!pair) throw new Error("the example press conference was not linked");
    [en, ru] = pair.languageA === "en" ? [pair.a, pair.b] : [pair.b, pair.a];
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists a document's versions with how they were linked", async () => {
    expect(await verbatim("versions", "--db", db, en)).toMatch(
      new RegExp(`^ru  ${ru}  evidence 0\\.\\d\\d  divergence 0\\.\\d+`),
    );
  });

  it("prints an alignment side by side and exports it as TMX and CSV", async () => {
    const text = await verbatim("align", "--db", db, en, ru);
    expect(text).toContain("ru: (none)");
    const tmxFile = path.join(dir, "pair.tmx");
    await verbatim("align", "--db", db, en, ru, "--level", "sentence", "--format", "tmx", "--out", tmxFile);
    const tmx = readFileSync(tmxFile, "utf8");
    expect(XMLValidator.validate(tmx)).toBe(true);
    expect(tmx).toContain('<tuv xml:lang="ru">');
    expect((await verbatim("align", "--db", db, en, ru, "--format", "csv")).split("\r\n")[0]).toBe(
      "en,ru,confidence,en passage,ru passage",
    );
  });

  it("shows each matching sentence in the other language when searching with --aligned", async () => {
    const out = await verbatim("search", "--db", db, "scholarships", "--aligned");
    expect(out).toMatch(new RegExp(`ru: .*стипендий.* /d/${ru}#t\\d+p\\d+`));
  });

  it("unlinks by hand for good and links again by hand", async () => {
    await verbatim("unlink", "--db", db, en, ru);
    expect(await verbatim("versions", "--db", db, en)).toContain("no other-language versions");
    await verbatim("link", "--db", db, "--auto");
    expect(await verbatim("versions", "--db", db, en)).toContain("no other-language versions");
    expect(await verbatim("link", "--db", db, en, ru)).toMatch(/^linked /);
    expect(await verbatim("versions", "--db", db, en)).toMatch(/manual/);
  });

  it("keeps links and measurements when extraction is run again over the kept inputs", async () => {
    expect(await verbatim("reextract", "--db", db)).toMatch(/0 new, 0 new versions, 4 unchanged/);
    expect(await verbatim("versions", "--db", db, en)).toContain(ru);
  });

  it("refuses an unknown document with its catalog code", async () => {
    let stderr = "";
    try {
      await verbatim("align", "--db", db, en, "no-such-document");
    } catch (error) {
      stderr = String((error as { stderr: string }).stderr);
    }
    expect(stderr).toContain("DOCUMENT_NOT_FOUND");
  });
});
