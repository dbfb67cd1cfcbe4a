/**
 * Corrections in the web app: editors sign in with the token the operator gave them (kept in an
 * HttpOnly, SameSite=Strict cookie), and the reader's forms post corrections here. A form post
 * must come from this site (its Origin, which browsers send with every form post), so another
 * site cannot make a signed-in editor's browser correct anything.
 */

import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { makeCorrection, undoCorrection } from "../archive/corrections.js";
import { VerbatimError } from "../errors/catalog.js";
import type { CorrectionOp } from "../model/corrections.js";
import { type Document, TURN_KINDS, type TurnKind } from "../model/document.js";
import { layout } from "../web/layout.js";
import { signInPage } from "../web/pages/corrections.js";
import type { AppDeps } from "./deps.js";

export const EDITOR_COOKIE = "verbatim_editor";

/** The editor signed in on this request, or null. */
export function signedInEditor(c: Context, deps: AppDeps): string | null {
  const token = getCookie(c, EDITOR_COOKIE);
  return token ? (deps.editors?.authenticate(token) ?? null) : null;
}

/** The editor signed in who posted this form from this site; EDITOR_REQUIRED otherwise. */
export function editorOf(c: Context, deps: AppDeps): string {
  const editor = signedInEditor(c, deps);
  if (!editor || !sameSite(c, deps)) throw new VerbatimError("EDITOR_REQUIRED");
  return editor;
}

/** The post comes from this site: its Origin is the address it was sent to, or the public --base-url. */
function sameSite(c: Context, deps: AppDeps): boolean {
  const origin = c.req.header("origin");
  if (!origin) return false;
  try {
    const from = new URL(origin).host;
    return from === new URL(c.req.url).host || (deps.baseUrl !== null && from === new URL(deps.baseUrl).host);
  } catch {
    return false;
  }
}

const whole = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n <= 100_000 ? n : -1;
};

/**
 * Where a split falls: before the words the editor typed, found once in the paragraph, or before
 * the whole paragraph when none are given.
 */
function splitAt(doc: Document | null, turn: number, paragraph: number, words: string): number {
  const text = doc?.turns[turn]?.paragraphs[paragraph];
  if (text === undefined || !words) return 0;
  const at = text.indexOf(words);
  if (at < 0)
    throw new VerbatimError("CORRECTION_INVALID", {
      reason: `paragraph ${paragraph + 1} of turn ${turn + 1} has no “${words.slice(0, 80)}”`,
    });
  if (text.indexOf(words, at + 1) >= 0)
    throw new VerbatimError("CORRECTION_INVALID", {
      reason: `“${words.slice(0, 80)}” occurs more than once in paragraph ${paragraph + 1}: give more words`,
    });
  return at;
}

/** A correction from the reader's form fields; unknown or missing fields make it invalid. */
async function opFromForm(
  form: Record<string, unknown>,
  doc: Document | null,
  deps: AppDeps,
): Promise<CorrectionOp> {
  switch (form.op) {
    case "split": {
      const turn = whole(form.turn);
      // The form numbers paragraphs from 1, for people.
      const paragraph = whole(form.paragraph) - 1;
      const at = splitAt(doc, turn, paragraph, String(form.words ?? "").trim());
      return { op: "split", turn, paragraph, at };
    }
    case "merge":
      return { op: "merge", turn: whole(form.turn) };
    case "speaker": {
      const id = String(form.speakerId ?? "").trim();
      if (!id) return { op: "speaker", turn: whole(form.turn), speakerId: null, speakerName: null };
      const speaker = await deps.store.getSpeaker(id);
      if (!speaker)
        throw new VerbatimError("CORRECTION_INVALID", { reason: `no speaker with id ${id} in the archive` });
      return { op: "speaker", turn: whole(form.turn), speakerId: speaker.id, speakerName: speaker.name };
    }
    case "kind": {
      const kind = String(form.kind);
      if (!(TURN_KINDS as readonly string[]).includes(kind))
        throw new VerbatimError("CORRECTION_INVALID", { reason: `"${kind}" is not a kind of turn` });
      return { op: "kind", turn: whole(form.turn), kind: kind as TurnKind };
    }
    case "pair":
    case "unpair":
      return { op: form.op, question: whole(form.question), answer: whole(form.answer) };
    default:
      throw new VerbatimError("CORRECTION_INVALID", { reason: "unknown correction" });
  }
}

export function registerCorrectionPages(app: OpenAPIHono, deps: AppDeps): void {
  const { store } = deps;

  app.get("/sign-in", (c) => c.html(layout("Sign in", signInPage(null))));

  app.post("/sign-in", async (c) => {
    if (!sameSite(c, deps)) throw new VerbatimError("EDITOR_REQUIRED");
    const form = await c.req.parseBody();
    const token = String(form.token ?? "");
    if (!deps.editors?.authenticate(token))
      return c.html(layout("Sign in", signInPage("That token signs nobody in.")), 401);
    setCookie(c, EDITOR_COOKIE, token, {
      httpOnly: true,
      sameSite: "Strict",
      secure: new URL(c.req.url).protocol === "https:",
      path: "/",
      maxAge: 60 * 60 * 12,
    });
    return c.redirect("/", 303);
  });

  app.post("/sign-out", (c) => {
    deleteCookie(c, EDITOR_COOKIE, { path: "/" });
    return c.redirect("/", 303);
  });

  app.post("/d/:id/corrections", async (c) => {
    const author = editorOf(c, deps);
    const id = c.req.param("id");
    const form = await c.req.parseBody();
    const op = await opFromForm(form, (await store.get(id))?.document ?? null, deps);
    const reason = String(form.reason ?? "").trim();
    if (!reason) throw new VerbatimError("CORRECTION_INVALID", { reason: "say why (the log shows it)" });
    const made = await makeCorrection(store, id, { op, author, reason: reason.slice(0, 2000) });
    return c.redirect(`/d/${encodeURIComponent(id)}#c${made.id}`, 303);
  });

  app.post("/corrections/:cid/undo", async (c) => {
    const by = editorOf(c, deps);
    const undone = await undoCorrection(store, whole(c.req.param("cid")), by);
    return c.redirect(`/d/${encodeURIComponent(undone.documentId)}#c${undone.id}`, 303);
  });
}
