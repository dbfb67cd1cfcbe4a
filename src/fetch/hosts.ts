/**
 * Politeness per host: at most `concurrency` requests at once to one host, at least `delayMs`
 * between the starts of two requests to it (robots.txt's Crawl-delay raises it), and a pause for
 * every request to a host that answered 429 or 503 with Retry-After. Other hosts are not held up.
 */
import { setTimeout as sleep } from "node:timers/promises";

export interface Politeness {
  concurrency: number;
  delayMs: number;
}

interface HostState {
  active: number;
  nextStart: number;
  pausedUntil: number;
  waiting: (() => void)[];
  delayMs: number;
}

export class HostGates {
  private readonly hosts = new Map<string, HostState>();

  constructor(private readonly politeness: Politeness) {}

  private state(url: string): HostState {
    const host = new URL(url).host;
    let s = this.hosts.get(host);
    if (!s) {
      s = { active: 0, nextStart: 0, pausedUntil: 0, waiting: [], delayMs: this.politeness.delayMs };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** Raises the delay between requests to a host (robots.txt Crawl-delay), never lowers it. */
  setDelay(url: string, ms: number): void {
    const s = this.state(url);
    s.delayMs = Math.max(s.delayMs, ms);
  }

  pause(url: string, ms: number): void {
    const s = this.state(url);
    s.pausedUntil = Math.max(s.pausedUntil, Date.now() + ms);
  }

  /** Waits for the host's turn; the returned function ends the request. */
  turn = async (url: string): Promise<() => void> => {
    const s = this.state(url);
    while (s.active >= this.politeness.concurrency) await new Promise<void>((r) => s.waiting.push(r));
    s.active++;
    for (;;) {
      const now = Date.now();
      const at = Math.max(s.nextStart, s.pausedUntil);
      if (at <= now) break;
      await sleep(at - now);
    }
    s.nextStart = Date.now() + s.delayMs;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      s.active--;
      s.waiting.shift()?.();
    };
  };
}
