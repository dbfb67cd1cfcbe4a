/**
 * Runs ingestion of many inputs on worker threads, keeping a bounded number in flight (the batch
 * puts the results back in input order). On a 2-core machine one worker plus the main thread
 * (reading archives, writing SQLite) uses both cores.
 */
import { Worker } from "node:worker_threads";
import { type ErrorCode, VerbatimError } from "../../errors/catalog.js";
import type { WorkerSetup, WorkRequest, WorkResult } from "./messages.js";

/** Under tsx (benchmarks, development) this module is TypeScript and so is the worker; once built, JavaScript. */
const RUNNING_TYPESCRIPT = import.meta.url.endsWith(".ts");

function workerUrl(): URL {
  return new URL(`./ingest-worker${RUNNING_TYPESCRIPT ? ".ts" : ".js"}`, import.meta.url);
}

export class IngestPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, (r: WorkResult) => void>();
  private next = 0;
  private failure: Error | null = null;

  constructor(size: number, setup: WorkerSetup) {
    for (let i = 0; i < size; i++) {
      const worker = RUNNING_TYPESCRIPT
        ? // Workers do not inherit tsx's loader: register it, then load the TypeScript worker.
          new Worker(
            `(async () => {
              const { register } = await import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))});
              register();
              await import(${JSON.stringify(workerUrl().href)});
            })();`,
            { eval: true, workerData: setup },
          )
        : new Worker(workerUrl(), { workerData: setup });
      worker.on("message", (m: WorkResult | { ready: true }) => {
        if ("ready" in m) return;
        const resolve = this.waiting.get(m.seq);
        this.waiting.delete(m.seq);
        resolve?.(m);
      });
      worker.on("error", (error) => {
        this.failure = error;
        for (const [seq, resolve] of this.waiting) {
          resolve({ seq, ok: false, code: "INTERNAL", detail: { reason: error.message } });
        }
        this.waiting.clear();
      });
      this.workers.push(worker);
    }
  }

  run(request: Omit<WorkRequest, "seq">): Promise<WorkResult> {
    const seq = this.next++;
    if (this.failure) {
      return Promise.resolve({ seq, ok: false, code: "INTERNAL", detail: { reason: this.failure.message } });
    }
    const worker = this.workers[seq % this.workers.length] as Worker;
    return new Promise((resolve) => {
      this.waiting.set(seq, resolve);
      // The bytes are copied, not transferred: the caller keeps them to store as the raw input.
      worker.postMessage({ ...request, seq });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Rebuilds the catalog error a worker reported. */
export function workerError(result: Extract<WorkResult, { ok: false }>): VerbatimError {
  return new VerbatimError(result.code as ErrorCode, result.detail);
}
