/**
 * robots.txt, read once per origin and honoured for every request to it (RFC 9309): a 2xx answer
 * is parsed (robots-parser), a 4xx means no rules, and a 5xx or no answer at all means the whole
 * site is off limits for this run, as the RFC asks. Crawl-delay raises the host's delay. The
 * answer is handed to `keep` (the fetcher archives it), so the rules a crawl obeyed can be shown.
 */
import robotsParser from "robots-parser";
import { VerbatimError } from "../errors/catalog.js";
import type { HostGates } from "./hosts.js";
import type { HttpClient, HttpResponse } from "./http.js";

// robots-parser is CommonJS (module.exports = function): in ESM the function is the default import,
// which its typings (written for `esModuleInterop` under CommonJS) do not say.
const parseRobots = robotsParser as unknown as (url: string, text: string) => Rules;

type Rules = {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
};

export class RobotsRules {
  private readonly byOrigin = new Map<string, Promise<Rules | "all" | "none">>();

  constructor(
    private readonly http: HttpClient,
    private readonly gates: HostGates,
    private readonly agent: string,
    private readonly address?: (url: string) => string,
    private readonly keep?: (response: HttpResponse) => Promise<void>,
  ) {}

  /** Null when the URL may be fetched; FETCH_DISALLOWED otherwise. */
  check = async (url: string): Promise<VerbatimError | null> => {
    const origin = new URL(url).origin;
    let rules = this.byOrigin.get(origin);
    if (!rules) {
      rules = this.load(origin);
      this.byOrigin.set(origin, rules);
    }
    const r = await rules;
    if (r === "all") return null;
    if (r === "none" || r.isAllowed(url, this.agent) === false)
      return new VerbatimError("FETCH_DISALLOWED", { origin, url });
    return null;
  };

  private async load(origin: string): Promise<Rules | "all" | "none"> {
    const robotsUrl = `${origin}/robots.txt`;
    const outcome = await this.http.get(robotsUrl, {
      turn: this.gates.turn,
      ...(this.address ? { address: this.address } : {}),
    });
    if (!outcome.ok) return "none";
    await this.keep?.(outcome.response);
    const { status, body } = outcome.response;
    if (status >= 400 && status < 500) return "all";
    if (status < 200 || status >= 300) return "none";
    const rules = parseRobots(robotsUrl, Buffer.from(body).toString("utf8"));
    const delay = rules.getCrawlDelay(this.agent);
    if (delay && delay > 0) this.gates.setDelay(robotsUrl, Math.min(delay, 60) * 1000);
    return rules;
  }
}
