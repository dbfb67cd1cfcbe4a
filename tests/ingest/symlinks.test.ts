/**
 * Reading stays inside what it was given: links inside archives are reported as skipped members,
 * never silently dropped. Fixtures are made in a temporary folder.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { pack } from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAX_BYTES } from "../../src/ingest/pipeline.js";
import { planSources, readSources, type SourceItem } from "../../src/ingest/read/sources.js";

const transcript = (topic: string) =>
  `Press conference on ${topic}\n\nQuestion: What happened with ${topic}?\n\nJohn Smith: ${topic} was settled after long talks.\n`;

let tmp = "";

async function items(specs: string[]): Promise<SourceItem[]> {
  const { files } = await planSources(specs);
  const out: SourceItem[] = [];
  for await (const item of readSources(files, { maxBytes: DEFAULT_MAX_BYTES })) out.push(item);
  return out;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "verbatim-symlinks-"));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
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
