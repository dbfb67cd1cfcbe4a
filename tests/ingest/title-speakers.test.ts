/** Who the title says speaks: the person a remarks page names, never the people a report is about. */
import { describe, expect, it } from "vitest";
import { ingestText } from "../support/ingest.js";

const page = (title: string, body: string) =>
  `5 March 202118:00\n\n${title}\n\n\n  • en-GB1 ru-RU1\n\n${body}\n\nAdditional materials\n`;

describe("the speaker a title names", () => {
  it("gives a press office's report about a meeting to no one named in its title", () => {
    const [doc] = ingestText(
      "mid-ru/page.txt",
      page(
        "Press release on Deputy Foreign Minister Sergey Ryabkov’s meeting with US Ambassador to Russia John Sullivan",
        "On March 5, Deputy Foreign Minister Sergey Ryabkov met with the US Ambassador.",
      ),
    );
    expect(doc?.turns[0]?.speakerId).toBeNull();
    expect(doc?.participants.map((p) => p.speakerId)).not.toContain("jake-sullivan");
  });
});
