/**
 * Names no list holds (src/enrich/names), and the confusions between a listed name and something
 * else that only looks like it. Synthetic sentences written in the publishers' conventions.
 */
import { describe, expect, it } from "vitest";
import "../support/language-detection.js";
import { enrichDocument } from "../../src/enrich/enrich.js";
import { EntityMatcher } from "../../src/enrich/entity-matcher.js";
import { Gazetteer } from "../../src/enrich/gazetteer.js";
import { findNames } from "../../src/enrich/names/name-finder.js";
import { mentionsIn } from "../support/enriched.js";
import { ingestText, registry } from "../support/ingest.js";

const gazetteer = Gazetteer.load(registry);
const matcher = new EntityMatcher(gazetteer);
const listedIds = (text: string) => matcher.find(text).map((m) => m.entityId);

/** The listed names' spans, with their types, as enrichment gives them to the finder. */
const listedSpans = (text: string) => matcher.find(text).map((m) => [m.start, m.end, m.type] as const);

/** Found names as "type:text", listed names left out as enrichment leaves them out. */
function found(text: string, lang = "en"): string[] {
  return findNames(text, lang, listedSpans(text))
    .filter((n) => !n.surnameOnly || n.titled)
    .map((n) => `${n.type}:${n.text}`);
}

/** Found names as "type:text" in a statement holding the text, as a whole document's enrichment gives them. */
function foundIn(text: string): string[] {
  const d = ingestText("statement.txt", `Statement\n\n${text}\n`)[0];
  if (!d) throw new Error("no document");
  return enrichDocument(d, matcher)
    .mentions.filter((m) => m.entityId.startsWith("found:"))
    .map((m) => `${m.type}:${m.text}`);
}

describe("names no list holds, in English", () => {
  it("finds people by a given name the name lists know, with middle names and initials", () => {
    expect(found("Programme Manager Bronte Kaas spoke to Craig Kennedy and David J. Kramer.")).toEqual([
      "person:Bronte Kaas",
      "person:Craig Kennedy",
      "person:David J. Kramer",
    ]);
  });

  it("finds a person after a title, and leaves the title out of the name", () => {
    expect(found("We met Senator Grassley and Prime Minister Vandermeer's adviser.")).toEqual([
      "person:Grassley",
      "person:Vandermeer",
    ]);
  });

  it("finds organisations by their generic word, with connectors inside the name", () => {
    expect(
      found("A fellow of the Freeman Spogli Institute for International Studies at Stanford University."),
    ).toEqual([
      "organisation:Freeman Spogli Institute for International Studies",
      "organisation:Stanford University",
    ]);
    expect(found("He left the Hoover Institution and Stanford Law School in May.")).toEqual([
      "organisation:Hoover Institution",
      "organisation:Stanford Law School",
    ]);
  });

  it("takes an institution written alone for the body, at the start of a sentence too, but no other generic word", () => {
    expect(found("We call on Congress to act. The Senate passed the bill.")).toEqual([
      "organisation:Congress",
      "organisation:Senate",
    ]);
    expect(found("Congress passed it.")).toEqual(["organisation:Congress"]);
    expect(found("The Ministry said so, and the congress of the party met.")).toEqual([]);
  });

  it("takes an acronym after 'the' for a body's short name, but not an acronym of a thing or one in capitals", () => {
    expect(found("The CDC said so, and the FDA will decide with the FBI.")).toEqual([
      "organisation:CDC",
      "organisation:FDA",
      "organisation:FBI",
    ]);
    expect(found("The GDP grew, the CEO left and the COVID cases fell.")).toEqual([]);
    expect(found("THE CDC SAID SO")).toEqual([]);
  });

  it("ends a name where an English title goes on to the event, and reads the place en route", () => {
    expect(
      found("Gaggle by Deputy Press Secretary Peter Boogaard Aboard Air Force One en route Miami"),
    ).toEqual(["person:Peter Boogaard", "place:Miami"]);
  });

  it("reads a title word before a body's generic word as the body, and a body's acronym after 'and' as another", () => {
    expect(found("The Treasury Department and FEMA are working with the Justice Department.")).toEqual([
      "organisation:Treasury Department",
      "organisation:FEMA",
      "organisation:Justice Department",
    ]);
    expect(found("Deputy Press Secretary Peter Boogaard spoke.")).toEqual(["person:Peter Boogaard"]);
  });

  it("ends an organisation's name where a person's name follows it", () => {
    expect(found("Director of the Freeman Spogli Institute Michael McFaul said so.")).toEqual([
      "organisation:Freeman Spogli Institute",
      "person:Michael McFaul",
    ]);
    expect(found("I met the Secretary General of the Council of Europe Marija Pejčinović Burić.")).toEqual([
      "person:Marija Pejčinović Burić",
    ]);
  });

  it("ends an organisation's name where a title starts a person's", () => {
    expect(found("said Jaguar Land Rover Board Chairman Ralf Speth")).toContain("person:Ralf Speth");
  });

  it("finds a place after a preposition that introduces places, never a language or a month", () => {
    expect(found("US Senator from Iowa, elected in November, speaks in English")).toEqual(["place:Iowa"]);
    expect(found("Shelling continued near Avdiivka and outside Kupiansk.")).toEqual([
      "place:Avdiivka",
      "place:Kupiansk",
    ]);
  });

  it("leaves ordinary capitalised words at the start of a sentence alone", () => {
    expect(found("Today we talked. Thank you. Research Scholar at the bank.")).toEqual([]);
  });
});

