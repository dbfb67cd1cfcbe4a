/**
 * Runs ingestion of many inputs on worker threads, keeping a bounded number in flight (the batch
 * puts the results back in input order). On a 2-core machine one worker plus the main thread
 * (reading archives, writing SQLite) uses both cores.
 *
 * A worker that dies while reading (an input that needs more memory than a worker may use, or a
 * fault in a parser) fails only the input it was reading, with READER_FAILED, and is replaced;
 * the inputs queued behind it go to the replacement: one bad page never stops a batch. A worker that dies before it is ready (a registry or
 * gazetteer it cannot load) would die again, so that ends the pool instead.
 */
import { Worker } from "node:worker_threads";
import { type ErrorCode, VerbatimError } from "../../errors/catalog.js";
import type { WorkerSetup, WorkRequest, WorkResult } from "./messages.js";

/** Under tsx (benchmarks, development) this module is TypeScript and so is the worker; once built, JavaScript. */
const RUNNING_TYPESCRIPT = import.meta.url.endsWith(".ts");

/**
 * The old-generation heap a worker may grow to. A worker's own data (registry, gazetteer,
 * language models) is about 120 MB and a large page a few hundred more; without a bound V8 lets
 * the heap of a busy worker grow far past what it keeps alive before collecting.
 */
export const WORKER_HEAP_MB = 768;

function workerUrl(): URL {
  return new URL(`./ingest-worker${RUNNING_TYPESCRIPT ? ".ts" : ".js"}`, import.meta.url);
}

interface Pending {
  request: WorkRequest;
  resolve: (r: WorkResult) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Inputs sent to this worker and not yet answered, oldest first (the one it is reading). */
  inFlight: Map<number, Pending>;
}

export interface PoolOptions {
  heapMb?: number;
}

export class IngestPool {
  private readonly slots: Slot[] = [];
  private next = 0;
  private failure: Error | null = null;
  private closing = false;
  /** Workers that died while reading and were replaced. */
  restarts = 0;

  constructor(
    size: number,
    private readonly setup: WorkerSetup,
    private readonly options: PoolOptions = {},
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  private start(): Slot {
    const resourceLimits = { maxOldGenerationSizeMb: this.options.heapMb ?? WORKER_HEAP_MB };
    const worker = RUNNING_TYPESCRIPT
      ? // Workers do not inherit tsx's loader: register it, then load the TypeScript worker.
        new Worker(
          `(async () => {
            const { register } = await import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))});
            register();
            await import(${JSON.stringify(workerUrl().href)});
          })();`,
          { eval: true, workerData: this.setup, resourceLimits },
        )
      : new Worker(workerUrl(), { workerData: this.setup, resourceLimits });
    const slot: Slot = { worker, ready: false, inFlight: new Map() };
    worker.on("message", (m: WorkResult | { ready: true }) => {
      if ("ready" in m) {
        slot.ready = true;
        return;
      }
      const pending = slot.inFlight.get(m.seq);
      slot.inFlight.delete(m.seq);
      pending?.resolve(m);
    });
    let ended = false;
    const died = (reason: string) => {
      if (ended || this.closing) return;
      ended = true;
      this.replace(slot, reason);
    };
    worker.on("error", (error) => died(error.message));
    worker.on("exit", (code) => died(`the worker exited with code ${code}`));
    return slot;
  }

  private replace(slot: Slot, reason: string): void {
    const pending = [...slot.inFlight.values()];
    slot.inFlight.clear();
    if (!slot.ready) {
      // It could not even start: a replacement would fail the same way.
      this.failure ??= new Error(reason);
      for (const other of this.slots) {
        for (const p of other.inFlight.values()) pending.push(p);
        other.inFlight.clear();
      }
      for (const p of pending) p.resolve(internal(p.request.seq, reason));
      return;
    }
    this.restarts++;
    const fresh = this.start();
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots[index] = fresh;
    // A worker reads its inputs in the order sent: the oldest unanswered one is what killed it.
    const [culprit, ...queued] = pending;
    culprit?.resolve({ seq: culprit.request.seq, ok: false, code: "READER_FAILED", detail: { reason } });
    for (const p of queued) this.send(fresh, p);
  }

  private send(slot: Slot, p: Pending): void {
    slot.inFlight.set(p.request.seq, p);
    // The bytes are copied, not transferred: the caller keeps them to store as the raw input.
    slot.worker.postMessage(p.request);
  }

  run(request: Omit<WorkRequest, "seq">): Promise<WorkResult> {
    const seq = this.next++;
    if (this.failure) return Promise.resolve(internal(seq, this.failure.message));
    const slot = this.slots[seq % this.slots.length] as Slot;
    return new Promise((resolve) => this.send(slot, { request: { ...request, seq }, resolve }));
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

function internal(seq: number, reason: string): WorkResult {
  return { seq, ok: false, code: "INTERNAL", detail: { reason } };
}

/** Rebuilds the catalog error a worker reported. */
export function workerError(result: Extract<WorkResult, { ok: false }>): VerbatimError {
  return new VerbatimError(result.code as ErrorCode, result.detail);
}
