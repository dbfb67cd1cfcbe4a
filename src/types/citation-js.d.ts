// The parts of Citation.js (0.7) that src/export/citation.ts uses; the packages ship no types.
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: object | object[]);
    format(
      format: "bibliography",
      options: { format: "text" | "html"; template: string; lang: string },
    ): string;
    format(format: "bibtex" | "ris" | "data", options?: { format?: "text" | "object" }): string;
  }
  export const plugins: {
    config: {
      get(name: "@csl"): {
        templates: { add(name: string, style: string): void; has(name: string): boolean };
      };
    };
  };
}
declare module "@citation-js/plugin-csl";
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
