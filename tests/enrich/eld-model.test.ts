import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadEldMedium } from "../../src/enrich/eld-model.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-eld-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Written for this test: a sentence or two in each language the archive's publishers use, and some
// it meets in passing.
const SAMPLES = [
  "The Secretary of State met his counterpart this morning to discuss the situation in the region and the next steps.",
  "Министр иностранных дел провёл переговоры со своим коллегой и ответил на вопросы журналистов о ситуации в регионе.",
  "Президент України провів зустріч з іноземними партнерами та відповів на запитання журналістів щодо ситуації.",
  "Dışişleri Bakanı bugün mevkidaşıyla bir araya gelerek bölgedeki durumu ve atılacak adımları görüştü.",
  "Le ministre des Affaires étrangères a rencontré son homologue ce matin pour discuter de la situation dans la région.",
  "El ministro de Asuntos Exteriores se reunió esta mañana con su homólogo para hablar de la situación en la región.",
  "Der Außenminister traf heute Morgen seinen Amtskollegen, um die Lage in der Region zu erörtern.",
  "外交部发言人在例行记者会上回答了记者关于地区局势的提问。",
  "وزير الخارجية التقى نظيره هذا الصباح لمناقشة الوضع في المنطقة والخطوات التالية.",
  "Q Thank you. Two questions.",
];

describe("eld's model read from a JSON copy", () => {
  it("detects every sample as the model imported from the package does, and writes the copy once", async () => {
    const file = path.join(dir, "cache", "eld-medium.json");
    const imported = (await import("eld/medium")).eld;
    const first = await loadEldMedium({ cacheFile: file });
    expect(existsSync(file)).toBe(true);
    const fromCopy = await loadEldMedium({ cacheFile: file });
    for (const text of SAMPLES) {
      const want = imported.detect(text);
      for (const detector of [first, fromCopy]) {
        const got = detector.detect(text);
        expect(got.language, text).toBe(want.language);
        expect(got.isReliable(), text).toBe(want.isReliable());
      }
    }
    expect(fromCopy.detect(SAMPLES[1] as string).language).toBe("ru");
    expect(fromCopy.detect(SAMPLES[2] as string).language).toBe("uk");
  });

  it("imports the package's model again when the copy is damaged, and mends the copy", async () => {
    const file = path.join(dir, "damaged.json");
    writeFileSync(file, '{"type": "M60", "languages": {');
    const detector = await loadEldMedium({ cacheFile: file });
    expect(detector.detect(SAMPLES[0] as string).language).toBe("en");
    expect(JSON.parse(readFileSync(file, "utf8")).type).toBe("M60");
    const mended = await loadEldMedium({ cacheFile: file });
    expect(mended.detect(SAMPLES[4] as string).language).toBe("fr");
  });

  it("imports the package's model when told to keep no copy", async () => {
    const detector = await loadEldMedium({ cacheFile: null });
    expect(detector.detect(SAMPLES[5] as string).language).toBe("es");
  });
});
