/**
 * Corrections through the API and the web app's forms, on every backend: who may make them, what
 * readers then see, the log, undoing, and what a correction cannot do.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseQuery } from "../../src/search/query/parse.js";
import { editorsFrom, issueEditorToken, loadEditors } from "../../src/server/editors.js";
import type { DocumentStore } from "../../src/store/store.js";
import { appFor, TOKEN } from "../support/app.js";
import { BACKENDS, openTestStore } from "../support/backends.js";
import { makeDocument } from "../support/documents.js";

const SITE = "http://verbatim.test";

describe.each(BACKENDS)("corrections (%s)", (backend) => {
  let store: DocumentStore;
  let editorToken: string;
  let app: ReturnType<typeof appFor>;

  beforeEach(async () => {
    store = await openTestStore(backend);
    await store.putBatch([{ raw: null, documents: [makeDocument({ id: "doc-1" })] }]);
    await store.putSpeakers([{ id: "maria-zakharova", name: "Maria Zakharova", aliases: [], roles: [] }]);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "editors-")), "editors.json");
    editorToken = issueEditorToken(file, "Ada Editor");
    app = appFor(store, { editors: loadEditors(file) });
  });

  afterEach(async () => {
    await store.close();
  });

  const post = (url: string, body: unknown, token: string | null) =>
    app.request(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  it("an editor corrects a speaker through the API; readers, search and the log see it", async () => {
    const res = await post(
      "/api/documents/doc-1/corrections",
      {
        op: { op: "speaker", turn: 1, speakerId: "maria-zakharova", speakerName: "Maria Zakharova" },
        reason: "heard on the video",
      },
      editorToken,
    );
    expect(res.status).toBe(201);
    const made = (await res.json()) as { id: number; author: string };
    expect(made.author).toBe("Ada Editor");
    const doc = (await (await app.request("/api/documents/doc-1")).json()) as {
      document: { turns: { speakerId: string | null }[] };
      corrections: { applied: number[] };
    };
    expect(doc.document.turns[1]?.speakerId).toBe("maria-zakharova");
    expect(doc.corrections.applied).toEqual([made.id]);
    expect((await store.search(parseQuery("speaker:zakharova"))).total.turns).toBe(1);
    const page = await (await app.request("/d/doc-1")).text();
    expect(page).toContain("Corrected by editors: 1 correction applied");
    expect(page).toContain("turn 2: speaker set to Maria Zakharova</strong>, by Ada Editor");
    expect(page).toContain("“heard on the video”");
    const log = (await (await app.request("/api/documents/doc-1/corrections")).json()) as unknown[];
    expect(log).toHaveLength(1);
  });

  it("nobody without an editor's or the operator's token corrects anything, and an editor's token does nothing else", async () => {
    const op = { op: { op: "kind", turn: 0, kind: "other" }, reason: "procedural" };
    expect((await post("/api/documents/doc-1/corrections", op, null)).status).toBe(401);
    expect((await post("/api/documents/doc-1/corrections", op, "not-a-token")).status).toBe(401);
    const refused = await app.request("/api/documents/doc-1", {
      method: "DELETE",
      headers: { authorization: `Bearer ${editorToken}` },
    });
    expect(refused.status).toBe(401);
    expect(await store.get("doc-1")).not.toBeNull();
    expect((await post("/api/documents/doc-1/corrections", op, TOKEN)).status).toBe(201);
    expect((await store.corrections("doc-1"))[0]?.author).toBe("operator");
  });

  it("names what cannot be corrected, and undoes what can", async () => {
    const bad = await post(
      "/api/documents/doc-1/corrections",
      { op: { op: "kind", turn: 9, kind: "other" }, reason: "x" },
      editorToken,
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe("CORRECTION_INVALID");
    expect(
      (
        await post(
          "/api/documents/nope/corrections",
          { op: { op: "kind", turn: 0, kind: "other" }, reason: "x" },
          editorToken,
        )
      ).status,
    ).toBe(404);
    const made = (await (
      await post(
        "/api/documents/doc-1/corrections",
        { op: { op: "unpair", question: 1, answer: 2 }, reason: "not an answer" },
        editorToken,
      )
    ).json()) as { id: number };
    expect((await store.get("doc-1"))?.document.qa).toEqual([{ question: 1, answers: [] }]);
    const undone = await post(`/api/corrections/${made.id}/undo`, {}, editorToken);
    expect(undone.status).toBe(200);
    expect((await store.get("doc-1"))?.document.qa).toEqual([{ question: 1, answers: [2] }]);
    expect((await post(`/api/corrections/${made.id}/undo`, {}, editorToken)).status).toBe(404);
  });

  it("an editor splits a turn and merges two through the API; the reader, search and the log follow", async () => {
    const split = await post(
      "/api/documents/doc-1/corrections",
      { op: { op: "split", turn: 0, paragraph: 1, at: 0 }, reason: "two speakers in one turn" },
      editorToken,
    );
    expect(split.status).toBe(201);
    const doc = (await (await app.request("/api/documents/doc-1")).json()) as {
      document: { turns: { paragraphs: string[]; speakerId: string | null }[] };
    };
    expect(doc.document.turns.map((t) => t.paragraphs[0])).toEqual([
      "Ladies and gentlemen,",
      "We have held useful talks. (Applause.)",
      "How do you assess the results?",
      "We are satisfied with them.",
    ]);
    expect(doc.document.turns[1]?.speakerId).toBeNull();
    const hit = await store.search(parseQuery("doc:doc-1 useful"));
    expect(hit.hits[0]?.turns.map((t) => t.index)).toEqual([1]);
    const page = await (await app.request("/d/doc-1")).text();
    expect(page).toContain("turn 1 split before its paragraph 2</strong>");
    expect(page).toContain('id="t1p0"');
    const merge = await post(
      "/api/documents/doc-1/corrections",
      { op: { op: "merge", turn: 2 }, reason: "one speaker" },
      editorToken,
    );
    expect(merge.status).toBe(201);
    expect((await store.get("doc-1"))?.document.turns).toHaveLength(3);
    const refused = await post(
      "/api/documents/doc-1/corrections",
      { op: { op: "split", turn: 0, paragraph: 0, at: 0 }, reason: "x" },
      editorToken,
    );
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { code: string }).code).toBe("CORRECTION_INVALID");
  });

  it("an editor signs in on the web and corrects a turn's kind from the reader; a form from another site is refused", async () => {
    const signIn = await app.request("/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: SITE },
      body: new URLSearchParams({ token: editorToken }).toString(),
    });
    expect(signIn.status).toBe(303);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    expect(signIn.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(signIn.headers.get("set-cookie")).toMatch(/SameSite=Strict/i);
    const reader = await (await app.request("/d/doc-1", { headers: { cookie } })).text();
    expect(reader).toContain("Correct this turn");
    const form = (origin: string) =>
      app.request("/d/doc-1/corrections", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin, cookie },
        body: new URLSearchParams({ op: "kind", turn: "0", kind: "moderator", reason: "chairs" }).toString(),
      });
    expect((await form("https://elsewhere.example")).status).toBe(401);
    expect((await store.corrections("doc-1")).length).toBe(0);
    const made = await form(SITE);
    expect(made.status).toBe(303);
    expect((await store.get("doc-1"))?.document.turns[0]?.kind).toBe("moderator");
    // Signed out, the reader shows the correction and no forms.
    const anonymous = await (await app.request("/d/doc-1")).text();
    expect(anonymous).not.toContain("Correct this turn");
    expect(anonymous).toContain("kind set to moderator");
    // A split from the reader's form, before the words the editor typed.
    const split = await app.request("/d/doc-1/corrections", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: SITE, cookie },
      body: new URLSearchParams({
        op: "split",
        turn: "0",
        paragraph: "2",
        words: "(Applause.)",
        reason: "the applause is the room's",
      }).toString(),
    });
    expect(split.status).toBe(303);
    expect((await store.get("doc-1"))?.document.turns.map((t) => t.paragraphs)).toEqual([
      ["Ladies and gentlemen,", "We have held useful talks."],
      ["(Applause.)"],
      ["How do you assess the results?"],
      ["We are satisfied with them."],
    ]);
    const missing = await app.request("/d/doc-1/corrections", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: SITE, cookie },
      body: new URLSearchParams({
        op: "split",
        turn: "2",
        paragraph: "1",
        words: "not there",
        reason: "x",
      }).toString(),
    });
    expect(missing.status).toBe(400);
    const wrong = await app.request("/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: SITE },
      body: new URLSearchParams({ token: "guess" }).toString(),
    });
    expect(wrong.status).toBe(401);
  });
});

describe("editor tokens", () => {
  it("are kept as hashes: the file holds no token, and each token signs in only its editor", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "editors-")), "editors.json");
    const a = issueEditorToken(file, "A");
    const b = issueEditorToken(file, "B");
    const editors = loadEditors(file);
    expect(editors.authenticate(a)).toBe("A");
    expect(editors.authenticate(b)).toBe("B");
    expect(editors.authenticate(`${a}x`)).toBeNull();
    expect(editors.authenticate("")).toBeNull();
    expect(editorsFrom([]).authenticate(a)).toBeNull();
  });
});
