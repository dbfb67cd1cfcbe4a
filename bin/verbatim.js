#!/usr/bin/env node
// Entry point of the `verbatim` command; the compiled CLI lives in dist/ (built by `npm install`).
import("../dist/cli/main.js").catch((error) => {
  if (error && error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/cli/main.js")) {
    console.error("verbatim: not built yet; run `npm run build` (npm install does it too)");
    process.exit(2);
  }
  throw error;
});
