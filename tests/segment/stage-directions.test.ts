/** Parentheticals that describe the room, not the speech: their words' edges hold beyond ASCII. */
import { describe, expect, it } from "vitest";
import { findStageDirections } from "../../src/ingest/segment/stage-directions.js";

const notes = (paragraph: string) => findStageDirections(paragraph, 0).map((n) => n.text);

describe("stage directions", () => {
  it("a bracketed word that only begins with sic and goes on in a letter outside ASCII (Sicília) is no stage direction; (sic) is", () => {
    expect(notes("Partimos amanhã (Sicília) de manhã.")).toEqual([]);
    expect(notes("They was (sic) there. (Laughter.)")).toEqual(["(sic)", "(Laughter.)"]);
  });
});
