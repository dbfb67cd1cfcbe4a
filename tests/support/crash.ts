/**
 * What crash tests share: generated transcript files (four formats, no two alike), and the checks
 * an archive left by a killed run must pass: SQLite's and FTS5's integrity checks, every current
 * document with all its turns, no turn without its document, and the counts a finished run is
 * compared on.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";

const TOPICS = [
  "grain exports",
  "the Black Sea",
  "visa rules",
  "energy prices",
  "the Arctic",
  "trade routes",
];

/** One small transcript file; four formats and varying numbers of questions, so no two are alike. */
export function transcript(i: number): { name: string; text: string } {
  const topic = TOPICS[i % TOPICS.length] as string;
  const day = String((i % 28) + 1).padStart(2, "0");
  const pairs = (i % 3) + 1;
  switch (i % 4) {
    case 0: {
      const qa = Array.from(
        { length: pairs },
        (_, k) =>
          `Question: What is next on ${topic}, item ${i}.${k}?\n\nJohn Smith: Item ${i}.${k} on ${topic} is under review; ${i * 7 + k} experts are on it.`,
      );
      return {
        name: `en/${i}-press.txt`,
        text: `Press conference on ${topic} number ${i}\n\n${qa.join("\n\n")}\n`,
      };
    }
    case 1: {
      const qa = Array.from(
        { length: pairs },
        (_, k) =>
          `Вопрос: Что дальше по теме номер ${i}.${k}?\n\nС.Лавров: Работа по теме ${i}.${k} продолжается.`,
      );
      return {
        name: `ru/${i}-briefing.txt`,
        text: `${day}.03.2021 12:${String(i % 60).padStart(2, "0")}\n\nБрифинг для прессы номер ${i}\n\n${qa.join("\n\n")}\n`,
      };
    }
    case 2: {
      const qa = Array.from(
        { length: pairs },
        (_, k) =>
          `<p>Question: And the ${topic}, part ${k} of ${i}?</p><p>Jane Doe: Part ${k} of ${i} is done.</p>`,
      );
      return {
        name: `html/${i}-briefing.html`,
        text: `<!doctype html><html lang="en"><head><title>Briefing ${i}</title></head><body><h1>Press briefing ${i} on ${topic}, March ${day}, 2021</h1>${qa.join("")}</body></html>\n`,
      };
    }
    default: {
      const qa = Array.from(
        { length: pairs },
        (_, k) => `Q Is ${topic} settled, ${i}.${k}?\n\nMS. PSAKI: Not yet, ${i}.${k} is open.`,
      );
      return {
        name: `md/${i}-press-briefing.md`,
        text: `---\ntitle: "Press Briefing by Press Secretary Jen Psaki, number ${i}"\ndate: 2021-03-${day}\n---\n\n${qa.join("\n\n")}\n`,
      };
    }
  }
}

export async function writeTranscripts(dir: string, indexes: number[]): Promise<void> {
  for (const i of indexes) {
    const { name, text } = transcript(i);
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
}

export interface ArchiveCheck {
  integrity: string;
  documents: number;
  versions: number;
  incomplete: { id: string; stored: number; expected: number }[];
  orphanTurns: number;
}

export function checkArchive(file: string): ArchiveCheck {
  const db = new Database(file);
  try {
    const integrity = db.pragma("integrity_check", { simple: true }) as string;
    // Killed before its first migration committed (a loaded machine is slow to get there): an
    // archive with no tables yet, which the next run creates.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'documents'").get())
      return { integrity, documents: 0, versions: 0, incomplete: [], orphanTurns: 0 };
    const rows = db
      .prepare<[], { id: string; body: string; turns: number }>(
        "SELECT d.id, d.body, (SELECT COUNT(*) FROM turns t WHERE t.doc_id = d.id) AS turns FROM documents d WHERE d.current = 1",
      )
      .all();
    const incomplete = rows
      .map((r) => ({
        id: r.id,
        stored: r.turns,
        expected: (JSON.parse(r.body) as { turns: unknown[] }).turns.length,
      }))
      .filter((r) => r.stored !== r.expected || r.expected === 0);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      integrity,
      documents: rows.length,
      versions: count("SELECT COUNT(*) AS n FROM documents"),
      incomplete,
      orphanTurns: count("SELECT COUNT(*) AS n FROM turns WHERE doc_id NOT IN (SELECT id FROM documents)"),
    };
  } finally {
    db.close();
  }
}

/** What a finished run is compared on: rows of every kind, and the full-text index's own totals. */
export interface ArchiveCounts {
  documents: number;
  versions: number;
  turns: number;
  rawInputs: number;
  mentions: number;
  /** Rows and occurrences summed over the turn index's vocabulary (fts5vocab). */
  indexedTurns: number;
  indexedWords: number;
  titles: number;
}

export function archiveCounts(file: string): ArchiveCounts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string) => Number((db.prepare(sql).get() as { n: number | null }).n ?? 0);
    return {
      documents: count("SELECT COUNT(*) AS n FROM documents WHERE current = 1"),
      versions: count("SELECT COUNT(*) AS n FROM documents"),
      turns: count("SELECT COUNT(*) AS n FROM turns"),
      rawInputs: count("SELECT COUNT(*) AS n FROM raw_inputs"),
      mentions: count("SELECT COUNT(*) AS n FROM mentions"),
      indexedTurns: count("SELECT SUM(doc) AS n FROM turn_vocab"),
      indexedWords: count("SELECT SUM(cnt) AS n FROM turn_vocab"),
      titles: count("SELECT COUNT(*) AS n FROM doc_index"),
    };
  } finally {
    db.close();
  }
}

/** FTS5's own check of its index against itself; throws SQLITE_CORRUPT_VTAB when it fails. "ok" otherwise. */
export function ftsIntegrity(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'turn_fts'").get()) return "ok";
    db.exec("INSERT INTO turn_fts (turn_fts, rank) VALUES ('integrity-check', 0)");
    db.exec("INSERT INTO doc_fts (doc_fts, rank) VALUES ('integrity-check', 0)");
    return "ok";
  } catch (error) {
    return (error as Error).message;
  } finally {
    db.close();
  }
}
