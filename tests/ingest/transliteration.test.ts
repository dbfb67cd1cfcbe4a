/** Names outside the registry, written in Cyrillic, shown in Latin letters in Latin-script documents. */
import { describe, expect, it } from "vitest";
import { assemble } from "../../src/ingest/assemble.js";
import { type Draft, EMPTY_DATE } from "../../src/ingest/extract/draft.js";
import { cyrillicSystem, romanise } from "../../src/ingest/speakers/names.js";
import { SpeakerRegistry } from "../../src/ingest/speakers/registry.js";

const registry = SpeakerRegistry.fromYaml(
  "- id: pavlo-registered\n  name: Pavlo Registered\n  aliases:\n    uk: [Павло Зареєстрований]\n",
);

const draft = (over: Partial<Draft>): Draft => ({
  profile: "president.gov.ua",
  reader: "test",
  idKey: "test-doc",
  sourceUrl: null,
  language: "en",
  title: "An address",
  kind: "speech",
  event: null,
  place: null,
  when: { ...EMPTY_DATE, date: "2022-03-19" },
  participants: [],
  titleSpeaker: null,
  attachments: [],
  publisherRef: null,
  paragraphs: ["Good evening."],
  hasDialogue: false,
  warnings: [],
  ...over,
});

const provenance = {
  source: "test",
  readAt: "2026-01-01T00:00:00Z",
  contentHash: "0".repeat(64),
  encoding: "utf-8",
  byteLength: 1,
};

describe("transliteration of unregistered Cyrillic names", () => {
  it("romanises Russian and Ukrainian names by their own systems", () => {
    expect(romanise("Ганна Мирошниченко", "uk")).toBe("Hanna Myroshnychenko");
    expect(romanise("Анна Мирошниченко", "ru")).toBe("Anna Miroshnichenko");
    expect(romanise("Юрий Гагарин", "ru")).toBe("Yury Gagarin");
    expect(romanise("John Smith", "ru")).toBe("John Smith");
  });

  it("tells the system from the letters, else from the publisher", () => {
    expect(cyrillicSystem("Олексій Петренко", "mid.ru")).toBe("uk");
    expect(cyrillicSystem("Эдуард Петров", "president.gov.ua")).toBe("ru");
    expect(cyrillicSystem("Денис Петренко", "president.gov.ua")).toBe("uk");
    expect(cyrillicSystem("Денис Петров", "mid.ru")).toBe("ru");
  });

  it("shows an unregistered speaker of an English document in Latin letters and keeps the original as an alias", () => {
    const speaker = { name: "Ганна Мирошниченко", role: null };
    const en = assemble(draft({ participants: [speaker], titleSpeaker: speaker }), registry, provenance);
    expect(en.participants).toEqual([
      {
        speakerId: expect.any(String),
        name: "Hanna Myroshnychenko",
        role: null,
        aliases: ["Ганна Мирошниченко"],
      },
    ]);
    expect(en.turns[0]?.speakerName).toBe("Hanna Myroshnychenko");
    // The Ukrainian version keeps the name as written, under the same id.
    const uk = assemble(
      draft({ language: "uk", participants: [speaker], titleSpeaker: speaker, idKey: "uk" }),
      registry,
      provenance,
    );
    expect(uk.participants[0]?.name).toBe("Ганна Мирошниченко");
    expect(uk.participants[0]?.speakerId).toBe(en.participants[0]?.speakerId);
  });

  it("leaves registered people to the registry's canonical name", () => {
    const speaker = { name: "Павло Зареєстрований", role: null };
    const en = assemble(draft({ participants: [speaker], titleSpeaker: speaker }), registry, provenance);
    expect(en.participants[0]).toEqual({
      speakerId: "pavlo-registered",
      name: "Pavlo Registered",
      role: null,
    });
  });

  it("romanises Cyrillic turn labels in a Latin-script document", () => {
    const doc = assemble(
      draft({
        profile: "mid.ru",
        kind: "press-conference",
        hasDialogue: true,
        paragraphs: ["Question: Is it so?", "Э.Петров: It is."],
      }),
      registry,
      provenance,
    );
    expect(doc.turns.map((t) => t.speakerName)).toContain("E.Petrov");
  });
});
