/**
 * Length-based alignment with anchors (after Gale & Church 1993): a dynamic programme over two
 * sequences of passages that allows 1-1, 1-2, 2-1, 1-0 and 0-1 links (and 1-3, 3-1 for lists). The cost of a link is how
 * unlikely its length ratio is, plus its prior, less what its two sides share (numbers, names,
 * entities, speakers). Written here because no JavaScript library does this.
 */
import { type Anchors, mergeAnchors, numbersDisagree, sharedAnchors, similarity } from "./anchors.js";

export interface Unit {
  /** Length in characters. */
  length: number;
  anchors: Anchors;
  /** Who speaks it, in a form both languages share (a registry id), when known. */
  speaker?: string | null;
  /** It only repeats the passage before it in its own version (see repeats.ts). */
  repeatsPrevious?: boolean;
}

export interface Link {
  a: number[];
  b: number[];
  /**
   * From 0 to 1: how well the two sides' lengths and anchors agree; for a passage in one version
   * only, how sure it is to be alone (the confidence of the links around it, less its likeness to them).
   */
  confidence: number;
}

export interface AlignOptions {
  /** Expected length of B per character of A; by default the ratio of the two totals. */
  ratio?: number;
  /** How far from the diagonal a path may stray, in passages; by default unlimited for short documents. */
  band?: number;
}

/** The link shapes allowed, with Gale & Church's priors. */
const MOVES: { da: number; db: number; cost: number }[] = [
  { da: 1, db: 1, cost: -Math.log(0.89) },
  { da: 1, db: 0, cost: -Math.log(0.005) },
  { da: 0, db: 1, cost: -Math.log(0.005) },
  { da: 2, db: 1, cost: -Math.log(0.045) },
  { da: 1, db: 2, cost: -Math.log(0.045) },
  // Rarer, but lists split an entry into name, dash and position in one version only.
  { da: 3, db: 1, cost: -Math.log(0.005) },
  { da: 1, db: 3, cost: -Math.log(0.005) },
];

/** Variance of the length difference per character (Gale & Church's estimate). */
const VARIANCE = 6.8;
/** Share of a long passage's length by which versions commonly differ. */
const RELATIVE_SPREAD = 0.15;
/** Weight of shared anchors against the length cost, in the same units (nats). */
const ANCHOR_WEIGHT = 4;
const SHARED_WEIGHT = 2;
const NUMBERS_DISAGREE = 3;
const SPEAKER_WEIGHT = 3;
/**
 * How much cheaper a passage alone is when it only repeats the one before it: more than a 2-1
 * link's prior saves over a passage alone, so the repetition stays alone instead of merging.
 */
const REPEAT_DISCOUNT = 3;

