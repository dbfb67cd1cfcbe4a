/** The query language: what users type becomes a typed query, or an error that says where. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VerbatimError } from "../../src/errors/catalog.js";
import { parseQuery } from "../../src/search/query/parse.js";

const errorOf = (q: string) => {
  try {
    parseQuery(q);
  } catch (error) {
    return error as VerbatimError;
  }
  throw new Error(`no error for ${q}`);
};

describe("the query language", () => {
  it("reads words, phrases, OR, exclusions, prefixes and fields", () => {
    const q = parseQuery(
      'libya OR ливия "territorial integrity" nucle* -turkey speaker:lavrov kind:question|answer',
    );
    expect(q.groups).toEqual([
      {
        terms: [
          { type: "word", text: "libya" },
          { type: "word", text: "ливия" },
        ],
      },
      { terms: [{ type: "phrase", words: ["territorial", "integrity"] }] },
      { terms: [{ type: "prefix", text: "nucle" }] },
    ]);
    expect(q.exclude).toEqual([{ type: "word", text: "turkey" }]);
    expect(q.filters.speaker).toEqual(["lavrov"]);
    expect(q.filters.kind).toEqual(["question", "answer"]);
  });

  it("reads the document type apart from the turn kind, and refuses a type that does not exist", () => {
    const q = parseQuery('type:briefing|Interview type:"press conference" kind:answer -type:decree');
    expect(q.filters.type).toEqual(["briefing", "interview", "press-conference"]);
    expect(q.filters.kind).toEqual(["answer"]);
    expect(q.excludeFilters.type).toEqual(["decree"]);
    expect(errorOf("type:podcast").code).toBe("QUERY_INVALID");
    expect(errorOf("type:podcast").message).toMatch(/briefing/);
  });

  it("reads quoted field values and date ranges", () => {
    const q = parseQuery(
      'role:"foreign minister" date:2020-01..2020-12 lang:RU -publisher:whitehouse.gov doc:midru-1',
    );
    expect(q.filters.role).toEqual(["foreign minister"]);
    expect(q.filters.date).toEqual([{ from: "2020-01", to: "2020-12" }]);
    expect(q.filters.lang).toEqual(["ru"]);
    expect(q.excludeFilters.publisher).toEqual(["whitehouse.gov"]);
    expect(q.filters.doc).toEqual(["midru-1"]);
  });

  it("treats a word that holds several tokens as a phrase", () => {
    expect(parseQuery("5+5").groups).toEqual([{ terms: [{ type: "phrase", words: ["5", "5"] }] }]);
  });

  it("says where the query is wrong", () => {
    expect(errorOf('sanctions "unclosed').message).toMatch(/character 11: this quote is never closed/);
    expect(errorOf("foo:bar").message).toMatch(/unknown field "foo"/);
    expect(errorOf("OR libya").message).toMatch(/character 1: OR must stand between/);
    expect(errorOf("libya OR").message).toMatch(/character 7/);
    expect(errorOf("date:2021..2020").message).toMatch(/ends before it starts/);
    expect(errorOf("date:2020-02-30").message).toMatch(/not a day of the calendar/);
    expect(errorOf("kind:speech").message).toMatch(/not a turn kind/);
    expect(errorOf("   ").message).toMatch(/the query is empty/);
    expect(errorOf("x".repeat(10_000)).message).toMatch(/longer than 1000 characters/);
  });

  it("never throws anything but a QUERY_INVALID error, whatever is typed", () => {
    const pieces = fc.constantFrom(
      '"',
      "*",
      "-",
      "OR",
      "AND",
      "NOT",
      ":",
      "(",
      ")",
      "^",
      "NEAR",
      "speaker:",
      "date:",
      "..",
      "|",
      " ",
      "é",
      "ё",
      "ı",
      "\u0000",
    );
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((a) => a.join(" ")),
      fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 40 }).map((a) => a.join("")),
    );
    fc.assert(
      fc.property(text, (q) => {
        try {
          parseQuery(q);
        } catch (error) {
          expect(error).toBeInstanceOf(VerbatimError);
          expect((error as VerbatimError).code).toBe("QUERY_INVALID");
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("role values", () => {
  it("name the office, not whom it serves, and no vice or deputy office unless asked", async () => {
    const { roleMatches } = await import("../../src/search/people.js");
    expect(roleMatches("foreign minister", "Minister of Foreign Affairs of Russia")).toBe(true);
    expect(roleMatches("министр иностранных дел", "Minister of Foreign Affairs of Turkey")).toBe(true);
    expect(roleMatches("president", "Chief Medical Advisor to the President")).toBe(false);
    expect(roleMatches("president", "Vice President of the United States")).toBe(false);
    expect(roleMatches("vice president", "Vice President of the United States")).toBe(true);
    expect(roleMatches("press secretary", "White House Deputy Press Secretary")).toBe(false);
    expect(roleMatches("deputy press secretary", "White House Principal Deputy Press Secretary")).toBe(true);
    expect(roleMatches("national security advisor", "National Security Advisor to the Vice President")).toBe(
      true,
    );
    expect(roleMatches("secretary-general", "Secretary-General of the United Nations")).toBe(true);
    expect(roleMatches("пресс-секретарь", "Press Secretary of the President of Russia")).toBe(true);
  });
});
