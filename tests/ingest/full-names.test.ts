/** Surname labels ("MR. LANDRIEU") named in full where the document introduces the person. */
import { describe, expect, it } from "vitest";
import { fullNameFor as fullNameIn, readIntroductions } from "../../src/ingest/speakers/full-names.js";

const fullNameFor = (label: string, texts: string[]) => fullNameIn(label, () => readIntroductions(texts));

import { ingestText } from "../support/ingest.js";

describe("full names for surname labels", () => {
  it("takes the name a moderator introduces the speaker by", () => {
    const texts = [
      "Press Call on the Upcoming Visit",
      "This call is on the record with our Senior Director, Grant Harris.",
    ];
    expect(fullNameFor("Mr. Harris", texts)).toBe("Grant Harris");
    expect(fullNameFor("MR. HARRIS", texts)).toBe("Grant Harris");
  });

  it("keeps a middle initial and the spelling the text uses, not the header's capitals", () => {
    expect(fullNameFor("Administrator Regan", ["EPA Administrator Michael S. Regan said"])).toBe(
      "Michael S. Regan",
    );
    expect(fullNameFor("Mr. McDonough", ["DENIS MCDONOUGH", "with Denis McDonough, Chief of Staff"])).toBe(
      "Denis McDonough",
    );
    expect(fullNameFor("Mr. Harris", ["SENIOR DIRECTOR GRANT HARRIS"])).toBe("Grant Harris");
  });

  it("reads no title, department, acronym or sentence opener as a given name", () => {
    for (const text of [
      "the Council of Economic Advisers Boushey",
      "Education Secretary Duncan",
      "the NEC Deese",
      "He said so. Then Harris left.",
      "I’m Slavitt, and I run the response.",
      "Mr. Harris, go ahead.",
    ])
      expect(
        fullNameFor("Mr. Harris", [text.replace(/Boushey|Duncan|Deese|Slavitt/, "Harris")]),
        text,
      ).toBeNull();
  });

  it("gives no name when the document gives the surname two given names", () => {
    expect(fullNameFor("Ms. Young", ["Shalanda Young and Linke Young were there."])).toBeNull();
  });

  it("does not guess where a name of three capitalised words starts", () => {
    expect(fullNameFor("Mr. Brennan", ["Counterterrorism John Brennan will brief."])).toBeNull();
  });

  it("leaves labels that already name the person, and bare role labels, alone", () => {
    expect(fullNameFor("Karine Jean-Pierre", ["Karine Jean-Pierre"])).toBeNull();
    expect(fullNameFor("Moderator", ["Grant Moderator"])).toBeNull();
  });

  it("names a briefing's guest in every turn, and a registered person only when the honorific agrees", () => {
    const page = (label: string, intro: string) =>
      ingestText(
        "whitehouse/briefing.md",
        [
          "---",
          "date: '2022-01-18'",
          "source_url: https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2022/01/18/press-briefing/",
          'title: "Press Briefing by Press Secretary Jen Psaki"',
          "---",
          "",
          `MS. PSAKI:  Hi, everyone.  ${intro}  Go ahead.`,
          "",
          `${label}:  Thank you, Jen.  We have begun work in every state.`,
          "",
          "Q    How many projects have started?",
          "",
          `${label}:  Four thousand so far.`,
        ].join("\n"),
      )[0]?.turns ?? [];
    const guest = page("MR. LANDRIEU", "Joining us today is Mitch Landrieu, who coordinates the work.");
    expect(guest.filter((t) => t.label === "MR. LANDRIEU").map((t) => [t.speakerId, t.speakerName])).toEqual([
      ["m-landrieu", "Mitch Landrieu"],
      ["m-landrieu", "Mitch Landrieu"],
    ]);
    // The only Kirby the page names is a man the registry knows: "MS. KIRBY" stays as labelled.
    const typo = page("MS. KIRBY", "Joining us today is John Kirby, who speaks for the Pentagon.");
    expect(typo.find((t) => t.label === "MS. KIRBY")?.speakerName).toBe("Ms. Kirby");
  });
});
