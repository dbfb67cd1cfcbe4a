/**
 * The `sources` of each followed publisher, checked against URLs of the real sites' shapes:
 * records match, listings, tag pages, galleries and videos do not; listing templates expand to
 * the pages public scrapers read; rewrites give the other-language record.
 */
import { describe, expect, it } from "vitest";
import {
  kremlinRu,
  midRu,
  presidentUa,
  unGeneralDebate,
  whitehouse,
} from "../../src/ingest/publishers/index.js";
import type { PublisherProfile, PublisherSources, SourceEntry } from "../../src/ingest/publishers/profile.js";
import { isRecordUrl, listingUrl, otherLanguageUrls } from "../../src/ingest/publishers/sources.js";

function sourcesOf(profile: PublisherProfile): PublisherSources {
  if (!profile.sources) throw new Error(`${profile.id} has no sources`);
  return profile.sources;
}

function listings(profile: PublisherProfile, language: string) {
  return sourcesOf(profile).entries.filter(
    (e): e is Extract<SourceEntry, { kind: "listing" }> => e.kind === "listing" && e.language === language,
  );
}

interface Case {
  profile: PublisherProfile;
  records: string[];
  notRecords: string[];
  /** Expected first two pages of the first listing in each language. */
  pages: Record<string, [string, string]>;
  rewrites: [from: string, language: string, to: string][];
}