describe("places the world's lists hold, in English", () => {
  it("finds a state or a region written as the whole run of capitals, where no preposition introduces it", () => {
    expect(found("US Senator from New York (Democrat)")).toEqual(["place:New York", "organisation:Democrat"]);
    expect(found("Chief Executive, Department for Correctional Services, South Australia")).toContain(
      "place:South Australia",
    );
    // A longer run is not looked up by its parts, but for a place inside an organisation's name.
    expect(found("He spoke to the Commissioner of the New South Wales Police Force.")).toEqual([
      "organisation:New South Wales Police Force",
      "place:New South Wales",
    ]);
    expect(found("She leads the Toyota Motor Corporation.")).toEqual([
      "organisation:Toyota Motor Corporation",
    ]);
  });

  it("does not take a person named like a city, an ordinary word, an acronym or a listed country for a place", () => {
    expect(found("A statue of Benito Juárez stands there.")).toEqual(["person:Benito Juárez"]);
    expect(found("They celebrate the anniversary of Independence.")).toEqual([]);
    expect(found("There is a new IG report out today.")).toEqual([]);
    expect(found("the People's Republic of China, the United Kingdom, and France")).toEqual([]);
  });

  it("takes a city's name alone for the city, unless the document names someone with it for a surname", () => {
    expect(foundIn("Missiles hit Kherson and Melitopol overnight.")).toContain("place:Melitopol");
    expect(foundIn("Missiles hit Kherson and Melitopol overnight.")).not.toContain("person:Melitopol");
    expect(foundIn("Mayor Paul Lancaster opened the bridge. Lancaster said it was overdue.")).toEqual([
      "person:Paul Lancaster",
      "person:Lancaster",
    ]);
    expect(foundIn("The delegation flew on to Lancaster and Toronto.")).toContain("place:Lancaster");
  });

  it("takes a Cyrillic town's name in any case for the town, but not a surname's form or two letters", () => {
    const places = (text: string, lang: string) =>
      findNames(text, lang)
        .filter((n) => n.orPlace)
        .map((n) => n.text);
    expect(
      findNames("Що б вони не креативили в Херсоні та Мелітополі, обстріли Лисичанська тривають.", "uk")
        .filter((n) => n.orPlace || n.type === "place")
        .map((n) => n.text)
        .sort(),
    ).toEqual(["Лисичанська", "Мелітополі", "Херсоні"]);
    expect(places("Вечер памяти Чехова и Пушкина прошёл в Москве; выступил Боуинн Ма.", "ru")).toEqual([]);
  });
});

describe("employers in sanctions lists and biographies", () => {
  it("takes a name after an occupation and 'at' for the employer, not a place, a person or an ordinary word", () => {
    expect(found("Facilities Manager at Serco")).toEqual(["organisation:Serco"]);
    expect(found("Chief economist and head of European economics at Morgan Stanley")).toContain(
      "organisation:Morgan Stanley",
    );
    expect(found("Professor at Oxford")).toEqual([]);
    expect(found("The President met them at Camp David.")).not.toContain("organisation:Camp David");
    expect(found("Research Fellow at Democracy, Conflict, and Governance Program")).not.toContain(
      "organisation:Democracy",
    );
  });
});

