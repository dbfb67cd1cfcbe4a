/**
 * The layers of src/ (docs/ARCHITECTURE.md, "Layers"), checked by `npm run lint`
 * (dependency-cruiser). Dependencies point toward src/model; the store keeps what it is given and
 * decides nothing that belongs to align or enrich. Type-only imports count: a type is a dependency.
 * tests/layers/layers.test.ts shows each rule firing on a small bad fixture.
 */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "Modules of src/ form no import cycle: each layer can be read, tested and replaced alone.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "store-depends-on-model",
      comment:
        "The store and its backends depend on src/model and src/errors only: no search, align, enrich, " +
        "ingest, fetch, changes, export, archive, cli, server or web code, so a backend holds no policy " +
        "and no search engine. What it exchanges with search (the query and result shapes, the text-index " +
        "port and its plan, how text enters the index) lives in src/model; search/engine/with-search.ts " +
        "joins a backend to the engine.",
      severity: "error",
      from: { path: "^src/store/" },
      to: { path: "^src/", pathNot: "^src/(store|model|errors)/" },
    },
    {
      name: "model-depends-on-nothing",
      comment: "src/model is the data every layer shares: it imports nothing else from src/.",
      severity: "error",
      from: { path: "^src/model/" },
      to: { path: "^src/", pathNot: "^src/model/" },
    },
    {
      name: "search-knows-no-backend",
      comment: "The search engine talks to a backend through its ports (TextIndex), never to SQLite's code.",
      severity: "error",
      from: { path: "^src/search/" },
      to: { path: "^src/store/sqlite/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // Packages' subpath exports (hono/html, @orama/stemmers/english) resolve as Node resolves them.
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