const CASES: Case[] = [
  {
    profile: midRu,
    records: [
      "https://mid.ru/ru/foreign_policy/news/1808465/",
      "https://mid.ru/en/foreign_policy/news/1809221/",
      "https://www.mid.ru/en/foreign_policy/news/1863094/",
      "https://mid.ru/en/press_service/minister_speeches/1927070/",
      "https://mid.ru/ru/press_service/spokesman/briefings/1931029/",
      "https://www.mid.ru/ru/maps/ca/1814238/",
      "https://www.mid.ru/ru/detail-material-page/1817739/",
    ],
    notRecords: [
      "https://mid.ru/ru/foreign_policy/news/",
      "https://mid.ru/ru/foreign_policy/news/?PAGEN_1=2",
      "https://mid.ru/en/press_service/minister_speeches/?PAGEN_1=3",
      "https://mid.ru/en/foreign_policy/news/1935743/?lang=ru",
      "https://mid.ru/ru/foreign_policy/news/1808465/?print=Y",
      "https://mid.ru/ru/maps/ca/",
      "https://mid.ru/ru/press_service/photo/1934221/",
      "https://mid.ru/ru/press_service/video/1934220/",
      "https://mid.ru/ru/foreign_policy/news/?tags=Сирия",
      "https://mid.ru/en/rss.php",
      "https://mid.ru/en/foreign_policy/news/-/asset_publisher/cKNonkJE02Bw/content/id/2581641",
      "https://example.org/ru/foreign_policy/news/1808465/",
    ],
    pages: {
      ru: [
        "https://mid.ru/ru/foreign_policy/news/?PAGEN_1=1",
        "https://mid.ru/ru/foreign_policy/news/?PAGEN_1=2",
      ],
      en: [
        "https://mid.ru/en/foreign_policy/news/?PAGEN_1=1",
        "https://mid.ru/en/foreign_policy/news/?PAGEN_1=2",
      ],
    },
    rewrites: [
      [
        "https://mid.ru/ru/foreign_policy/news/1809221/",
        "en",
        "https://mid.ru/en/foreign_policy/news/1809221/",
      ],
      [
        "https://www.mid.ru/en/press_service/minister_speeches/1972774/",
        "ru",
        "https://www.mid.ru/ru/press_service/minister_speeches/1972774/",
      ],
    ],
  },
  {
    profile: kremlinRu,
    records: [
      "http://kremlin.ru/events/president/transcripts/73411",
      "http://en.kremlin.ru/events/president/transcripts/23789",
      "https://en.kremlin.ru/events/president/news/46860",
      "http://kremlin.ru/events/president/news/99998",
    ],
    notRecords: [
      "http://kremlin.ru/events/president/transcripts",
      "http://kremlin.ru/events/president/transcripts/page/2",
      "http://en.kremlin.ru/events/president/news/68454/photos",
      "http://kremlin.ru/events/president/news/73411/videos",
      "http://kremlin.ru/events/president/news/by-date/13.10.2023",
      "http://kremlin.ru/events/president/transcripts/feed",
      "http://kremlin.ru/catalog/keywords/82/events",
      "http://kremlin.ru/acts/bank/47046",
      "http://kremlin.ru/events/president/transcripts/73411/print",
    ],
    pages: {
      ru: [
        "http://kremlin.ru/events/president/transcripts/page/1",
        "http://kremlin.ru/events/president/transcripts/page/2",
      ],
      en: [
        "http://en.kremlin.ru/events/president/transcripts/page/1",
        "http://en.kremlin.ru/events/president/transcripts/page/2",
      ],
    },
    rewrites: [
      [
        "http://kremlin.ru/events/president/transcripts/73411",
        "en",
        "http://en.kremlin.ru/events/president/transcripts/73411",
      ],
      [
        "https://en.kremlin.ru/events/president/news/46860",
        "ru",
        "http://kremlin.ru/events/president/news/46860",
      ],
    ],
  },
  {
    profile: whitehouse,
    records: [
      "https://www.whitehouse.gov/briefings-statements/2025/02/statement-from-the-national-security-advisor/",
      "https://www.whitehouse.gov/remarks/2025/01/remarks-by-president-trump-on-the-stargate-initiative/",
      "https://www.whitehouse.gov/releases/2025/03/readout-of-a-call/",
      "https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2021/01/20/press-briefing-by-press-secretary-jen-psaki/",
    ],
    notRecords: [
      "https://www.whitehouse.gov/remarks/",
      "https://www.whitehouse.gov/remarks/page/2/",
      "https://www.whitehouse.gov/briefings-statements/2025/01/",
      "https://www.whitehouse.gov/briefings-statements/page/3/",
      "https://www.whitehouse.gov/fact-sheets/2025/08/fact-sheet-president-donald-j-trump-secures-a-trade-win/",
      "https://www.whitehouse.gov/presidential-actions/2025/08/addressing-threats-to-the-united-states/",
      "https://www.whitehouse.gov/videos/president-trump-participates-in-a-dinner/",
      "https://www.whitehouse.gov/gallery/state-visit/",
      "https://www.whitehouse.gov/remarks/feed/",
      "https://www.whitehouse.gov/post-sitemap.xml",
      "https://www.whitehouse.gov/briefing-room/press-briefings/page/2/",
    ],
    pages: {
      en: ["https://www.whitehouse.gov/remarks/page/1/", "https://www.whitehouse.gov/remarks/page/2/"],
    },
    rewrites: [],
  },
  {
    profile: presidentUa,
    records: [
      "https://www.president.gov.ua/en/news/volodimir-zelenskij-predstaviv-plan-vnutrishnoyi-stijkosti-u-94505",
      "https://www.president.gov.ua/en/news/rosiya-rozpochala-novu-vijskovu-operaciyu-proti-nashoyi-derz-73105",
      "https://www.president.gov.ua/news/glava-derzhavi-mi-ne-znimayemo-pitannya-pro-vstup-ukrayini-d-72885",
    ],
    notRecords: [
      "https://www.president.gov.ua/news/speeches",
      "https://www.president.gov.ua/news/speeches?page=2",
      "https://www.president.gov.ua/en/news/speeches?date-from=24-02-2022&date-to=24-03-2022&page=3",
      "https://www.president.gov.ua/news/all",
      "https://www.president.gov.ua/news/last",
      "https://www.president.gov.ua/en/news/rss/2027",
      "https://www.president.gov.ua/en/photos",
      "https://www.president.gov.ua/en/news/glava-derzhavi-mi-ne-znimayemo-72885/photos",
    ],
    pages: {
      uk: [
        "https://www.president.gov.ua/news/speeches?page=1",
        "https://www.president.gov.ua/news/speeches?page=2",
      ],
      en: [
        "https://www.president.gov.ua/en/news/speeches?page=1",
        "https://www.president.gov.ua/en/news/speeches?page=2",
      ],
    },
    rewrites: [
      [
        "https://www.president.gov.ua/news/glava-derzhavi-mi-ne-znimayemo-pitannya-pro-vstup-ukrayini-d-72885",
        "en",
        "https://www.president.gov.ua/en/news/glava-derzhavi-mi-ne-znimayemo-pitannya-pro-vstup-ukrayini-d-72885",
      ],
      [
        "https://www.president.gov.ua/en/news/volodimir-zelenskij-predstaviv-plan-vnutrishnoyi-stijkosti-u-94505",
        "uk",
        "https://www.president.gov.ua/news/volodimir-zelenskij-predstaviv-plan-vnutrishnoyi-stijkosti-u-94505",
      ],
    ],
  },
];

