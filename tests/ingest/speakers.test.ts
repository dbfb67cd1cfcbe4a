/** Speaker resolution across scripts, label styles, grammatical cases and dates. */
import { describe, expect, it } from "vitest";
import { findMentions, roleHeldOn, SpeakerRegistry } from "../../src/ingest/speakers/registry.js";

const registry = SpeakerRegistry.load();
const id = (name: string, date: string | null = null) => registry.findByName(name, date)?.id ?? null;
const label = (l: string, publisher: string, date: string | null) =>
  registry.resolveLabel(l, publisher, date).speakerId;

describe("the speaker registry", () => {
  it("meets one person under names in Latin and Cyrillic, with and without initials", () => {
    for (const n of ["Sergey Lavrov", "Sergei Lavrov", "С.Лавров", "С.В.Лавров", "Сергей Лавров"])
      expect(id(n), n).toBe("sergey-lavrov");
    for (const n of ["В.Путин", "Vladimir Putin", "В.В.Путин"]) expect(id(n), n).toBe("vladimir-putin");
    expect(id("Mevlüt Çavuşoğlu")).toBe("mevlut-cavusoglu");
    expect(id("М.Чавушоглу")).toBe("mevlut-cavusoglu");
  });

  it("takes an unlisted name that begins with A and a letter outside ASCII (Aída, Aşkın) for a person, not for the article a", () => {
    expect(label("Aída Moreno", "generic", null)).not.toBeNull();
    expect(label("Aşkın Tekin", "generic", null)).not.toBeNull();
    expect(label("A senior official", "generic", null)).toBeNull();
  });

  it("finds people named in any Russian grammatical case", () => {
    expect(id("С.В.Лаврова")).toBe("sergey-lavrov");
    expect(id("С.Лавровым")).toBe("sergey-lavrov");
    expect(id("М.В.Захаровой")).toBe("maria-zakharova");
    expect(id("Д.С.Пескову")).toBe("dmitry-peskov");
    expect(id("Зеленского")).toBe("volodymyr-zelensky");
  });

  it("tells people with one surname apart by given name or title", () => {
    expect(id("Joe Biden")).toBe("joe-biden");
    expect(id("Jill Biden")).toBe("jill-biden");
    expect(id("President Biden")).toBe("joe-biden");
  });

  it("takes no namesake whose given name is another: John Sullivan is not Jake Sullivan, Tony is Antony Blinken", () => {
    expect(id("John Sullivan")).toBeNull();
    expect(id("Jake Sullivan")).toBe("jake-sullivan");
    expect(id("Jacob Sullivan")).toBe("jake-sullivan");
    expect(id("Tony Blinken")).toBe("antony-blinken");
    const inTitle = (t: string) => findMentions(registry, t).map((s) => s.id);
    expect(
      inTitle(
        "Press release on Deputy Minister Sergey Ryabkov’s meeting with US Ambassador to Russia John Sullivan",
      ),
    ).not.toContain("jake-sullivan");
    expect(inTitle("Press Gaggle by Senator Gillibrand and Representative Wasserman Schultz")).not.toContain(
      "eric-schultz",
    );
    // An office before the surname still names the registered person.
    expect(inTitle("Press Briefing by Press Secretary Robert Gibbs, Secretary of State Clinton")).toContain(
      "hillary-clinton",
    );
  });

  it("resolves institutional labels through the role held on the date", () => {
    expect(label("THE PRESIDENT", "whitehouse.gov", "2021-08-06")).toBe("joe-biden");
    expect(label("THE PRESIDENT", "whitehouse.gov", "2011-12-07")).toBe("barack-obama");
    expect(label("THE PRESIDENT", "whitehouse.gov", null)).toBeNull();
    expect(label("MS. PSAKI", "whitehouse.gov", "2021-08-06")).toBe("jen-psaki");
  });

  it("trusts a bare surname only for someone in a registered role on that date", () => {
    expect(label("MR. HARRIS", "whitehouse.gov", "2010-05-01")).toBe("harris");
    expect(label("THE VICE PRESIDENT", "whitehouse.gov", "2022-01-01")).toBe("kamala-harris");
  });

  it("gives people outside the registry one transliterated id in every script", () => {
    expect(label("Т.Карлсонов", "mid.ru", null)).toBe(label("T. Karlsonov", "generic", null));
    expect(label("SENIOR ADMINISTRATION OFFICIAL", "whitehouse.gov", "2021-01-01")).toBeNull();
  });

  it("makes a press secretary's surname label and her full name one speaker", () => {
    expect(label("MS. JEAN-PIERRE", "whitehouse.gov", "2021-06-01")).toBe("karine-jean-pierre");
    expect(label("MS. JEAN-PIERRE", "whitehouse.gov", "2023-06-01")).toBe("karine-jean-pierre");
    expect(label("Karine Jean-Pierre", "whitehouse.gov", "2023-06-01")).toBe("karine-jean-pierre");
  });

  it("resolves Mr. and Ambassador labels of national security officials on their dates", () => {
    expect(label("MR. RHODES", "whitehouse.gov", "2012-03-01")).toBe("ben-rhodes");
    expect(label("AMBASSADOR RICE", "whitehouse.gov", "2011-09-20")).toBe("susan-rice");
    expect(label("MR. EARNEST", "whitehouse.gov", "2015-01-05")).toBe("josh-earnest");
    // Outside every registered role the surname is left alone: a stranger, not Sarah Sanders.
    expect(label("MS. SANDERS", "whitehouse.gov", "2021-06-01")).toBe("sanders");
    expect(label("MS. SANDERS", "whitehouse.gov", "2018-06-01")).toBe("sarah-huckabee-sanders");
  });

  it("covers the regular spokespeople of the supported publishers", () => {
    for (const [name, date, expected] of [
      ["М.В.Захарова", "2022-03-01", "maria-zakharova"],
      ["Д.Песков", "2024-02-09", "dmitry-peskov"],
      ["Ban Ki-moon", null, "ban-ki-moon"],
      ["Stéphane Dujarric", null, "stephane-dujarric"],
      ["Kayleigh McEnany", null, "kayleigh-mcenany"],
    ] as const)
      expect(id(name, date), name).toBe(expected);
  });

  it("leaves a surname two registered people held roles under on the date unresolved", () => {
    const twins = SpeakerRegistry.fromYaml(
      [
        "- id: anna-stone",
        "  name: Anna Stone",
        "  roles: [{ title: Deputy Press Secretary, from: 2010-01-01, to: 2014-12-31 }]",
        "- id: ben-stone",
        "  name: Ben Stone",
        "  roles: [{ title: Ambassador to Ruritania, from: 2012-01-01, to: 2016-12-31 }]",
      ].join("\n"),
    );
    const who = (l: string, date: string) => twins.resolveLabel(l, "whitehouse.gov", date);
    expect(who("MR. STONE", "2013-05-01").speakerId).toBe("stone");
    expect(who("MR. STONE", "2013-05-01").registered).toBe(false);
    expect(who("MS. STONE", "2011-05-01").speakerId).toBe("anna-stone");
    expect(who("MR. STONE", "2015-05-01").speakerId).toBe("ben-stone");
    expect(who("AMBASSADOR STONE", "2013-05-01").speakerId).toBe("ben-stone");
    expect(who("Anna Stone", "2013-05-01").speakerId).toBe("anna-stone");
  });

  it("never gives a Mr. label to a registered woman or a Ms. label to a registered man, dated or not", () => {
    // An undated Obama-era press call: "MR. HARRIS" is the call's briefer, not Kamala Harris.
    expect(label("MR. HARRIS", "whitehouse.gov", null)).toBe("harris");
    expect(id("Mr. Harris")).toBeNull();
    expect(id("Ms. Harris")).toBe("kamala-harris");
    expect(id("MS. RICE")).toBe("susan-rice");
    expect(id("Mr. Rice")).toBeNull();
    expect(id("г-жа Захарова")).toBe("maria-zakharova");
    expect(id("г-н Захаров")).toBeNull();
    // Without an honorific, or for someone whose gender the registry does not give, nothing is ruled out.
    const unknown = SpeakerRegistry.fromYaml("- id: lee-park\n  name: Lee Park\n");
    expect(unknown.findByName("Mr. Park")?.id).toBe("lee-park");
    expect(unknown.findByName("Ms. Park")?.id).toBe("lee-park");
  });

  it("reads a suffix as no surname: Joseph R. Biden Jr. is Joe Biden, and Martin Luther King Jr. is not", () => {
    expect(id("Joseph R. Biden Jr.")).toBe("joe-biden");
    expect(id("King Jr.")).toBeNull();
    expect(id("Jr.")).toBeNull();
  });

  it("reads role dates at the precision they are written", () => {
    expect(roleHeldOn({ from: "2009-01-20", to: "2011-02" }, "2011-02-10")).toBe(true);
    expect(roleHeldOn({ from: "2009-01-20", to: "2011-02" }, "2011-03-01")).toBe(false);
    expect(roleHeldOn({ from: "2014", to: null }, "2014-02-03")).toBe(true);
    expect(roleHeldOn({ from: "2014-06-20", to: null }, "2014")).toBe(true);
    expect(roleHeldOn({ from: "2014-06-20", to: null }, "2013-12-31")).toBe(false);
  });

  it("refuses a registry file that is not valid", () => {
    expect(() => SpeakerRegistry.fromYaml("- id: Not Valid\n  name: x\n", "bad.yaml")).toThrow(
      /REGISTRY_INVALID|invalid/,
    );
    expect(() => SpeakerRegistry.fromYaml("- [unclosed", "bad.yaml")).toThrow(/invalid/);
  });
});
