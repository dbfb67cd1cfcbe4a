/**
 * The queries the search benchmarks time (bench:search, bench:scale), by kind, and how their
 * timings are summarised.
 */

/** Each query: the Verbatim form and the closest raw FTS5 form (raw FTS5 has no fields and no stemming). */
export const QUERIES: { kind: string; verbatim: string; raw: string }[] = [
  { kind: "single word", verbatim: "sanctions", raw: "sanctions" },
  { kind: "single word", verbatim: "terrorism", raw: "terrorism" },
  { kind: "single word", verbatim: "vaccine", raw: "vaccine" },
  { kind: "AND", verbatim: "nuclear weapons", raw: "nuclear weapons" },
  { kind: "AND", verbatim: "trade agreement", raw: "trade agreement" },
  { kind: "AND", verbatim: "human rights violations", raw: "human rights violations" },
  { kind: "phrase", verbatim: '"territorial integrity"', raw: '"territorial integrity"' },
  { kind: "phrase", verbatim: '"climate change"', raw: '"climate change"' },
  { kind: "phrase", verbatim: '"United Nations Charter"', raw: '"United Nations Charter"' },
  { kind: "prefix", verbatim: "nucle*", raw: "nucle*" },
  { kind: "prefix", verbatim: "democra*", raw: "democra*" },
  { kind: "rare word", verbatim: "Akkuyu", raw: "Akkuyu" },
  { kind: "rare word", verbatim: "Idlib", raw: "Idlib" },
  { kind: "rare word", verbatim: "TurkStream", raw: "TurkStream" },
  { kind: "very common word", verbatim: "people", raw: "people" },
  { kind: "very common word", verbatim: "world", raw: "world" },
  { kind: "very common word", verbatim: "the", raw: "the" },
  { kind: "fielded", verbatim: "sanctions speaker:psaki", raw: "sanctions" },
  { kind: "fielded", verbatim: "vaccine kind:question", raw: "vaccine" },
  { kind: "fielded", verbatim: "economy publisher:whitehouse.gov lang:en", raw: "economy" },
  { kind: "date range", verbatim: "pandemic date:2020..2021", raw: "pandemic" },
  { kind: "date range", verbatim: "oil date:1970-01..1979-12", raw: "oil" },
  { kind: "date range", verbatim: "Libya date:2011", raw: "Libya" },
];

/** The p-th percentile of timings sorted ascending (nearest rank). */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
