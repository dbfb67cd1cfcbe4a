/**
 * Checks an Akoma Ntoso export (one `component` per line, export/akn.ts) against the Akoma Ntoso
 * 3.0 schema one document at a time, so an export of any size is checked in little memory. Used by
 * the tests and by `scripts/validate-akn.ts`.
 */
import { readFileSync } from "node:fs";
import { XmlDocument, XsdValidator } from "libxml2-wasm";
import { xmlRegisterFsInputProviders } from "libxml2-wasm/lib/nodejs.mjs";
import { AKN_NS } from "../../src/export/akn.js";
import { CORPUS } from "./corpus.js";

export const AKN_XSD = `${CORPUS}/../schemas/akn/akomantoso30.xsd`;

export async function checkAknExport(
  lines: Iterable<string> | AsyncIterable<string>,
  xsd: string = AKN_XSD,
): Promise<{ documents: number; invalid: string[] }> {
  xmlRegisterFsInputProviders();
  const schema = XmlDocument.fromBuffer(readFileSync(xsd), { url: xsd });
  const validator = XsdValidator.fromDoc(schema);
  const invalid: string[] = [];
  let documents = 0;
  try {
    for await (const line of lines) {
      if (!line.startsWith("<component")) continue;
      documents++;
      const debate = line.replace(/^<component[^>]*>/, "").replace(/<\/component>$/, "");
      const doc = XmlDocument.fromString(`<akomaNtoso xmlns="${AKN_NS}">${debate}</akomaNtoso>`);
      try {
        validator.validate(doc);
      } catch (error) {
        invalid.push(`${line.slice(0, 80)}: ${(error as Error).message.trim().slice(0, 300)}`);
      } finally {
        doc.dispose();
      }
    }
  } finally {
    validator.dispose();
    schema.dispose();
  }
  return { documents, invalid };
}
