/** Enrichment: entities across languages and case forms, time expressions against the document date. */
import { describe, expect, it } from "vitest";
import { enrichDocument } from "../../src/enrich/enrich.js";
import { EntityMatcher } from "../../src/enrich/entity-matcher.js";
import { Gazetteer } from "../../src/enrich/gazetteer.js";
import { detectLanguage } from "../../src/enrich/language.js";
import { latinLookalikes } from "../../src/enrich/names/lookalikes.js";
import { findTimeExpressions } from "../../src/enrich/time-expressions.js";
import { corpusAvailable, corpusPath } from "../support/corpus.js";
import { mentionsIn } from "../support/enriched.js";
import { ingestFile, ingestText, registry } from "../support/ingest.js";

const gazetteer = Gazetteer.load(registry);
const matcher = new EntityMatcher(gazetteer);
const ids = (text: string) => matcher.find(text).map((m) => m.entityId);
/** The gazetteer's id of a person, by name. */
const person = (name: string) => gazetteer.lookup(name).find((e) => e.type === "person")?.id;

describe("entity recognition", () => {
  it("finds a country under its names in English, Russian and Turkish, in any Russian case", () => {
    expect(ids("Turkey and Türkiye; Турция, с Турцией, в Турции; Türkiye'nin")).toEqual([
      "TR",
      "TR",
      "TR",
      "TR",
      "TR",
      "TR",
    ]);
  });

  it("matches acronyms exactly and capitalised names only when capitalised", () => {
    expect(ids("the US position")).toContain("US");
    expect(ids("give us the turkey")).toEqual([]);
  });

  it("does not take short Russian words for short country names", () => {
    expect(ids("Мало кто знает. Кубок вручили.")).toEqual([]);
    expect(ids("На Кубе и в Мали")).toEqual(["CU", "ML"]);
  });

  it("accepts the case forms of a Russian name and nothing that only shares its stem", () => {
    expect(ids("Посол в Азербайджане, с Азербайджаном; Новой Зеландии")).toEqual(["AZ", "AZ", "NZ"]);
    // "Доминик" is a given name, not a case of "Доминика"; "Британи" is no case of "Британия".
    expect(ids("Доминик Чарльз ГРИВ; Британи Больо")).toEqual([]);
  });

  it("reads a declined Russian acronym and a lowercase word inside a name", () => {
    expect(ids("с предложением МИДа России")).toEqual(["vb:russian-mfa"]);
    expect(ids("on the Korean peninsula")).toEqual(["vb:korean-peninsula"]);
  });

  it("does not take part of a person's name for a country or for someone else", () => {
    expect(ids("Kevin Holland, Member; David Turk; Jennifer K. French; Chad Wolf")).toEqual([]);
    expect(ids("Cameron Hardesty, retired; Кэмерон Хардести; Блэр Рубл")).toEqual([]);
    expect(ids("John J. Sullivan, former Ambassador")).toEqual([]);
    // Another initial before a registered person's surname is someone else; theirs is them.
    expect(ids("Charlene D. Austin, spouse of the Secretary of Defense")).toEqual([]);
    expect(ids("the Secretary of Defense L. Austin; Л.Остина")).toEqual([
      "speaker:lloyd-austin",
      "speaker:lloyd-austin",
    ]);
    expect(ids("the war in Eastern Ukraine")).toEqual(["UA"]);
  });

  it("a city named after a registered person, before its state, is the city, even where the page names him", () => {
    const [doc] = ingestText(
      "gaggle.md",
      "---\ntitle: Press Gaggle\ndate: '2014-06-20'\n---\n\nMR. EARNEST: The President will travel to Austin, Texas, on Friday. General Austin said the troops would stay.\n\nQ Thanks.\n",
    );
    if (!doc) throw new Error("no document");
    const austin = enrichDocument(doc, matcher).mentions.filter((m) => m.entityId === "speaker:lloyd-austin");
    // Only "General Austin" (offset 63), not the city at 29.
    expect(austin.map((m) => m.start)).toEqual([63]);
  });

  it("finds a person under middle names or an initial", () => {
    expect(ids("Joseph Robinette Biden said")).toEqual([person("Joe Biden")].filter(Boolean));
    expect(ids("Министр внутренней безопасности США А.Майоркас")).toContain(person("Alejandro Mayorkas"));
  });

  it("lets a document settle an ambiguous name named unambiguously elsewhere in it", () => {
    const doc = ingestText(
      "settle.md",
      "---\ntitle: Talks\ndate: 2020-12-29\n---\n\nAnkara objected to the plan.\n\nTurkey then agreed.\n",
    )[0];
    if (!doc) throw new Error("no document");
    const found = enrichDocument(doc, matcher).mentions.filter((m) => m.entityId === "TR");
    expect(found.map((m) => m.text)).toEqual(["Ankara", "Turkey"]);
    expect(ids("Ankara objected to the plan.")).toEqual([]);
  });

  it("does not take a titled namesake for a registered person who never held that office", () => {
    const sanders = person("Sarah Huckabee Sanders");
    expect(sanders).toBeDefined();
    expect(ids("Press Secretary Sanders said so.")).toContain(sanders);
    expect(ids("Senator Sanders said so.")).not.toContain(sanders);
    const lavrov = person("Sergey Lavrov");
    expect(ids("Minister Lavrov said so.")).toContain(lavrov);
    expect(ids("министр Лавров заявил")).toContain(lavrov);
  });

  it("finds a region named by its adjective in any case, in Ukrainian as in Russian", () => {
    expect(ids("у Херсонській області; Херсонської області; в Херсонской области")).toEqual([
      "vb:kherson-region",
      "vb:kherson-region",
      "vb:kherson-region",
    ]);
  });

  it("finds each of several adjectives that share one noun, and no adjective without it", () => {
    expect(ids("у Херсонській, Миколаївській та Запорізькій областях")).toEqual([
      "vb:kherson-region",
      "vb:zaporozhye-region",
    ]);
    expect(ids("Херсонской и Запорожской областях")).toEqual(["vb:kherson-region", "vb:zaporozhye-region"]);
    // Adjectives in another case do not share the noun: "Херсонської" is not "...областях".
    expect(ids("з Херсонської, Запорізькій областях")).toEqual(["vb:zaporozhye-region"]);
  });

  it("reads a neuter noun's case forms and Ukrainian names of seas, bodies and people", () => {
    expect(ids("Чёрного моря; Черным морем; у Чорному морі")).toEqual([
      "vb:black-sea",
      "vb:black-sea",
      "vb:black-sea",
    ]);
    expect(ids("Звернувся до Верховної Ради. Зустрівся з Антоніу Гутеррішем.")).toEqual([
      "vb:verkhovna-rada",
      person("António Guterres"),
    ]);
  });

  it("takes a foreign given name however Russian and Ukrainian spell it, and no other given name", () => {
    const macron = person("Emmanuel Macron");
    expect(ids("з Президентом Франції Еммануелем Макроном")).toEqual(["FR", macron]);
    expect(ids("с Эммануэлем Макроном")).toEqual([macron]);
    expect(ids("з Бріжит Макрон")).toEqual([]);
  });

  it("finds the United Kingdom's nations, and no nation inside another place's name", () => {
    expect(ids("генеральный прокурор Англии и Уэльса; первый министр Шотландии")).toEqual([
      "vb:england",
      "vb:wales",
      "vb:scotland",
    ]);
    expect(ids("полиции штата Новый Южный Уэльс")).toEqual([]);
  });

  it("takes a short name of a body only where the document names it in full", () => {
    expect(ids("Кабінет Міністрів ухвалив рішення.")).toEqual([]);
    expect(ids("Кабінет Міністрів України заявив. Кабінет Міністрів ухвалив рішення.")).toEqual([
      "vb:cabinet-of-ministers-of-ukraine",
      "vb:cabinet-of-ministers-of-ukraine",
    ]);
  });

  it("takes the one of two people sharing a surname whom the title fits, and makes no one new of an unsettled surname", () => {
    expect(ids("And as Secretary Clinton said yesterday.")).toEqual([person("Hillary Clinton")]);
    expect(ids("President Clinton signed it.")).toEqual([person("Bill Clinton")]);
    const doc = ingestText(
      "clinton.md",
      "---\ntitle: Remarks\ndate: 2011-05-01\n---\n\nClinton said so yesterday.\n",
    )[0];
    if (!doc) throw new Error("no document");
    expect(enrichDocument(doc, matcher).mentions.filter((m) => m.turn >= 0)).toEqual([]);
  });

  it("matches a short acronym with a small letter inside only as written", () => {
    expect(ids("the CoE and the ECtHR")).toEqual(["Q8908", "Q122880"]);
    expect(ids("Lorne Coe, Member of the Legislative Assembly")).not.toContain("Q8908");
  });

  it("reads names typed with Cyrillic look-alike letters in an English list as Latin names", () => {
    const people = mentionsIn(
      "mid-ru/list.txt",
      "Foreign Ministry statement on personal sanctions\n\nWilliam В. Karesh, Executive Vice President, EcoHealth Alliance;\n\nJames Норе, Mission Director, USAID.\n\nСергей Лавров said so.",
    )
      .filter((m) => m.type === "person")
      .map((m) => m.text);
    expect(people).toEqual(expect.arrayContaining(["William B. Karesh", "James Hope"]));
    expect(latinLookalikes("the СССР and Сергей Лавров")).toBe("the СССР and Сергей Лавров");
  });

  it("takes a capital for its city at a journey's ends and before a pair's regions, not for its country", () => {
    const mentions = mentionsIn(
      "zelensky/address.txt",
      "Address\n\nThey want the battlefield moved from Mariupol to Budapest.\n\nWe regain control in the Kyiv and Chernihiv regions.\n\nThe regime in Kyiv and Hungary talked.",
    );
    const at = (word: string) => mentions.filter((m) => m.text === word).map((m) => m.type);
    expect(at("Budapest")).toEqual(["place"]);
    expect(at("Kyiv")).toEqual(["place"]);
  });

  it("takes America alone for the United States, and neither the Americas nor Latin America", () => {
    expect(ids("America is back.")).toEqual(["US"]);
    expect(ids("trade across the Americas, in Latin America and Central America")).toEqual([]);
    expect(ids("Russians, Americans and North Koreans")).toEqual(["RU", "US", "KP"]);
  });

  it("reads a place line as places: a capital its city, a venue or one word a place", () => {
    const [act] = ingestFile(
      new URL("../golden/kremlin-ru/decree-wide-subject.txt", import.meta.url).pathname,
    );
    const where = enrichDocument(act as NonNullable<typeof act>, matcher)
      .mentions.filter((m) => m.turn === -3)
      .map((m) => `${m.type}:${m.text}`)
      .sort();
    expect(where).toEqual(["place:Кремль", "place:Москва"]);
    expect(ids("talks around Kyiv")).toEqual([]);
  });

  it("finds registered people in labels and in the text", () => {
    expect(ids("В.Путин и С.Лавров")).toEqual([person("Vladimir Putin"), person("Sergey Lavrov")]);
  });
});