describe("the parts of a list entry: the person, their roles, their employer", () => {
  it("takes an entry's last part for the employer whatever its words, and its roles for no names", () => {
    expect(found("Payam Banazadeh, CEO, Capella Space;")).toEqual([
      "organisation:Capella Space",
      "person:Payam Banazadeh",
    ]);
    expect(found("Marianne Brown, Member of the Board of Directors, Northrop Grumman;")).toEqual([
      "organisation:Northrop Grumman",
      "person:Marianne Brown",
    ]);
    expect(found("Mark Andryczyk, Research Scholar, Harriman Institute, Columbia University;")).not.toContain(
      "organisation:Research Scholar",
    );
    expect(found("Daniel Nord, SVP, Maxar Technologies;")).not.toContain("organisation:SVP");
    expect(found("Agnes Dasewicz, Chief Operating Officer, Planet Labs;")).not.toContain(
      "person:Chief Operating Officer",
    );
  });

  it("reads a suffix after the surname and keeps a body named inside a role", () => {
    expect(found("Richard D. Anderson Jr., Professor Emeritus, University of California;")).toContain(
      "person:Richard D. Anderson Jr",
    );
    expect(found("Rob Flack, Member of the Executive Council of Alberta;")).toContain(
      "organisation:Executive Council of Alberta",
    );
  });

  it("takes the places a body is of or at for places, and its boards and role words for no names", () => {
    expect(found("Keith Livers, Professor, University of Texas at Austin;")).toEqual(
      expect.arrayContaining(["place:Texas", "place:Austin", "organisation:University of Texas at Austin"]),
    );
    expect(found("Miriam Shrager, Faculty Member, Indiana University;")).toContain("place:Indiana");
    expect(found("Ann Smith, Professor, Columbia University;")).not.toContain("place:Columbia");
    expect(found("Jo Hill, Lecturer, University of Western Ontario;")).not.toContain("place:Western");
    expect(found("Adriana Kugler, Member, Board of Governors, Federal Reserve System;")).not.toContain(
      "organisation:Board of Governors",
    );
    expect(found("Lorraine Voles, Chief of Staff to the Vice President;")).not.toContain(
      "organisation:Chief of Staff",
    );
    expect(found("Jared Kimball, Legal Advisor, Department of Justice;")).toContain(
      "organisation:Department of Justice",
    );
  });

  it("takes no region and no list of portfolios for an employer", () => {
    expect(found("Scott Gillingham, Mayor of Winnipeg, Saskatchewan Province.")).not.toContain(
      "organisation:Saskatchewan Province",
    );
    expect(
      found("Merrilee Fullerton, Ontario Minister of Children, Community and Social Services;"),
    ).not.toContain("organisation:Community and Social Services");
    expect(found("Co-Executive Chief Officer, Executive Council of Australian Jewry")).toContain(
      "organisation:Executive Council of Australian Jewry",
    );
  });
});

