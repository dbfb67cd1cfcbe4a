/**
 * Checks an Akoma Ntoso export (`verbatim export --format akn`) against the Akoma Ntoso 3.0 schema,
 * one document at a time:
 *
 *   npx tsx scripts/validate-akn.ts export.akn.xml [path/to/akomantoso30.xsd]
 *
 * Prints the count of documents and of invalid ones, with the first errors; exits 1 if any.
 */
import { createReadStream } from "node:fs";
import readline from "node:readline";
import { AKN_XSD, checkAknExport } from "../tests/support/akn-schema.js";

const [file, xsd] = process.argv.slice(2);
if (!file) {
  console.error("usage: npx tsx scripts/validate-akn.ts EXPORT.akn.xml [akomantoso30.xsd]");
  process.exit(2);
}
const { documents, invalid } = await checkAknExport(
  readline.createInterface({ input: createReadStream(file) }),
  xsd ?? AKN_XSD,
);
for (const line of invalid.slice(0, 5)) console.log(line);
console.log(`${documents} documents, ${invalid.length} invalid`);
process.exit(invalid.length ? 1 : 0);