describe("turn languages", () => {
  const english =
    "We discussed the situation in the region and the steps that we are ready to take together with our partners. It is important that the work continues and that we have the support of all the parties to the talks.";
  const spanish =
    "Muchas gracias, señor Presidente. Hemos hablado de la situación en la frontera y de los pasos que vamos a dar juntos con nuestros socios para que el trabajo continúe con el apoyo de todas las partes, como siempre.";
  const russian =
    "Мы обсудили ситуацию в регионе и те шаги, которые готовы предпринять вместе с нашими партнёрами. Важно, чтобы работа продолжалась и чтобы мы имели поддержку всех сторон переговоров, как это было и раньше.";

  it("keeps the document's language for a turn plainly in it and asks eld about the others", () => {
    expect(detectLanguage(english, "en")).toBe("en");
    expect(detectLanguage(spanish, "en")).toBe("es");
    expect(detectLanguage(russian, "ru")).toBe("ru");
    expect(detectLanguage(english, "ru")).toBe("en");
    expect(detectLanguage("Thank you.", "ru")).toBe("ru");
  });
});

describe("time expressions", () => {
  it("dates relative expressions against the document date", () => {
    const found = findTimeExpressions("It will convene its sixth session next year.", "en", "2020-12-29");
    expect(found.map((t) => [t.text, t.value])).toEqual([["next year", "2021"]]);
    const ru = findTimeExpressions("В следующем году проведём встречу, в январе начнём.", "ru", "2020-12-29");
    expect(ru.map((t) => t.value)).toEqual(["2021", "2021-01"]);
  });

  it("reads a date written with an abbreviated month, which does not end the sentence", () => {
    expect(
      findTimeExpressions("We met on Dec. 29, 2020 in Sochi.", "en", "2020-12-29").map((t) => t.value),
    ).toEqual(["2020-12-29"]);
    expect(
      findTimeExpressions("Встреча 15 янв. 2021 г. прошла.", "ru", "2020-12-29").map((t) => t.value),
    ).toEqual(["2021-01-15"]);
  });

  it("takes lowercase march and may for the verbs they are, and capitalised ones for months", () => {
    const values = (text: string) => findTimeExpressions(text, "en", "2020-06-01").map((t) => t.value);
    expect(values("They march on, and we may see progress.")).toEqual([]);
    expect(values("They march on in march.")).toEqual([]);
    expect(values("In May we met, and again in March.")).toEqual(["2020-05", "2020-03"]);
  });

  it("reads Ukrainian dates in Ukrainian, and a year named by its number in Russian and Ukrainian", () => {
    const uk = findTimeExpressions("Вчора, 23 лютого 2022 року, ми говорили.", "uk", "2023-02-24");
    expect(uk.map((t) => [t.text, t.value])).toEqual([
      ["Вчора", "2023-02-23"],
      ["23 лютого 2022 року", "2022-02-23"],
    ]);
    expect(findTimeExpressions("У 2021 році ми почали.", "uk", "2023-02-24").map((t) => t.value)).toEqual([
      "2021",
    ]);
    expect(
      findTimeExpressions("В 2021 году и 15.03.2022 были встречи.", "ru", "2023-02-24").map((t) => t.value),
    ).toEqual(["2021", "2022-03-15"]);
  });

  it("keeps only the words of an expression in its span", () => {
    const text = "Встреча 9 ноября 2020 года прошла.";
    const [t] = findTimeExpressions(text, "ru", "2020-12-29");
    expect(t && text.slice(t.start, t.end)).toBe(t?.text);
    expect(t?.value).toBe("2020-11-09");
  });
});