describe("lists of people and bodies, and parties", () => {
  it("takes a list entry's name before a comma and an office for a person, whatever words its names are", () => {
    expect(found("Pat Rehn, Member of the Legislative Assembly of Alberta;")).toContain("person:Pat Rehn");
    expect(found("Don Graves, Deputy Secretary of Commerce;")).toEqual(["person:Don Graves"]);
    expect(found("Merrilee Fullerton, Ontario Minister of Children;")).toContain("person:Merrilee Fullerton");
    // A greeting, someone addressed, or an office before its body is no entry.
    expect(found("Good Morning, Secretary of State.")).toEqual([]);
    expect(found("Thank You, Mr. President.")).toEqual([]);
    expect(found("Co-Executive Chief Officer, Executive Council of Australian Jewry")).not.toContain(
      "person:Co-Executive Chief Officer",
    );
  });

  it("reads a list entry's name with its particles, an athlete's as an official's, and a province after 'of' that is a given name too", () => {
    expect(found("Michael de Jong, Member of the Legislative Assembly of British Columbia;")).toContain(
      "person:Michael de Jong",
    );
    expect(found("Tabia Charles, Canadian athlete, signed an open letter;")).toEqual([
      "person:Tabia Charles",
    ]);
    expect(found("Rob Flack, Member of the Legislative Assembly of Ontario;")).toEqual([
      "person:Rob Flack",
      "organisation:Legislative Assembly of Ontario",
      "place:Ontario",
    ]);
  });

  it("takes a name that a lowercase word for a body describes for that body, but not a place or a person", () => {
    expect(
      found("Sanctions hit the Cleveland-Cliffs steel company and the Yorktown Solutions lobbying firm."),
    ).toEqual(["organisation:Cleveland-Cliffs", "organisation:Yorktown Solutions"]);
    expect(found("He visited a Texas oil company.")).toEqual([]);
    expect(found("Today we talked. Research Scholar at the bank.")).toEqual([]);
  });

  it("reads a body's name on through 'of the' and 'for the', but no other name", () => {
    expect(found("We are working with the Ministry of the Interior and other ministries.")).toEqual([
      "organisation:Ministry of the Interior",
    ]);
    expect(found("He gave the State of the Union address.")).toEqual([]);
    expect(found("Japan, Australia and the European Union agree.")).not.toContain(
      "organisation:Australia and the European Union",
    );
  });

  it("takes no event or role in a title's capitals for a body", () => {
    expect(found("Background Press Call by Senior Administration Officials on Russia")).toEqual([]);
    expect(found("As [Senior Administration Official] said, we are not looking")).toEqual([]);
  });

  it("takes Democrats, Republicans and the GOP for the parties, and Democratic only inside a sentence", () => {
    expect(found("Democrats and Republicans agree. Even the GOP does.")).toEqual([
      "organisation:Democrats",
      "organisation:Republicans",
      "organisation:GOP",
    ]);
    expect(found("A Democratic senator said no.")).toEqual(["organisation:Democratic"]);
    expect(found("Democratic values matter.")).toEqual([]);
  });

  it("takes a state that is a given name too for the state after a place and a comma or 'in', not after any comma", () => {
    expect(foundIn("The storms hit Kentucky, Arkansas, Missouri, Tennessee.")).toContain("place:Tennessee");
    expect(foundIn("He grew up in Richmond, California.")).toContain("place:California");
    expect(foundIn("We were in Virginia last week.")).toContain("place:Virginia");
    expect(foundIn("Go ahead, Victoria.")).toEqual([]);
  });

  it("reads Russia written lowercase on purpose, in Ukrainian and in English, but no word that only starts so", () => {
    expect(listedIds("Агресія росії триває. Ми зупинимо росію.")).toEqual(["RU", "RU"]);
    expect(listedIds("the russian occupiers; russia will lose")).toEqual(["RU", "RU"]);
    expect(listedIds("a rusty nail and a russet apple")).toEqual([]);
  });

  it("does not read two or three capitals as a country's name folded: CAD is Canadian dollars, not Çad", () => {
    expect(listedIds("We will pay CAD 500 million to Chad.")).toEqual(["TD"]);
  });
});

describe("capitalised words that name no one", () => {
  it("does not take an acronym after a preposition for a place, nor a fund in ordinary words for a body", () => {
    expect(found("Vietnam helped the United States out around PPE.")).not.toContain("place:PPE");
    expect(found("They are creating a Trust Fund for the reconstruction.")).toEqual([]);
  });

  it("does not take the kind of a legal act, capitalised as its title starts, for a place", () => {
    expect(found("О внесении изменений в Положение о порядке выдачи удостоверения", "ru")).toEqual([]);
    expect(found("О внесении изменений в Закон о статусе судей", "ru")).toEqual([]);
  });
});

