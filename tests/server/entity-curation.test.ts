/**
 * Curation of entities found in documents, from the page and the API to the archive: the list by
 * frequency, who may decide, and what each decision does to the stored mentions (the documents that
 * name the entity are enriched again), on an archive opened as `verbatim serve` opens it.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../support/language-detection.js";
import { decideEntity } from "../../src/archive/entity-curation.js";
import { type Archive, openArchive } from "../../src/archive/open.js";
import { enrichDocument } from "../../src/enrich/enrich.js";
import { issueEditorToken, loadEditors } from "../../src/server/editors.js";
import { appFor } from "../support/app.js";
import { ingestText } from "../support/ingest.js";

const TEXTS = {
  "a.txt":
    "Statement on the visit\n\nBronte Kaas met Craig Kennedy in Avdiivka on Monday. Kaas said the talks went well.\n",
  "b.txt":
    "Remarks at the institute\n\nBronte Kaas spoke at the Freeman Spogli Institute for International Studies.\n",
  "c.txt": "A note\n\nIt was written by <script>alert(1)</script> Bronte Kaas in Avdiivka.\n",
};

describe("curating found entities", () => {
  let archive: Archive;
  let app: ReturnType<typeof appFor>;
  let editorToken: string;
  const docIds: Record<string, string> = {};

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "curation-"));
    archive = await openArchive(path.join(dir, "archive.db"), { create: true });
    await archive.putEntities();
    const matcher = await archive.matcher();
    for (const [name, text] of Object.entries(TEXTS)) {
      const [doc] = ingestText(name, text);
      if (!doc) throw new Error(`no document from ${name}`);
      docIds[name] = doc.id;
      await archive.store.putBatch([
        { raw: null, documents: [doc], enrichments: [enrichDocument(doc, matcher)] },
      ]);
    }
    const file = path.join(dir, "editors.json");
    editorToken = issueEditorToken(file, "Ada Editor");
    app = appFor(archive.store, {
      editors: loadEditors(file),
      curate: (request, author, reason) => decideEntity(archive, request, author, reason),
    });
  });

  afterAll(async () => {
    await archive?.close();
  });

  const found = async () =>
    (
      (await (await app.request("/api/entities/found?limit=50")).json()) as {
        entities: { id: string; documents: number }[];
      }
    ).entities;
  const mentionsOf = async (name: keyof typeof TEXTS) =>
    ((await archive.store.getEnrichment(docIds[name] as string))?.mentions ?? []).map((m) => m.entityId);
  const decide = (id: string, body: object, token: string | null = editorToken) =>
    app.request(`/api/entities/${encodeURIComponent(id)}/decisions`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  it("lists the names no list holds, those most documents name first", async () => {
    const list = await found();
    expect(list[0]).toMatchObject({ id: "found:person:bronte-kaas", documents: 3 });
    expect(list.map((e) => e.id)).toEqual(
      expect.arrayContaining([
        "found:person:craig-kennedy",
        "found:place:avdiivka",
        "found:organisation:freeman-spogli-institut-for-intern-studi",
      ]),
    );
  });

  it("shows the list as a page that escapes what documents wrote, with decision forms only for editors", async () => {
    const page = await (await app.request("/entities/found")).text();
    expect(page).toContain("Bronte Kaas");
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain('name="action"');
    const refused = await app.request("/entities/found:place:avdiivka/decisions", {
      method: "POST",
      headers: { origin: "http://verbatim.test", "content-type": "application/x-www-form-urlencoded" },
      body: "action=reject&reason=no",
    });
    expect(refused.status).toBe(401);
  });

  it("refuses a decision without a token, about an unknown entity, or that makes no sense", async () => {
    expect((await decide("found:place:avdiivka", { action: "reject", reason: "x" }, null)).status).toBe(401);
    const unknown = await decide("found:person:nobody", { action: "reject", reason: "x" });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe("ENTITY_NOT_FOUND");
    const listed = await decide("TR", { action: "reject", reason: "x" });
    expect(((await listed.json()) as { code: string }).code).toBe("ENTITY_DECISION_INVALID");
    const badLink = await decide("found:place:avdiivka", {
      action: "link",
      wikidata: "Avdiivka",
      reason: "x",
    });
    expect(((await badLink.json()) as { code: string }).code).toBe("ENTITY_DECISION_INVALID");
  });

  it("refuses a merge of different kinds, a split into an entity that exists or of a document that does not name it", async () => {
    const code = async (res: Response) => ((await res.json()) as { code: string }).code;
    expect(
      await code(
        await decide("found:place:avdiivka", {
          action: "merge",
          into: "found:person:craig-kennedy",
          reason: "x",
        }),
      ),
    ).toBe("ENTITY_DECISION_INVALID");
    expect(
      await code(
        await decide("found:person:bronte-kaas", {
          action: "split",
          documents: [docIds["a.txt"]],
          into: "found:person:craig-kennedy",
          reason: "x",
        }),
      ),
    ).toBe("ENTITY_DECISION_INVALID");
    expect(
      await code(
        await decide("found:person:craig-kennedy", {
          action: "split",
          documents: [docIds["b.txt"]],
          reason: "x",
        }),
      ),
    ).toBe("ENTITY_DECISION_INVALID");
  });

  it("splits off a document, then links the rest to Wikidata, enriching the documents again", async () => {
    const split = await decide("found:person:bronte-kaas", {
      action: "split",
      documents: [docIds["b.txt"]],
      reason: "another Bronte Kaas, at Stanford",
    });
    expect(split.status).toBe(201);
    expect(((await split.json()) as { reenriched: number }).reenriched).toBe(3);
    expect(await mentionsOf("b.txt")).toContain("found:person:bronte-kaas~2");
    const linked = await decide("found:person:bronte-kaas", {
      action: "link",
      wikidata: "Q4242",
      reason: "checked",
    });
    expect(linked.status).toBe(201);
    // "Kaas" alone joined the full name, so both mentions in a.txt are the linked item now.
    expect((await mentionsOf("a.txt")).filter((id) => id === "Q4242")).toHaveLength(2);
    expect(await mentionsOf("b.txt")).toContain("found:person:bronte-kaas~2");
    expect((await archive.store.getEntity("Q4242"))?.name).toBe("Bronte Kaas");
    expect((await found()).map((e) => e.id)).not.toContain("found:person:bronte-kaas");
    const log = (await (await app.request("/api/entities/decisions")).json()) as { author: string }[];
    expect(log.map((d) => d.author)).toEqual(["Ada Editor", "Ada Editor"]);
  });

  it("rejects a name, merges one into another, and refuses a merge that would close a cycle", async () => {
    await decide("found:place:avdiivka", { action: "reject", reason: "testing" });
    expect(await mentionsOf("a.txt")).not.toContain("found:place:avdiivka");
    expect(await mentionsOf("c.txt")).not.toContain("found:place:avdiivka");
    const merged = await decide("found:person:bronte-kaas~2", {
      action: "merge",
      into: "found:person:craig-kennedy",
      reason: "testing a merge",
    });
    expect(merged.status).toBe(201);
    expect(await mentionsOf("b.txt")).toContain("found:person:craig-kennedy");
    const back = await decide("found:person:craig-kennedy", {
      action: "merge",
      into: "found:person:bronte-kaas~2",
      reason: "a cycle",
    });
    expect(((await back.json()) as { code: string }).code).toBe("ENTITY_DECISION_INVALID");
  });

  it("promotes a name into the gazetteer, so the matcher finds it as listed in new documents", async () => {
    const promoted = await decide("found:person:craig-kennedy", {
      action: "promote",
      wikidata: "Q777",
      reason: "a regular",
    });
    expect(promoted.status).toBe(201);
    expect(await mentionsOf("a.txt")).toContain("Q777");
    const [fresh] = ingestText("d.txt", "Later\n\nCraig Kennedy spoke again.\n");
    if (!fresh) throw new Error("no document");
    const mentions = enrichDocument(fresh, await archive.matcher()).mentions.map((m) => m.entityId);
    expect(mentions).toContain("Q777");
    // A new gazetteer keeps it: the decision points at it.
    await archive.putEntities();
    expect((await archive.store.getEntity("Q777"))?.name).toBe("Craig Kennedy");
  });
});
