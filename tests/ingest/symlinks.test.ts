/**
 * Reading stays inside what it was given: a folder walk follows a symbolic link only to a place
 * inside the folder, every link it does not follow is reported with its code, and links inside
 * archives are reported as skipped members. Fixtures are links made in a temporary folder.
 */
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { pack } from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestBatch } from "../../src/ingest/batch.js";
import { DEFAULT_MAX_BYTES, type IngestContext } from "../../src/ingest/pipeline.js";
import { planSources, readSources, type SourceItem } from "../../src/ingest/read/sources.js";
import { withSearch } from "../../src/search/engine/with-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { FIXED_NOW, registry } from "../support/ingest.js";

const ctx: IngestContext = { registry, debateSpeakers: null, maxBytes: DEFAULT_MAX_BYTES, now: FIXED_NOW };

const transcript = (topic: string) =>
  `Press conference on ${topic}\n\nQuestion: What happened with ${topic}?\n\nJohn Smith: ${topic} was settled after long talks.\n`;

const SECRET = "root:x:0:0:root:/root:/bin/bash\n";

let tmp = "";
/** The folder given to ingest; beside it, a folder and a file it must not reach. */
let inputs = "";
let outside = "";

async function items(specs: string[], followSymlinks = false): Promise<SourceItem[]> {
  const { files } = await planSources(specs, { followSymlinks });
  const out: SourceItem[] = [];
  for await (const item of readSources(files, { maxBytes: DEFAULT_MAX_BYTES })) out.push(item);
  return out;
}

const summary = (list: SourceItem[]) =>
  list.map((i) => [
    path.relative(tmp, i.type === "input" ? i.input.source : i.source),
    i.type === "skipped" ? i.code : i.type,
  ]);

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "verbatim-symlinks-"));
  inputs = path.join(tmp, "inputs");
  outside = path.join(tmp, "outside");
  await mkdir(path.join(inputs, "2021"), { recursive: true });
  await mkdir(outside, { recursive: true });
  await writeFile(path.join(inputs, "2021", "a.txt"), transcript("grain exports"));
  await writeFile(path.join(outside, "passwd"), SECRET);
  await writeFile(path.join(outside, "b.txt"), transcript("visa rules"));
  await symlink(path.join(outside, "passwd"), path.join(inputs, "passwd"));
  await symlink(outside, path.join(inputs, "elsewhere"));
  await symlink(path.join("2021", "a.txt"), path.join(inputs, "alias.txt"));
  await symlink(".", path.join(inputs, "2021", "loop"));
  await symlink(path.join(tmp, "nowhere"), path.join(inputs, "broken"));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("folder walks", () => {
  it("a link to a file or a folder outside the folder is skipped with SYMLINK_OUTSIDE", async () => {
    expect(summary(await items([inputs]))).toEqual([
      ["inputs/2021/a.txt", "input"],
      ["inputs/2021/loop", "SYMLINK_REPEATED"],
      ["inputs/broken", "SYMLINK_BROKEN"],
      ["inputs/elsewhere", "SYMLINK_OUTSIDE"],
      ["inputs/passwd", "SYMLINK_OUTSIDE"],
    ]);
  });

  it("the notice names the link's target and the folder it leaves", async () => {
    const passwd = (await items([inputs])).find((i) => i.type === "skipped" && i.source.endsWith("passwd"));
    expect(passwd).toMatchObject({ type: "skipped", code: "SYMLINK_OUTSIDE" });
    const message = passwd?.type === "skipped" ? passwd.message : "";
    expect(message).toContain(path.join(outside, "passwd"));
    expect(message).toContain(inputs);
    expect(message).toContain("--follow-symlinks");
  });

  it("a link inside the folder to a file already there is read once, under the file's own path", async () => {
    const read = (await items([inputs])).filter((i) => i.type === "input");
    expect(read.map((i) => (i.type === "input" ? path.basename(i.input.source) : ""))).toEqual(["a.txt"]);
  });

  it("with followSymlinks a link out of the folder is read, and a loop still ends", async () => {
    expect(summary(await items([inputs], true))).toEqual([
      ["inputs/2021/a.txt", "input"],
      ["inputs/2021/loop", "SYMLINK_REPEATED"],
      ["inputs/broken", "SYMLINK_BROKEN"],
      ["inputs/elsewhere/b.txt", "input"],
      ["inputs/elsewhere/passwd", "input"],
    ]);
  });

  it("a folder named through a link is read: it was given", async () => {
    const link = path.join(tmp, "named-link");
    await symlink(outside, link);
    expect(summary(await items([link])).map(([, what]) => what)).toEqual(["input", "input"]);
  });

  it("a glob pattern follows no link unless asked", async () => {
    expect(summary(await items([path.join(inputs, "**", "*")]))).toEqual([["inputs/2021/a.txt", "input"]]);
    const followed = summary(await items([path.join(inputs, "*")], true)).map(([p]) => p);
    expect(followed).toContain("inputs/passwd");
  });

  it("an ingest of the folder stores nothing of the outside file and reports each link", async () => {
    const store = withSearch(new SqliteStore({ path: ":memory:" }));
    try {
      const { files } = await planSources([inputs]);
      const report = await ingestBatch(readSources(files, { maxBytes: DEFAULT_MAX_BYTES }), store, ctx);
      expect(report).toMatchObject({ inputs: 5, documents: 1, inserted: 1, skipped: 4, failed: 0 });
      expect(report.notices.map((n) => [path.basename(n.source), n.code])).toEqual([
        ["loop", "SYMLINK_REPEATED"],
        ["broken", "SYMLINK_BROKEN"],
        ["elsewhere", "SYMLINK_OUTSIDE"],
        ["passwd", "SYMLINK_OUTSIDE"],
      ]);
      const raws: string[] = [];
      for await (const raw of store.listRaw()) raws.push(Buffer.from(raw.bytes).toString("utf8"));
      expect(raws).toHaveLength(1);
      expect(raws.join("")).not.toContain("root:x:0:0");
    } finally {
      await store.close();
    }
  });
});

describe("archives", () => {
  let archive = "";

  beforeAll(async () => {
    archive = path.join(tmp, "with-links.tar.gz");
    const tar = pack();
    tar.entry({ name: "docs/", type: "directory" });
    tar.entry({ name: "docs/a.txt" }, transcript("the Arctic"));
    tar.entry({ name: "docs/passwd", type: "symlink", linkname: "/etc/passwd" });
    tar.entry({ name: "docs/again.txt", type: "link", linkname: "docs/a.txt" });
    tar.finalize();
    await pipeline(tar, createGzip(), createWriteStream(archive));
  });

  it("symbolic and hard link members are reported as skipped with ARCHIVE_MEMBER_SKIPPED", async () => {
    const list = await items([archive]);
    expect(list.map((i) => [i.type === "input" ? i.input.name : i.source.split("#")[1], i.type])).toEqual([
      ["docs/a.txt", "input"],
      ["docs/passwd", "skipped"],
      ["docs/again.txt", "skipped"],
    ]);
    const skipped = list.filter((i) => i.type === "skipped");
    expect(skipped.map((i) => (i.type === "skipped" ? i.code : ""))).toEqual([
      "ARCHIVE_MEMBER_SKIPPED",
      "ARCHIVE_MEMBER_SKIPPED",
    ]);
    expect(skipped[0]?.type === "skipped" && skipped[0].message).toContain("symlink member to /etc/passwd");
    expect(skipped[1]?.type === "skipped" && skipped[1].message).toContain("link member to docs/a.txt");
  });
});