describe.skipIf(!corpusAvailable)("the founding page, enriched", () => {
  it("names the countries, organisations, people, places, formats and projects it speaks of, and dates next year to 2021", () => {
    const [doc] = ingestFile(corpusPath("mid-ru/transcripts/2020-12-29-lavrov-cavusoglu-sochi.en.txt"));
    if (!doc) throw new Error("no document");
    const e = enrichDocument(doc, matcher);
    const found = new Set(e.mentions.map((m) => m.entityId));
    for (const id of ["RU", "TR", "US", "UA", "LY", "SY", "AM", "AZ", "CY"])
      expect(found.has(id), id).toBe(true);
    const named = [
      "Vladimir Putin",
      "Recep Tayyip Erdoğan",
      "António Guterres",
      "NATO",
      "United Nations",
      "European Union",
      "Idlib",
      "Nagorno-Karabakh",
      "Astana format",
      "Minsk agreements",
      "TurkStream",
      "Akkuyu Nuclear Power Plant",
    ];
    for (const name of named) {
      const entities = gazetteer.lookup(name);
      expect(entities.length, name).toBeGreaterThan(0);
      expect(
        entities.some((x) => found.has(x.id)),
        name,
      ).toBe(true);
    }
    expect(e.times.some((t) => t.text === "next year" && t.value === "2021")).toBe(true);
    expect(e.turnLanguages.every((l) => l === "en")).toBe(true);
  });
});