describe.each(CASES)("$profile.id sources", ({ profile, records, notRecords, pages, rewrites }) => {
  const sources = sourcesOf(profile);

  it.each(records)("a record URL matches: %s", (url) => {
    expect(isRecordUrl(sources, url)).toBe(true);
  });

  it.each(notRecords)("a listing, tag, gallery, video or other page does not match: %s", (url) => {
    expect(isRecordUrl(sources, url)).toBe(false);
  });

  it.each(Object.entries(pages))(
    "the first %s listing expands to its first two pages",
    (language, expected) => {
      const [entry] = listings(profile, language);
      if (!entry) throw new Error(`no ${language} listing`);
      expect([listingUrl(entry, 0), listingUrl(entry, 1)]).toEqual(expected);
    },
  );

  it("every listing template has one page placeholder and reads at least one page", () => {
    for (const entry of sourcesOf(profile).entries) {
      if (entry.kind !== "listing") continue;
      expect(entry.url.split("{page}")).toHaveLength(2);
      expect(entry.maxPages).toBeGreaterThan(0);
      expect(isRecordUrl(sources, listingUrl(entry, 0))).toBe(false);
    }
  });

  it("every feed, sitemap and listing lives on one of the publisher's hosts", () => {
    for (const entry of sources.entries) {
      const host = new URL(entry.url.replace("{page}", "1")).hostname.replace(/^www\./, "");
      expect(profile.hosts.some((h) => host === h || host.endsWith(`.${h}`))).toBe(true);
    }
  });

  it("record patterns keep no state between tests (no global flag)", () => {
    for (const pattern of [...sources.records, ...sources.otherLanguage.map((r) => r.from)]) {
      expect(pattern.flags).not.toContain("g");
    }
  });

  if (rewrites.length > 0) {
    it.each(rewrites)("the other-language rewrite of %s gives its %s record", (from, language, to) => {
      const found = otherLanguageUrls(sources, from);
      expect(found).toEqual([{ language, url: to }]);
      expect(isRecordUrl(sources, to)).toBe(true);
    });
  }

  it("a URL that is not a record has no other-language rewrite", () => {
    for (const url of notRecords) expect(otherLanguageUrls(sources, url)).toEqual([]);
  });
});

describe("publishers not followed", () => {
  it("the UN General Debate profile has no sources: its speeches are collections, not a listing", () => {
    expect(unGeneralDebate.sources).toBeNull();
  });

  it("whitehouse.gov is English only: no switcher and no rewrite", () => {
    expect(sourcesOf(whitehouse).languageLinks).toEqual([]);
    expect(sourcesOf(whitehouse).otherLanguage).toEqual([]);
  });

  it("each bilingual publisher lists its records in both languages", () => {
    const languagesOf = (p: PublisherProfile) =>
      [...new Set(sourcesOf(p).entries.map((e) => e.language))].sort();
    expect(languagesOf(midRu)).toEqual(["en", "ru"]);
    expect(languagesOf(kremlinRu)).toEqual(["en", "ru"]);
    expect(languagesOf(presidentUa)).toEqual(["en", "uk"]);
  });
});
