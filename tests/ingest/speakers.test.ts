/** Speaker resolution across scripts, label styles, grammatical cases and dates. */
import { describe, expect, it } from "vitest";
import { SpeakerRegistry } from "../../src/ingest/speakers/registry.js";

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

  it("refuses a registry file that is not valid", () => {
    expect(() => SpeakerRegistry.fromYaml("- id: Not Valid\n  name: x\n", "bad.yaml")).toThrow(
      /REGISTRY_INVALID|invalid/,
    );
    expect(() => SpeakerRegistry.fromYaml("- [unclosed", "bad.yaml")).toThrow(/invalid/);
  });
});
