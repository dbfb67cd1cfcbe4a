/** What surrounds a White House transcript: place lines, dates in brackets, the press office's notes. */
import { describe, expect, it } from "vitest";
import { ingestText } from "../support/ingest.js";

const page = (header: string[]) =>
  ingestText(
    "whitehouse/remarks.md",
    [
      "---",
      "date: '2023-03-14'",
      "source_url: https://bidenwhitehouse.archives.gov/briefing-room/speeches-remarks/2023/03/14/remarks/",
      'title: "Remarks by Vice President Harris Before Air Force Two Departure"',
      "---",
      "",
      ...header.flatMap((line) => [line, ""]),
      "Q    Madam Vice President, how was the trip?",
      "",
      "THE VICE PRESIDENT:  It was a good day, and we got a lot done.",
    ].join("\n"),
  )[0];

describe("the frame of a White House page with no clock line", () => {
  it("takes the place lines above the first label for the place, without a date in brackets", () => {
    const doc = page(["Detroit Metropolitan Airport", "(March 13, 2023)"]);
    expect(doc?.place).toBe("Detroit Metropolitan Airport");
    expect(doc?.turns[0]?.kind).toBe("other");
    expect(doc?.turns[0]?.speakerId).toBeNull();
  });

  it("reads a place set in italics, and leaves a note the press office added out of it", () => {
    expect(page(["*Chief of Mission Residence *Seoul, Republic of Korea**"])?.place).toBe(
      "Chief of Mission Residence Seoul, Republic of Korea",
    );
    expect(
      page(["Rose Garden", "**Please see below for a correction, marked with an asterisk."])?.place,
    ).toBe("Rose Garden");
  });

  it("takes no place from opening words that are speech", () => {
    const doc = page(["Thank you all so much for being here today, it means a great deal."]);
    expect(doc?.place).toBeNull();
  });
});

describe("a clock line wrapped onto the first label", () => {
  const wrapped = (clock: string) =>
    ingestText(
      "whitehouse/remarks.md",
      [
        "---",
        "date: '2021-01-26'",
        "source_url: https://bidenwhitehouse.archives.gov/briefing-room/speeches-remarks/2021/01/26/remarks/",
        'title: "Remarks by President Biden at a Signing"',
        "---",
        "",
        "State Dining Room",
        "",
        clock,
        "     THE PRESIDENT:  Good afternoon, folks.  I thank the Vice President",
        "for being with me today as well.",
        "",
        "     Q    Mr. President, will you sign more today?",
        "",
        "     THE PRESIDENT:  I will sign two more this afternoon.",
      ].join("\n"),
    )[0];

  it("is read as the clock, and the label opens the first turn", () => {
    const doc = wrapped("2:06 P.M. EST   ");
    expect([doc?.when.time, doc?.when.timeZone]).toEqual(["14:06", "America/New_York"]);
    expect(doc?.place).toBe("State Dining Room");
    expect(doc?.turns[0]?.label).toBe("THE PRESIDENT");
    expect(doc?.turns[0]?.paragraphs[0]).toBe(
      "Good afternoon, folks. I thank the Vice President for being with me today as well.",
    );
  });

  it("takes a capitalised word after the clock for its zone only when it names one", () => {
    const doc = wrapped("2:06 P.M.");
    expect(doc?.when.time).toBe("14:06");
    expect(doc?.turns[0]?.label).toBe("THE PRESIDENT");
  });
});

describe("the frame of a White House page with a clock line", () => {
  const briefing = (header: string[]) =>
    ingestText(
      "whitehouse/call.md",
      [
        "---",
        "date: '2021-09-24'",
        "source_url: https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2021/09/24/call/",
        'title: "Background Press Call by Senior Administration Officials"',
        "---",
        "",
        ...header.flatMap((line) => [line, ""]),
        "5:47 P.M. EDT",
        "",
        "MODERATOR:  Thanks, everyone, for joining.",
      ].join("\n"),
    )[0];

  it("takes no rule, no date in brackets, no BY and no capitals repeating the title for the place", () => {
    expect(briefing(["Via Teleconference", "(September 23, 2021)"])?.place).toBe("Via Teleconference");
    expect(
      briefing([
        "PRESS BRIEFING",
        "BY",
        "PRESS SECRETARY ROBERT GIBBS,",
        "DEPUTY NATIONAL SECURITY ADVISOR DENIS McDONOUGH,",
        "--------------------------------------",
        "James S. Brady Press Briefing Room",
      ])?.place,
    ).toBe("James S. Brady Press Briefing Room");
  });

  it("reads a date on a header line as the day's, not the place's, and the briefers' lines after the title's parts as no place", () => {
    const dated = briefing([
      "Office of the Press Secrectary",
      "Moana Surfrider Hotel, Honolulu, Hawaii, November 12, 2011",
    ]);
    expect(dated?.place).toBe("Moana Surfrider Hotel, Honolulu, Hawaii");
    expect(
      briefing([
        "Press Gaggle",
        "By",
        "Robert Gibbs",
        "Aboard Air Force One",
        "En route Andrews Air Force Base",
      ])?.place,
    ).toBe("Aboard Air Force One, En route Andrews Air Force Base");
    expect(
      briefing(["(Port of Spain, Trinidad and Tobago)", "Crowne Plaza Hotel, Port of Spain"])?.place,
    ).toBe("Crowne Plaza Hotel, Port of Spain");
    expect(briefing(["(Via Teleconference)"])?.place).toBe("Via Teleconference");
    // Lines that read like the title's words but name a place stay the place.
    expect(briefing(["Press Briefing Room"])?.place).toBe("Press Briefing Room");
    expect(briefing(["Briefing Center, Kabul, Afghanistan"])?.place).toBe(
      "Briefing Center, Kabul, Afghanistan",
    );
    expect(briefing(["By Telephone"])?.place).toBe("By Telephone");
  });

  it("takes a header's date line for the date when the page gives none elsewhere", () => {
    const [doc] = ingestText(
      "whitehouse/obama.html",
      '<h1>Press Briefing 2/6/09</h1><div class="legacy-content"><strong>THE WHITE HOUSE<br/> </strong><br/>  Office of the Press Secretary<br/>  ________________________<br/>  For Immediate Release   <br/> <br/>  February 6, 2009<br/> <br/> <strong>PRESS BRIEFING BY PRESS SECRETARY ROBERT GIBBS</strong><br/> <br/>  James S. Brady Press Briefing Room<br/> <br/>  1:38 P.M. EST<br/> <br/>  MR. GIBBS: Good afternoon.<br/> <br/>  Q Robert, what about the stimulus?<br/> <br/>  MR. GIBBS: We are working on it.<br/></div>',
    );
    expect(doc?.when.date).toBe("2009-02-06");
    expect(doc?.place).toBe("James S. Brady Press Briefing Room");
  });
});
