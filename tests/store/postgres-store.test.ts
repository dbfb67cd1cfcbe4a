import { describe } from "vitest";
import { freshPgStore, postgresWanted } from "../support/postgres.js";
import { describeStoreConformance } from "./conformance.js";

describe.runIf(postgresWanted)("PostgreSQL backend", () => {
  describeStoreConformance("PgStore on a fresh schema", freshPgStore);
});
