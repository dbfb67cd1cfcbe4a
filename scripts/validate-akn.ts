/**
 * Checks an Akoma Ntoso export (`verbatim export --format akn`) against the Akoma Ntoso 3.0 schema,
 * one document at a time, so that an export of any size can be checked in little memory:
 *
 *   npx tsx scripts/validate-akn.ts export.akn.xml [path/to/akomantoso30.xsd]
 *
 * Each `component` is one line of the export; its debate is checked as a document of its own.
 * Prints the count of documents and of invalid ones, with the first errors; exits 1 if any.
 */
import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { XmlDocument, XsdValidator } from "libxml2-wasm";
import { xmlRegisterFsInputProviders } from "libxml2-wasm/lib/nodejs.mjs";
import { AKN_NS } from "../src/export/akn.js";

const [file, xsdArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: npx tsx scripts/validate-akn.ts EXPORT.akn.xml [akomantoso30.xsd]");
  process.exit(2);
}
const xsd =
  xsdArg ??
  path.resolve(fileURLToPath(new URL("../../shared/schemas/akn/akomantoso30.xsd", import.meta.url)));
xmlRegisterFsInputProviders();
const validator = XsdValidator.fromDoc(XmlDocument.fromBuffer(readFileSync(xsd), { url: xsd }));
let documents = 0;
let invalid = 0;
for await (const line of readline.createInterface({ input: createReadStream(file) })) {
  if (!line.startsWith("<component")) continue;
  documents++;
  const debate = line.replace(/^<component[^>]*>/, "").replace(/<\/component>$/, "");
  const doc = XmlDocument.fromString(`<akomaNtoso xmlns="${AKN_NS}">${debate}</akomaNtoso>`);
  try {
    validator.validate(doc);
  } catch (error) {
    invalid++;
    if (invalid <= 5) console.log(line.slice(0, 80), (error as Error).message.trim());
  } finally {
    doc.dispose();
  }
}
console.log(`${documents} documents, ${invalid} invalid`);
process.exit(invalid ? 1 : 0);