describe("names no list holds, in Russian and Ukrainian", () => {
  it("finds people by initials, by a patronymic, and by a title before the name", () => {
    expect(found("Заявление М.Джоли и Х.Фриланд", "ru")).toEqual(["person:М.Джоли", "person:Х.Фриланд"]);
    expect(found("Встречу провёл Иван Петрович Сидоренко.", "ru")).toEqual([
      "person:Иван Петрович Сидоренко",
    ]);
    expect(found("Говорил с министром Петренко.", "ru")).toEqual(["person:Петренко"]);
    // A title's place in the genitive is no person: "губернатор Калифорнии".
    expect(found("Встретился губернатор Калифорнии.", "ru")).toEqual(["place:Калифорнии"]);
  });

  it("finds a person written in Cyrillic and in Latin letters in brackets, as sanctions lists do", () => {
    const names = findNames("Роберт Гиббс (Robert Brian Gibbs) – член Палаты представителей", "ru");
    expect(names.filter((n) => n.type === "person").map((n) => [n.text, n.name])).toEqual([
      ["Роберт Гиббс", "Robert Brian Gibbs"],
      ["Robert Brian Gibbs", "Robert Brian Gibbs"],
    ]);
  });

  it("finds organisations by their generic word and the words that complete them", () => {
    expect(found("председатель Совета директоров Канадской коммерческой корпорации", "ru")).toContain(
      "organisation:Канадской коммерческой корпорации",
    );
    expect(found("заявил глава Комитета по иностранным делам", "ru")).toEqual([
      "organisation:Комитета по иностранным делам",
    ]);
    // A generic word alone takes the body after it for its own: the Senate of the Congress.
    expect(found("член Сената Конгресса США от Республиканской партии", "ru")).toEqual([
      "organisation:Сената Конгресса США",
      "organisation:Республиканской партии",
    ]);
  });

  it("finds places by a preposition or by their generic word", () => {
    expect(found("Удары по Харківській області та у Бахмуті", "uk")).toEqual([
      "place:Харківській",
      "place:Бахмуті",
    ]);
    expect(found("член Палаты от Республиканской партии (шт. Огайо)", "ru")).toContain("place:Огайо");
  });
});

describe("the White House", () => {
  it("is the building where something happens there, and the administration otherwise, never the country", () => {
    expect(found("We met at the White House today.")).toEqual(["place:White House"]);
    expect(found("He flew back to the White House.")).toEqual(["place:White House"]);
    expect(found("The White House announced a plan.")).toEqual(["organisation:White House"]);
    expect(found("White House Press Secretary Anna Keller said so.")).toEqual([
      "organisation:White House",
      "person:Anna Keller",
    ]);
    expect(listedIds("the White House announced")).not.toContain("US");
  });
});

describe("people addressed by their given name", () => {
  it("takes a given name said to someone for a person, and no place that is also a given name", () => {
    expect(found("Jim, I appreciate the question.")).toEqual(["person:Jim"]);
    expect(found("Thanks for your question, Josh.")).toEqual(["person:Josh"]);
    expect(found("We asked Jay about it earlier.")).not.toContain("person:Jay");
    expect(found("Aboard Air Force One, En Route Decatur, Georgia")).not.toContain("person:Georgia");
  });

  it("links a given name addressed to the one person of that given name the document names", () => {
    const people = mentionsIn(
      "whitehouse/gaggle.md",
      "---\ntitle: Press Gaggle by Press Secretary Jay Carney\ndate: 2013-05-01\n---\n\nMR. CARNEY: Good morning.\n\nQ Jay, can you describe the President's schedule?\n\nMR. CARNEY: Sure, Josh.\n",
    )
      .filter((m) => m.type === "person" && (m.text === "Jay" || m.text === "Josh"))
      .map((m) => `${m.text}:${m.entityId}`);
    expect(people).toEqual(["Jay:speaker:jay-carney", "Josh:found:person:josh"]);
  });

  it('reads no day for a name: "Happy Valentine\'s Day"', () => {
    expect(found("Good morning, everybody. And Happy Valentine's Day.")).toEqual([]);
  });
});

describe("places in lists", () => {
  it("takes the words of a list after a locative preposition that opens with a place for places", () => {
    const places = (text: string, lang: string) => found(text, lang).filter((n) => n.startsWith("place:"));
    expect(places("Те, що відбулося в Бучі, Гостомелі, Ірпені, Мотижині та інших містах.", "uk")).toEqual([
      "place:Гостомелі",
      "place:Ірпені",
      "place:Мотижині",
    ]);
    expect(places("Це було в Бучі, Ірпені.", "uk")).toEqual(["place:Ірпені"]);
    // Words in another case, or given names, are not the list's places.
    expect(places("Ми були в Бучі, Петренку і Шевченку це казали.", "uk")).toEqual([]);
    expect(places("We met in Kyiv, Jenny and Mark.", "en")).toEqual(["place:Kyiv"]);
  });

  it("counts the cities the world's lists hold among a list's places, though one word alone might be a surname", () => {
    const places = found(
      "You will not forget about Chernihiv, Mykolaiv, Sumy, Kharkiv and Volnovakha, Popasna.",
    )
      .filter((n) => n.startsWith("place:"))
      .sort();
    expect(places).toEqual(
      ["Chernihiv", "Kharkiv", "Mykolaiv", "Popasna", "Sumy", "Volnovakha"].map((p) => `place:${p}`),
    );
    expect(
      found("Thanks to Smith, Jones, Brown and Taylor for coming.").filter((n) => n.startsWith("place:")),
    ).toEqual([]);
  });
});

