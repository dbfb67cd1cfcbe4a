/**
 * The command line never answers from an archive it made up, and never stays quiet about what it
 * did not read: reading commands refuse a missing archive without creating one, an ingest that
 * finds nothing exits non-zero, and links it does not follow are listed with their codes.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentDocuments, verbatim } from "../support/cli.js";

let tmp = "";

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "verbatim-cli-inputs-"));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("reading commands on an archive that does not exist", () => {
  const READERS = [
    ["search", "sanctions"],
    ["show", "X"],
    ["show", "X", "--versions"],
    ["export"],
    ["versions", "X"],
    ["align", "X", "Y"],
    ["divergence"],
    ["link", "X", "Y"],
    ["link", "--auto"],
    ["unlink", "X", "Y"],
    ["reextract"],
    ["reenrich"],
    ["serve", "--port", "0"],
  ];

  it("each prints STORE_NOT_FOUND, exits 1 and creates neither the archive nor its folder", async () => {
    const folder = path.join(tmp, "typo");
    const db = path.join(folder, "archive.db");
    const results = await Promise.all(READERS.map((args) => verbatim([...args, "--db", db])));
    results.forEach((result, i) => {
      const command = READERS[i]?.join(" ");
      expect(result.stderr, command).toBe(
        `error STORE_NOT_FOUND: no archive at ${db}; create one with \`verbatim ingest\`\n`,
      );
      expect(result.code, command).toBe(1);
      expect(result.stdout, command).toBe("");
    });
    expect(existsSync(folder)).toBe(false);
  }, 180_000);

  it("serve --create makes the archive and loads the bundled examples into it", async () => {
    const db = path.join(tmp, "fresh", "verbatim.db");
    const result = await verbatim(["serve", "--create", "--port", "0", "--db", db], {
      // Serving starts once the examples are in.
      killWhen: async ({ exited, stdout }) => {
        const deadline = Date.now() + 100_000;
        while (!exited() && !stdout().includes("Verbatim is serving") && Date.now() < deadline)
          await sleep(50);
      },
    });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/the archive was empty: loaded \d+ example documents/);
    expect(currentDocuments(db)).toBeGreaterThan(5);
  }, 120_000);
});

describe("archive locations that are URLs of kinds Verbatim does not open", () => {
  it("each command prints a coded error naming what it opens, exits 1 and creates nothing where it runs", async () => {
    const cwd = await mkdtemp(path.join(tmp, "urls-"));
    const input = path.join(tmp, "one.txt");
    await writeFile(input, "Press conference\n\nQuestion: Anything?\n\nJohn Smith: Nothing.\n");
    const runs: [string[], Record<string, string>, string][] = [
      [["ingest", input, "--db", "mysql://reader:s3cret@localhost/verbatim"], {}, "DB_SCHEME_UNSUPPORTED"],
      [
        ["serve", "--create", "--port", "0", "--db", "mysql://localhost/verbatim"],
        {},
        "DB_SCHEME_UNSUPPORTED",
      ],
      [["crawl", "https://example.org/", "--db", "sqlite://verbatim.db"], {}, "DB_SCHEME_UNSUPPORTED"],
    ];
    const results = await Promise.all(runs.map(([args, env]) => verbatim(args, { cwd, env })));
    results.forEach((result, i) => {
      const [args, , code] = runs[i] as (typeof runs)[number];
      expect(result.stderr, args.join(" ")).toMatch(new RegExp(`^error ${code}: cannot open an archive at `));
      expect(result.stderr).not.toContain("s3cret");
      expect(result.code, args.join(" ")).toBe(1);
    });
    expect(results[1]?.stderr).toContain("a SQLite file, named by a path");
    expect(await readdir(cwd)).toEqual([]);
  }, 120_000);
});

describe("an ingest that reads nothing or meets links", () => {
  const transcript = `Press conference on grain exports

Question: What happened with grain exports?

John Smith: Grain exports were settled after long talks.
`;
  const run = (...args: string[]) =>
    verbatim(["ingest", ...args, "--workers", "0", "--no-enrich", "--db", path.join(tmp, "links.db")]);

  it("an empty folder warns INPUT_NONE and exits 1", async () => {
    const empty = path.join(tmp, "empty");
    await mkdir(empty, { recursive: true });
    const result = await run(empty);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${empty}: INPUT_NONE nothing to read in ${empty}: no files were found`);
  });

  it("a folder holding only a loop of links warns about the loop and INPUT_NONE and exits 1", async () => {
    const loop = path.join(tmp, "loop");
    await mkdir(loop, { recursive: true });
    await symlink(".", path.join(loop, "self"));
    const result = await run(loop);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${path.join(loop, "self")}: SYMLINK_REPEATED`);
    expect(result.stdout).toContain("INPUT_NONE");
  });

  it("a link to a file outside the folder is listed as SYMLINK_OUTSIDE and read only with --follow-symlinks", async () => {
    const folder = path.join(tmp, "with-link");
    const outside = path.join(tmp, "outside.txt");
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "inside.txt"), transcript);
    await writeFile(outside, transcript.replaceAll("grain", "visa"));
    await symlink(outside, path.join(folder, "link.txt"));

    const kept = await run(folder);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toMatch(
      /ingested 1 new, 0 new versions, 0 unchanged \(1 documents from 2 inputs\); skipped 1/,
    );
    expect(kept.stdout).toContain(
      `${path.join(folder, "link.txt")}: SYMLINK_OUTSIDE a symbolic link to ${outside}`,
    );

    const followed = await run(folder, "--follow-symlinks");
    expect(followed.code, followed.stderr).toBe(0);
    expect(followed.stdout).toMatch(
      /ingested 1 new, 0 new versions, 1 unchanged \(2 documents from 2 inputs\); skipped 0/,
    );
    expect(followed.stdout).not.toContain("SYMLINK_OUTSIDE");
  });
});

describe("batch settings", () => {
  it("a mistyped VERBATIM_HEAP_GROWING stops an ingest with SETTING_INVALID and exit 1, before any archive is made", async () => {
    const dir = path.join(tmp, "settings");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "a.txt"), "Question: What about grain?\n\nJohn Smith: Grain moves on.\n");
    const db = path.join(dir, "archive.db");
    const result = await verbatim(["ingest", dir, "--db", db, "--no-progress"], {
      env: { VERBATIM_HEAP_GROWING: "2O" },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error SETTING_INVALID: VERBATIM_HEAP_GROWING="2O" is not a valid setting: a whole number of 0 or more is expected\n',
    );
    expect(existsSync(db)).toBe(false);
  });
});

describe("exit codes", () => {
  it("are 0 for success, 1 for the user's mistake and 2 for a failure of Verbatim or the archive itself", async () => {
    const dir = path.join(tmp, "exit-codes");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "a.txt"), "Question: What about grain?\n\nJohn Smith: Grain moves on.\n");
    const db = path.join(dir, "archive.db");
    expect((await verbatim(["ingest", path.join(dir, "a.txt"), "--db", db, "--no-progress"])).code).toBe(0);
    expect((await verbatim(["search", "grain", "--db", db])).code).toBe(0);
    const mistake = await verbatim(["search", "(", "--db", db]);
    expect(mistake.code).toBe(1);
    expect(mistake.stderr).toMatch(/^error QUERY_INVALID: /);
    // Pages of the archive overwritten: not the user's mistake, and not hidden either.
    const bytes = await readFile(db);
    bytes.fill(0xff, 4096 * 3, 4096 * 7);
    await writeFile(db, bytes);
    const damaged = await verbatim(["search", "grain", "--db", db]);
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toMatch(
      /^error STORE_CORRUPT: the archive is damaged \(database disk image is malformed\); restore it/,
    );
  });
});