/** Standard normal cumulative distribution (Abramowitz & Stegun 7.1.26). */
function phi(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** Probability of a length difference at least this large between translations. */
function lengthProbability(la: number, lb: number, ratio: number): number {
  if (la === 0 && lb === 0) return 1;
  const mean = (la + lb / ratio) / 2;
  // Gale and Church's model: the difference grows with the square root of the length. It holds for
  // sentences; whole paragraphs and turns of real versions differ more (a clause dropped, a
  // paragraph added), so the spread has a floor of a fixed share of the length.
  const spread = Math.sqrt(Math.max(1, mean) * VARIANCE + (RELATIVE_SPREAD * mean) ** 2);
  const delta = (lb - la * ratio) / spread;
  return Math.max(1e-12, 2 * (1 - phi(Math.abs(delta))));
}

/** One passage or a run of two or three, as a link side: total length and merged anchors. */
interface Block {
  length: number;
  anchors: Anchors;
  /** How many anchors it holds. */
  size: number;
}

/**
 * The blocks of one sequence, made once per start and run length: the dynamic programme asks for
 * the same block at every cell of a row, and merging anchor sets there would dominate its cost.
 */
function blocksOf(units: Unit[]): (from: number, count: number) => Block {
  const made = new Map<number, Block>();
  return (from, count) => {
    const key = from * 4 + count;
    let block = made.get(key);
    if (!block) {
      const run = units.slice(from, from + count);
      const anchors = count === 1 ? (run[0] as Unit).anchors : mergeAnchors(run.map((u) => u.anchors));
      block = {
        length: run.reduce((n, u) => n + u.length, 0),
        anchors,
        size: anchors.numbers.size + anchors.names.size + anchors.entities.size,
      };
      made.set(key, block);
    }
    return block;
  };
}

interface Scored {
  cost: number;
  confidence: number;
}

function score(
  a: Unit[],
  blockA: ReturnType<typeof blocksOf>,
  i: number,
  da: number,
  b: Unit[],
  blockB: ReturnType<typeof blocksOf>,
  j: number,
  db: number,
  ratio: number,
): Scored {
  // A passage in one version only has no length to compare: its prior is its whole cost. (Gale and
  // Church's length cost grows with the passage and would never let a long passage stand alone.)
  if (da === 0 || db === 0)
    return { cost: (da ? a[i] : b[j])?.repeatsPrevious ? -REPEAT_DISCOUNT : 0, confidence: 0 };
  const x = blockA(i, da);
  const y = blockB(j, db);
  const lp = lengthProbability(x.length, y.length, ratio);
  let cost = -Math.log(lp);
  let confidence = lp;
  const total = x.size + y.size;
  if (total > 0) {
    const common = sharedAnchors(x.anchors, y.anchors);
    const sim = (2 * common) / total;
    // Few anchors are weak evidence either way; many are strong.
    cost -= ANCHOR_WEIGHT * Math.min(1, total / 4) * (sim - 0.3);
    // Dozens of names in common (a list in two scripts) outweigh a length ratio the list distorts.
    cost -= SHARED_WEIGHT * Math.log1p(common) * sim;
    // Either sign is enough to be confident: lengths that agree, or anchors that do.
    confidence = 1 - (1 - lp) * (1 - sim);
  }
  if (numbersDisagree(x.anchors, y.anchors)) cost += NUMBERS_DISAGREE;
  const sa = da === 1 ? a[i]?.speaker : null;
  const sb = db === 1 ? b[j]?.speaker : null;
  if (sa && sb) cost += sa === sb ? -SPEAKER_WEIGHT : SPEAKER_WEIGHT;
  return { cost, confidence: Math.max(0, Math.min(1, confidence)) };
}

/** Aligns two sequences of passages; links come in order and cover every passage once. */
export function align(a: Unit[], b: Unit[], options: AlignOptions = {}): Link[] {
  return alignScored(a, b, options).links;
}

/** The alignment and its total cost. */
export function alignScored(
  a: Unit[],
  b: Unit[],
  options: AlignOptions = {},
): { links: Link[]; cost: number } {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) {
    const links = [
      ...a.map((_, i) => ({ a: [i], b: [], confidence: 1 })),
      ...b.map((_, j) => ({ a: [], b: [j], confidence: 1 })),
    ];
    return { links, cost: 0 };
  }
  const blockA = blocksOf(a);
  const blockB = blocksOf(b);
  const totalA = a.reduce((x, u) => x + u.length, 0);
  const totalB = b.reduce((x, u) => x + u.length, 0);
  const ratio = options.ratio ?? (totalA > 0 && totalB > 0 ? totalB / totalA : 1);
  // Long documents: only cells near the diagonal are considered, and only they are stored (row by
  // row, each row its own window), so memory grows with the length, not its square.
  const band =
    options.band ?? (n * m > 250_000 ? Math.max(60, Math.abs(n - m) + 40) : Number.POSITIVE_INFINITY);
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const start = new Float64Array(n + 2);
  for (let i = 0; i <= n; i++) {
    const centre = (i * m) / n;
    lo[i] = Math.max(0, Math.floor(centre - band));
    hi[i] = Math.min(m, Math.ceil(centre + band));
    start[i + 1] = (start[i] as number) + (hi[i] as number) - (lo[i] as number) + 1;
  }
  const at = (i: number, j: number) =>
    j < (lo[i] as number) || j > (hi[i] as number) ? -1 : (start[i] as number) + j - (lo[i] as number);
  const cells = start[n + 1] as number;
  const cost = new Float64Array(cells).fill(Number.POSITIVE_INFINITY);
  const move = new Int8Array(cells).fill(-1);
  const conf = new Float64Array(cells);
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = lo[i] as number; j <= (hi[i] as number); j++) {
      if (i === 0 && j === 0) continue;
      let best = Number.POSITIVE_INFINITY;
      let bestMove = -1;
      let bestConf = 0;
      for (let k = 0; k < MOVES.length; k++) {
        const mv = MOVES[k] as (typeof MOVES)[number];
        const pi = i - mv.da;
        const pj = j - mv.db;
        if (pi < 0 || pj < 0) continue;
        const p = at(pi, pj);
        if (p < 0) continue;
        const prev = cost[p] as number;
        if (prev === Number.POSITIVE_INFINITY) continue;
        const s = score(a, blockA, pi, mv.da, b, blockB, pj, mv.db, ratio);
        const total = prev + mv.cost + s.cost;
        if (total < best) {
          best = total;
          bestMove = k;
          bestConf = s.confidence;
        }
      }
      const here = at(i, j);
      cost[here] = best;
      move[here] = bestMove;
      conf[here] = bestConf;
    }
  }
  // A band too narrow for the documents' shape leaves the last cell unreached: align in full.
  if (cost[at(n, m)] === Number.POSITIVE_INFINITY && band !== Number.POSITIVE_INFINITY)
    return alignScored(a, b, { ...options, band: Number.POSITIVE_INFINITY });
  const links: Link[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = at(i, j);
    const mv = MOVES[move[here] as number];
    if (!mv) throw new Error(`alignment lost its path at ${i},${j}`);
    const ai = Array.from({ length: mv.da }, (_, x) => i - mv.da + x);
    const bj = Array.from({ length: mv.db }, (_, x) => j - mv.db + x);
    links.push({ a: ai, b: bj, confidence: conf[here] as number });
    i -= mv.da;
    j -= mv.db;
  }
  links.reverse();
  const total = cost[at(n, m)] as number;
  // A passage in one version only is as sure to be alone as the text around it is sure to be
  // aligned (an aligner lost in a passage finds "extra" text everywhere), and less so when it
  // resembles a neighbour in the other version.
  const sided = links.map((l) => l.a.length > 0 && l.b.length > 0);
  const twoSidedConfidence = links.map((l) => l.confidence);
  for (const [index, link] of links.entries()) {
    if (sided[index]) continue;
    const around: number[] = [];
    for (let k = index - 1; k >= 0 && around.length < 2; k--)
      if (sided[k]) around.push(twoSidedConfidence[k] as number);
    for (let k = index + 1; k < links.length && around.length < 4; k++)
      if (sided[k]) around.push(twoSidedConfidence[k] as number);
    const context = around.length ? around.reduce((x, y) => x + y, 0) / around.length : 0.5;
    link.confidence = (1 - nearestSimilarity(link, links, index, a, b)) * context;
  }
  for (const link of links) link.confidence = Math.round(link.confidence * 1000) / 1000;
  return { links, cost: total };
}

/** For a passage found in one version only: how much it resembles the passages linked around it (0 if nothing). */
function nearestSimilarity(link: Link, links: Link[], index: number, a: Unit[], b: Unit[]): number {
  const own =
    link.a.length > 0 ? (a[link.a[0] as number] as Unit).anchors : (b[link.b[0] as number] as Unit).anchors;
  let best = 0;
  for (let k = Math.max(0, index - 2); k <= Math.min(links.length - 1, index + 2); k++) {
    const other = links[k] as Link;
    const side =
      link.a.length > 0
        ? other.b.map((x) => (b[x] as Unit).anchors)
        : other.a.map((x) => (a[x] as Unit).anchors);
    for (const anchors of side) best = Math.max(best, similarity(own, anchors) ?? 0);
  }
  return best;
}
