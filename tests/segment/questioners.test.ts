/** Reporters named under a bare "Q": by the chair's call or by their own words, never by a first name alone. */
import { describe, expect, it } from "vitest";
import { whitehouse } from "../../src/ingest/publishers/index.js";
import { segment } from "../../src/ingest/segment/segment.js";

const resolve = (name: string) =>
  /^(?:Q|MODERATOR|SENIOR ADMINISTRATION OFFICIAL)$/.test(name)
    ? { speakerId: null, speakerName: name === "Q" ? null : name }
    : { speakerId: name.toLowerCase().replace(/\s+/g, "-"), speakerName: name };

function askers(paragraphs: string[]): (string | null)[] {
  const { turns } = segment({
    paragraphs,
    conventions: whitehouse.conventions,
    resolve,
    titleSpeaker: null,
    hasDialogue: true,
  });
  return turns.map((t) => (t.label === "Q" ? t.speakerName : "-"));
}

const ANSWER = "We have been clear about this, and we will have more to say on it next week.";

describe("questioners", () => {
  it("a reporter the chair calls by full name asks under a bare Q, follow-ups included, until the floor is handed on", () => {
    expect(
      askers([
        "MODERATOR:  First question, let's go to David Lim at Politico.",
        "Q    Hi. Thanks for taking my question. Why are these tests being bought now?",
        `MR. ZIENTS:  ${ANSWER}`,
        "Q    And how many will ship this month?",
        `MR. ZIENTS:  ${ANSWER}`,
        "MODERATOR:  Liz Szabo at Kaiser Health News.",
        "MR. ZIENTS:  I don't think we're hearing Liz.",
        "MODERATOR:  No. All right, next question. Let's go to Tommy Christopher.",
        "Q    Oh, hi. It's Liz. Sorry about that. Are these first doses?",
        `MR. ZIENTS:  ${ANSWER}`,
        "MODERATOR:  All right, Tommy Christopher.",
        "Q    Thanks. Is the school guidance changing?",
        `DR. WALENSKY:  ${ANSWER}`,
        "MR. ZIENTS:  Next question.",
        "Q    Will the President travel to the border?",
      ]),
    ).toEqual([
      "-",
      "David Lim",
      "-",
      "David Lim",
      "-",
      "-",
      "-",
      "-",
      "Liz Szabo",
      "-",
      "-",
      "Tommy Christopher",
      "-",
      "-",
      null,
    ]);
  });

  it("a reporter who says who they are is named; another outlet's question after an answer is not the last one called", () => {
    expect(
      askers([
        "Q    Yeah, thanks. It's Eamon Javers with CNBC. What is the impact of the sanctions?",
        `SENIOR ADMINISTRATION OFFICIAL:  ${ANSWER}`,
        "Q    Thanks very much. Dan Vergano, BuzzFeed. Is the booster needed for teenagers?",
        `SENIOR ADMINISTRATION OFFICIAL:  ${ANSWER}`,
        "PRESIDENT BIDEN:  The first question goes to Zeke Miller of the Associated Press.",
        "Q    Thank you, Mr. President. Will you meet again this year?",
        `PRESIDENT BIDEN:  ${ANSWER}`,
        "Q    A question for President Biden from NHK: what about North Korea?",
      ]),
    ).toEqual(["Eamon Javers", "-", "Dan Vergano", "-", "-", "Zeke Miller", "-", null]);
  });

  it("a name called inside an answer hands the floor on, and the operator's call survives a Go ahead to the same reporter", () => {
    expect(
      askers([
        "MODERATOR:  Let's go to Kaitlan Collins at CNN.",
        "Q    Are the tests free?",
        `MS. PSAKI:  ${ANSWER}\n\nPeter.`,
        "Q    And the boosters?",
        "THE OPERATOR:  Our next question comes from Jenny Leonard from Bloomberg.",
        "MODERATOR:  Go ahead, Jenny.",
        "Q    Thanks. What about tariffs?",
        `SENIOR ADMINISTRATION OFFICIAL:  ${ANSWER}`,
        "MR. PATEL:  So why don't we close it off with Lisa Friedman with the New York Times?",
        "Q    Sorry, am I unmuted now?",
        "MR. PATEL:  Yep, go ahead.",
        "Q    Okay. Thanks. What did you find notable in India's announcement?",
      ]),
    ).toEqual([
      "-",
      "Kaitlan Collins",
      "-",
      null,
      "-",
      "-",
      "Jenny Leonard",
      "-",
      "-",
      "Lisa Friedman",
      "-",
      "Lisa Friedman",
    ]);
  });

  it("a Go ahead to a first name that ends in an accented letter (José.) confirms the call of that reporter", () => {
    expect(
      askers([
        "THE OPERATOR:  Our next question comes from José Ortega from El Diario.",
        "MODERATOR:  Go ahead, José.",
        "Q    Thanks. What about the border?",
      ]),
    ).toEqual(["-", "-", "José Ortega"]);
  });

  it("offices, places, greetings and Russian vocatives are not reporters' names", () => {
    expect(
      askers([
        "Q    It's President Putin with Ukraine again, isn't it?",
        `MS. PSAKI:  ${ANSWER}`,
        "Q    Secretary Blinken, Monday. What will he say?",
        `MS. PSAKI:  ${ANSWER}`,
        "Q    Happy Father's Day, Jay. Will the President golf?",
        `MS. PSAKI:  ${ANSWER}`,
        "MODERATOR:  Let's start with New York.",
        "Q    Is the governor coming?",
        `MS. PSAKI:  ${ANSWER}`,
        "Q    Ted Cruz --",
        "MS. PSAKI:  Ted Cruz.",
        "Q    -- said the bill is dead. Is it?",
        "Q    Здравствуйте. Мария Захарова, Вы сказали об этом вчера. Почему?",
      ]),
    ).toEqual([null, "-", null, "-", null, "-", "-", null, "-", null, "-", null, null]);
  });

  it("a first name, an official at the podium or words asked back name no reporter", () => {
    expect(
      askers([
        "MS. PSAKI:  Go ahead, Peter.",
        "Q    Is the summit still on?",
        `MS. PSAKI:  ${ANSWER} Let's go to Secretary Blinken.`,
        `SECRETARY BLINKEN:  ${ANSWER}`,
        "Q    Karine, back on North Korea: are you going to engage them?",
        "MS. PSAKI:  North Korea?",
        "Q    Yes.",
      ]),
    ).toEqual(["-", null, "-", "-", null, "-", null]);
  });
});
