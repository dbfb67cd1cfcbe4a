/** A publisher's own body named bare on its own pages (src/enrich/own-bodies.ts). */
import { describe, expect, it } from "vitest";
import "../support/language-detection.js";
import { enrichDocument } from "../../src/enrich/enrich.js";
import { EntityMatcher } from "../../src/enrich/entity-matcher.js";
import { Gazetteer } from "../../src/enrich/gazetteer.js";
import { ownBodyMentions } from "../../src/enrich/own-bodies.js";
import { ingestText, registry } from "../support/ingest.js";

const matcher = new EntityMatcher(Gazetteer.load(registry));
const bare = (publisher: string, text: string) => ownBodyMentions(publisher, text).map((m) => m.text);

describe("a publisher's own body by its bare name", () => {
  it("is the Russian Foreign Ministry on mid.ru's pages, in English and Russian, an office after it too", () => {
    expect(bare("mid.ru", "Foreign Ministry statement on personal sanctions")).toEqual(["Foreign Ministry"]);
    expect(bare("mid.ru", "Briefing by Foreign Ministry Spokeswoman Maria Zakharova")).toEqual([
      "Foreign Ministry",
    ]);
    expect(bare("mid.ru", "МИД неоднократно предупреждал об этом.")).toEqual(["МИД"]);
  });

  it("is no one's when a country qualifies it, or on another publisher's pages", () => {
    expect(bare("mid.ru", "the Kazakh Foreign Ministry said")).toEqual([]);
    expect(bare("mid.ru", "the Foreign Ministry of Kazakhstan said")).toEqual([]);
    expect(bare("mid.ru", "МИД Казахстана заявил")).toEqual([]);
    expect(bare("whitehouse.gov", "The Foreign Ministry said")).toEqual([]);
  });

  it("is a mention of the listed ministry in a mid.ru statement's title, and a listed longer name is left to the lists", () => {
    const doc = ingestText(
      "mid-ru/statement.txt",
      "https://mid.ru/en/foreign_policy/news/1800000/\n\n14.03.2024 12:00\n\nForeign Ministry statement on personal sanctions\n\nThe Ministry of Foreign Affairs of Ukraine was informed. The Foreign Ministry will respond.\n",
    )[0];
    if (!doc) throw new Error("no document");
    const mentions = enrichDocument(doc, matcher).mentions.map((m) => `${m.entityId}:${m.text}`);
    expect(mentions).toContain("vb:russian-mfa:Foreign Ministry");
    expect(mentions).toContain("vb:ukraine-mfa:Ministry of Foreign Affairs of Ukraine");
    expect(mentions.filter((m) => m.startsWith("vb:russian-mfa"))).toHaveLength(2);
  });

  it("is Ukraine's government and the President's office on president.gov.ua, which the list alone leaves open", () => {
    const [doc] = ingestText(
      "zelensky/address.json",
      JSON.stringify([
        {
          id: "1",
          uk: { title: "Звернення", date: "2022-04-20", text: "Сьогодні засідав Кабінет Міністрів." },
          en: {
            title: "Address",
            date: "2022-04-20",
            text: "Today I held a meeting with the Cabinet of Ministers and the Office of the President.",
          },
        },
      ]),
    ).filter((d) => d.language === "en");
    const ids = enrichDocument(doc as NonNullable<typeof doc>, matcher).mentions.map((m) => m.entityId);
    expect(ids).toContain("vb:cabinet-of-ministers-of-ukraine");
    expect(ids).toContain("vb:office-of-the-president-of-ukraine");
    expect(bare("president.gov.ua", "the Office of the President of the United States")).toEqual([]);
  });
});
