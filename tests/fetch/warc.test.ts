/**
 * The WARC writer's records are standard: the digests Verbatim computes with Node's crypto are
 * the ones warcio itself writes, so any web-archive tool that checks them accepts the file.
 */
import { createReadStream, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { WARCParser, WARCRecord, WARCSerializer } from "warcio";
import { readCapture, WarcWriter } from "../../src/fetch/warc.js";

const capture = {
  url: "http://127.0.0.1:9/briefings/1?lang=ru",
  status: 200,
  statusText: "OK",
  headers: { "content-type": "text/html; charset=utf-8", etag: '"abc"', "x-note": "Брифинг" },
  body: new TextEncoder().encode("<html><body><p>Вопрос: Что дальше?</p></body></html>"),
  fetchedAt: "2026-12-04T05:00:00.000Z",
};

describe("WARC records", () => {
  let dir = "";
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("carry the same block and payload digests warcio computes for the same response", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-warc-"));
    const writer = new WarcWriter(dir);
    const pointer = await writer.write(capture);
    writer.close();

    const file = readdirSync(dir)[0] as string;
    const written: Record<string, string | null> = {};
    for await (const record of new WARCParser(createReadStream(path.join(dir, file)))) {
      if (record.warcType !== "response") continue;
      written.block = record.warcBlockDigest ?? null;
      written.payload = record.warcPayloadDigest ?? null;
    }

    const reference = WARCRecord.create(
      {
        url: capture.url,
        date: capture.fetchedAt,
        type: "response",
        warcVersion: "WARC/1.1",
        statusline: "HTTP/1.1 200 OK",
        httpHeaders: capture.headers,
      },
      [capture.body],
    );
    await WARCSerializer.serialize(reference);
    expect(written.payload).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(written).toEqual({ block: reference.warcBlockDigest, payload: reference.warcPayloadDigest });

    const back = await readCapture(dir, pointer);
    expect(Buffer.from(back.body).toString("utf8")).toBe(Buffer.from(capture.body).toString("utf8"));
  });
});
