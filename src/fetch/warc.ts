/**
 * Every HTTP response Verbatim receives, kept as a WARC 1.1 record (warcio), so the archive can
 * show a page exactly as it was fetched and hand the captures to any web-archive tool. Each run
 * writes its own gzipped file (one gzip member per record, so a record can be read alone from its
 * offset); a run killed mid-write leaves at most a torn record at the end of its own file, which
 * nothing points to because the pointer is stored only after the record is written.
 */
import { createHash, randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readSync, writeSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { WARCParser, WARCRecord, WARCSerializer } from "warcio";
import type { Headers, HttpResponse } from "./http.js";

export interface WarcPointer {
  /** File name inside the WARC folder. */
  file: string;
  offset: number;
  length: number;
}

/** A response as kept: what the HTTP client received for one URL. */
export type Capture = Pick<HttpResponse, "url" | "status" | "statusText" | "headers" | "body" | "fetchedAt">;

/** WARC files are rotated past this size, as web archives conventionally do (about 1 GB). */
const MAX_FILE_BYTES = 1_000_000_000;

export class WarcWriter {
  private fd: number | null = null;
  private file = "";
  private offset = 0;
  private sequence = 0;

  constructor(
    readonly dir: string,
    private readonly software = "Verbatim",
  ) {}

  private async open(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    // Two writers of one process in one second (a test, a server with several runs) must not collide.
    const unique = randomBytes(3).toString("hex");
    this.file = `verbatim-${stamp}-${process.pid}-${unique}-${String(this.sequence++).padStart(5, "0")}.warc.gz`;
    this.fd = openSync(path.join(this.dir, this.file), "wx");
    this.offset = 0;
    const info = WARCRecord.createWARCInfo(
      { filename: this.file, warcVersion: "WARC/1.1" },
      {
        software: this.software,
        format: "WARC File Format 1.1",
        conformsTo: "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
      },
    );
    this.append(gzipSync(await WARCSerializer.serialize(info)));
  }

  private append(bytes: Uint8Array): WarcPointer {
    if (this.fd === null) throw new Error("WARC file is not open");
    const at = this.offset;
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
    this.offset += bytes.length;
    return { file: this.file, offset: at, length: bytes.length };
  }

  /** Writes one response record and returns where it is. */
  async write(capture: Capture): Promise<WarcPointer> {
    if (this.fd === null || this.offset > MAX_FILE_BYTES) {
      this.close();
      await this.open();
    }
    const record = WARCRecord.create(
      {
        url: capture.url,
        date: capture.fetchedAt,
        type: "response",
        warcVersion: "WARC/1.1",
        statusline: `HTTP/1.1 ${capture.status} ${capture.statusText}`.trim(),
        httpHeaders: capture.headers,
      },
      [capture.body],
    );
    setDigests(record, capture.body);
    // One gzip member per record (so a record reads alone from its offset), compressed with
    // Node's zlib in one call: warcio's own gzip streams in small chunks and cost several ms a page.
    return this.append(gzipSync(await WARCSerializer.serialize(record)));
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * The record's block and payload digests (sha256, as warcio writes them), computed with Node's
 * crypto: warcio computes them only when they are missing, with a WebAssembly hasher it builds
 * anew for every record, which cost more than the rest of the record.
 */
function setDigests(record: WARCRecord, body: Uint8Array): void {
  const head = Buffer.from(`${record.httpHeaders?.toString() ?? ""}\r\n`, "utf8");
  const payload = createHash("sha256").update(body).digest("hex");
  const block = createHash("sha256").update(head).update(body).digest("hex");
  record.warcHeaders.headers.set("WARC-Payload-Digest", `sha256:${payload}`);
  record.warcHeaders.headers.set("WARC-Block-Digest", `sha256:${block}`);
}

/** Reads the record a pointer names, as it was fetched. */
export async function readCapture(dir: string, pointer: WarcPointer): Promise<Capture> {
  const file = path.join(dir, path.basename(pointer.file));
  const fd = openSync(file, "r");
  const bytes = Buffer.alloc(pointer.length);
  try {
    readSync(fd, bytes, 0, pointer.length, pointer.offset);
  } finally {
    closeSync(fd);
  }
  for await (const record of new WARCParser([bytes])) {
    const headers: Headers = {};
    for (const [k, v] of record.httpHeaders?.headers ?? []) headers[k.toLowerCase()] = v;
    return {
      url: record.warcTargetURI ?? "",
      status: Number(record.httpHeaders?.statusCode ?? 0),
      statusText: record.httpHeaders?.statusText ?? "",
      headers,
      body: await record.readFully(true),
      fetchedAt: record.warcDate ?? "",
    };
  }
  throw new Error(`no WARC record at ${pointer.file}:${pointer.offset}`);
}

/** The WARC folder that belongs to an archive file: `verbatim.db` → `verbatim.warc/`. */
export function warcDirFor(dbPath: string): string {
  const parsed = path.parse(path.resolve(dbPath));
  return path.join(parsed.dir, `${parsed.name}.warc`);
}