describe("names in a briefing room", () => {
  it("takes the outlet a reporter gives after their own name for an organisation, not a place", () => {
    expect(found("Yeah, thanks. It’s Eamon Javers with CNBC. Can you say more?")).toEqual([
      "person:Eamon Javers",
      "organisation:CNBC",
    ]);
    expect(found("Hi, this is Andrea with NHK. Thank you so much.")).toEqual(["organisation:NHK"]);
    // The reporter is a person; the town after her name is no outlet.
    expect(found("Anna, Moscow. What happened?")).toEqual(["person:Anna"]);
  });

  it("reads no name on past a calendar word, a curly I've, or an acronym of a thing", () => {
    expect(found("The leaders meet in the Oval Office on Friday morning.")).not.toContain(
      "organisation:Oval Office on Friday",
    );
    expect(found("As I’ve indicated, this is not a military alliance.")).toEqual([]);
    expect(found("We support the TRIPS waiver and the new EO.")).toEqual([]);
  });

  it("takes the outlet a moderator names after a reporter for an organisation, whatever town shares its name", () => {
    expect(found("Our next question will come from Jenny Leonard from Bloomberg.")).toEqual([
      "person:Jenny Leonard",
      "organisation:Bloomberg",
    ]);
    expect(found("The next question is from Steve Holland of Reuters.")).toEqual([
      "person:Steve Holland",
      "organisation:Reuters",
    ]);
    expect(found("Thanks so much. Next, let’s go to Steve Holland with Reuters.")).toContain(
      "organisation:Reuters",
    );
    expect(found("Thanks. Next we will go to Josh Wingrove at Bloomberg.")).toContain(
      "organisation:Bloomberg",
    );
    // No question handed over: a town after a name stays a town; someone with them is no outlet.
    expect(found("Jenny Leonard from Bloomberg wrote to us.")).not.toContain("organisation:Bloomberg");
    expect(found("We will go to Camp David with Angela Merkel.")).not.toContain("organisation:Angela Merkel");
  });

  it("reads a plural generic word inside a name, not one that opens a common noun phrase", () => {
    expect(found("We went to the National Institutes of Hygiene today.")).toEqual([
      "organisation:National Institutes of Hygiene",
    ]);
    expect(found("The Ministries of Defence of both countries met.")).toEqual([]);
  });

  it("takes a name ending in a word for a thing for no person, and a capital's airport for a place", () => {
    expect(found("We followed up on the Havana Syndrome incident.")).toEqual([]);
    expect(found("We met Jenny Day yesterday.")).toEqual(["person:Jenny Day"]);
    expect(found("There are threats against the Kabul airport.")).toEqual(["place:Kabul airport"]);
    expect(found("Kuwait City hosted the talks.")).toEqual(["place:Kuwait City"]);
  });
});

describe("sentence openings that name nothing", () => {
  it("reads a word after a list's bullet as opening a sentence", () => {
    expect(found("виплати для регіонів. * Успішно реалізували програму.", "uk")).toEqual([]);
    expect(found("Payments were made. * Successfully completed the programme.")).toEqual([]);
  });

  it("does not take a word that only starts like a body's generic word for a body", () => {
    expect(found("Раджу звернутися до історій міст. Думаю, що так.", "uk")).toEqual([]);
    expect(found("Звернувся до Ради директорів банку.", "uk")).toEqual([
      "organisation:Ради директорів банку",
    ]);
  });
});

describe("names in hostile text", () => {
  it("reads long runs of capitals, connectors, initials and listed names without deep recursion, a piece at a time", () => {
    const listedKyiv = Array.from({ length: 8000 }, (_, i) => [i * 9, i * 9 + 4, "place"] as const);
    for (const [text, lang, listed] of [
      ["Water ".repeat(10_000), "en", []],
      ["Craig Kennedy and ".repeat(10_000), "en", []],
      ["Xavier of ".repeat(10_000), "en", []],
      [Array(10_000).fill("Иванов И.И.").join(" "), "ru", []],
      ["Kyiv and ".repeat(8000), "en", listedKyiv],
    ] as const) {
      const names = findNames(text, lang, listed);
      for (const n of names) expect(text.slice(n.start, n.end)).toBe(n.text);
    }
    expect(findNames("Craig Kennedy and ".repeat(10_000), "en")).toHaveLength(10_000);
  }, 60_000);
});

describe("entities across a document", () => {
  const doc = (text: string) => ingestText("statement.txt", text)[0];

  it("gives one id to a person named in full, by surname and in another script, and an entity with its forms", () => {
    const d = doc(
      "Statement\n\nRobert Brian Gibbs, member of the House of Representatives.\n\nRoberts said Gibbs was wrong.\n",
    );
    if (!d) throw new Error("no document");
    const e = enrichDocument(d, matcher);
    const gibbs = e.mentions.filter((m) => m.text.includes("Gibbs"));
    expect(new Set(gibbs.map((m) => m.entityId))).toEqual(new Set(["found:person:robert-gibbs"]));
    expect(gibbs).toHaveLength(2);
    expect(e.entities?.find((x) => x.id === "found:person:robert-gibbs")?.name).toBe("Robert Brian Gibbs");
  });
});

describe("speakers' labels that no list holds", () => {
  it("name the person an honorific and a surname stand for, joined to the full name the text gives", () => {
    const d = ingestText(
      "briefing.txt",
      "Press Gaggle by Bronte Kaas\n\nMS. KAAS: Good morning. Bronte Kaas here.\n\nSENIOR ADMINISTRATION OFFICIAL: Thanks.\n\nQ: A question?\n\nDR. LUBCHENCO: An answer.\n",
    )[0];
    if (!d) throw new Error("no document");
    const labels = enrichDocument(d, matcher)
      .mentions.filter((m) => m.paragraph === -1)
      .map((m) => `${d.turns[m.turn]?.label}: ${m.entityId}`);
    expect(labels).toEqual(["MS. KAAS: found:person:bronte-kaas", "DR. LUBCHENCO: found:person:lubchenco"]);
  });
});

describe("confusions with listed names", () => {
  it("does not take a place inside a longer place name for the place", () => {
    expect(listedIds("(Democratic Party, New Jersey)")).toEqual([]);
    expect(listedIds("(шт. Нью-Джерси)")).toEqual([]);
    expect(listedIds("Jersey and Guernsey")).toContain("JE");
  });

  it("does not take a language for the country", () => {
    expect(listedIds("перевод на английский язык")).toEqual([]);
    expect(listedIds("говорить по-английски")).toEqual([]);
    expect(listedIds("английский дипломат")).toEqual(["GB"]);
  });

  it("does not take a Russian case form for a country it only resembles", () => {
    expect(listedIds("введение санкций против Самоа; Санкций будет больше")).toEqual(["WS"]);
  });

  it("does not take a namesake whose described office the registered person never held", () => {
    expect(
      listedIds("70. Robert Brian Gibbs (Republican Party, Ohio), member of the House of Representatives;"),
    ).not.toContain("speaker:robert-gibbs");
    expect(listedIds("Роберт Гиббс (Robert Brian Gibbs) – член Палаты представителей")).toEqual([]);
    expect(listedIds("Press Secretary Robert Gibbs said")).toEqual(["speaker:robert-gibbs"]);
  });

  it("does not take a namesake described as a mayor in Russian («мэр») or Ukrainian («мер»)", () => {
    expect(listedIds("Robert Gibbs – мэр Нового Города")).not.toContain("speaker:robert-gibbs");
    expect(listedIds("Robert Gibbs – мер Нового Міста")).not.toContain("speaker:robert-gibbs");
    expect(listedIds("Robert Gibbs – мерчендайзер")).toContain("speaker:robert-gibbs");
  });
});
