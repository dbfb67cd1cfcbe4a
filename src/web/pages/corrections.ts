/**
 * What the reader shows of corrections: a notice at the top, a mark on each corrected turn, the
 * log at the end (who, when, why, and whether it still applies), and for a signed-in editor the
 * forms that make and undo them. Forms post to the web routes (server/correction-pages.ts).
 */
import { html } from "hono/html";
import { describeCorrection } from "../../archive/corrections.js";
import { type Correction, turnsOf } from "../../model/corrections.js";
import { type Document, TURN_KINDS, type Turn } from "../../model/document.js";
import type { CorrectionState } from "../../store/store.js";
import type { Markup } from "../layout.js";

export interface CorrectionsShown {
  log: Correction[];
  /** Applied and stale corrections of the version shown (absent when none touch it). */
  state: CorrectionState | undefined;
  /** The signed-in editor, who sees the forms. */
  editor: string | null;
}

/** Turns an applied correction touches: marked "corrected" in the reader. */
export function correctedTurns(shown: CorrectionsShown): Set<number> {
  const applied = new Set(shown.state?.applied ?? []);
  return new Set(shown.log.filter((c) => applied.has(c.id)).flatMap((c) => turnsOf(c.op)));
}

export function correctionNotice(shown: CorrectionsShown): Markup | "" {
  const applied = shown.state?.applied.length ?? 0;
  const stale = shown.state?.stale.length ?? 0;
  if (!applied && !stale) return "";
  return html`<p class="corrected-notice">Corrected by editors: ${applied} ${applied === 1 ? "correction" : "corrections"} applied${stale ? html`, ${stale} no longer applying` : ""}. <a href="#corrections">See the log</a>.</p>`;
}

export function turnEditor(doc: Document, turn: Turn, shown: CorrectionsShown): Markup | "" {
  if (!shown.editor) return "";
  const action = `/d/${encodeURIComponent(doc.id)}/corrections`;
  const reason = html`<label>Why <input name="reason" required maxlength="2000" placeholder="checked against the video"></label>`;
  const questions = doc.turns.filter((t) => t.index < turn.index && t.kind === "question");
  const next = doc.turns[turn.index + 1];
  return html`<details class="turn-editor"><summary>Correct this turn</summary>
<form method="post" action="${action}" class="split-turn"><input type="hidden" name="op" value="split"><input type="hidden" name="turn" value="${turn.index}">
<label>Split in paragraph <select name="paragraph">${turn.paragraphs.map((_, i) => html`<option value="${i + 1}"${i === Math.min(1, turn.paragraphs.length - 1) ? " selected" : ""}>${i + 1}</option>`)}</select></label>
<label>before the words <input name="words" maxlength="500" placeholder="empty: before the whole paragraph"></label> ${reason} <button type="submit">Split</button></form>
${
  next
    ? html`<form method="post" action="${action}" class="merge-turn"><input type="hidden" name="op" value="merge"><input type="hidden" name="turn" value="${turn.index}">
${reason} <button type="submit">Merge with turn ${next.index + 1}</button></form>`
    : ""
}
<form method="post" action="${action}"><input type="hidden" name="op" value="speaker"><input type="hidden" name="turn" value="${turn.index}">
<label>Speaker (registry id, empty for unknown) <input name="speakerId" list="speaker-ids" value="${turn.speakerId ?? ""}"></label> ${reason} <button type="submit">Set speaker</button></form>
<form method="post" action="${action}"><input type="hidden" name="op" value="kind"><input type="hidden" name="turn" value="${turn.index}">
<label>Kind <select name="kind">${TURN_KINDS.map((k) => html`<option value="${k}"${k === turn.kind ? " selected" : ""}>${k}</option>`)}</select></label> ${reason} <button type="submit">Set kind</button></form>
${
  questions.length
    ? html`<form method="post" action="${action}"><input type="hidden" name="op" value="pair"><input type="hidden" name="answer" value="${turn.index}">
<label>Answers the question <select name="question">${questions.map((q) => html`<option value="${q.index}">turn ${q.index + 1}: ${q.paragraphs[0]?.slice(0, 60) ?? ""}</option>`)}</select></label> ${reason} <button type="submit">Pair</button></form>`
    : ""
}
${doc.qa
  .filter((p) => p.answers.includes(turn.index))
  .map(
    (
      p,
    ) => html`<form method="post" action="${action}"><input type="hidden" name="op" value="unpair"><input type="hidden" name="question" value="${p.question}"><input type="hidden" name="answer" value="${turn.index}">
${reason} <button type="submit">Not an answer to turn ${p.question + 1}</button></form>`,
  )}
</details>`;
}

export function correctionLog(shown: CorrectionsShown, speakerIds: string[]): Markup | "" {
  if (!shown.log.length && !shown.editor) return "";
  const stale = new Map((shown.state?.stale ?? []).map((s) => [s.id, s.reason]));
  const applied = new Set(shown.state?.applied ?? []);
  return html`<section id="corrections" class="corrections"><h2>Corrections</h2>
${shown.editor ? html`<div class="muted">Signed in as ${shown.editor}. <form class="inline" method="post" action="/sign-out"><button type="submit">Sign out</button></form></div>` : ""}
${
  shown.log.length
    ? html`<ol class="correction-log">${shown.log.map(
        (c) =>
          html`<li id="c${c.id}" data-correction="${c.id}"><strong>${describeCorrection(c)}</strong>, by ${c.author} on ${c.at.slice(0, 10)}: “${c.reason}”${
            c.undone
              ? html` <span class="muted">(undone by ${c.undone.by} on ${c.undone.at.slice(0, 10)})</span>`
              : stale.has(c.id)
                ? html` <span class="error">(no longer applies: ${stale.get(c.id)})</span>`
                : applied.has(c.id)
                  ? ""
                  : html` <span class="muted">(applies to the current version)</span>`
          }${
            shown.editor && !c.undone
              ? html` <form class="inline" method="post" action="/corrections/${c.id}/undo"><button type="submit">Undo</button></form>`
              : ""
          }</li>`,
      )}</ol>`
    : html`<p class="muted">No corrections yet.</p>`
}
${shown.editor ? html`<datalist id="speaker-ids">${speakerIds.map((id) => html`<option value="${id}"></option>`)}</datalist>` : ""}
</section>`;
}

export function signInPage(error: string | null): Markup {
  return html`<h1>Sign in to correct</h1>
<p class="muted">Editors split and merge turns and correct speakers, kinds of turn and question–answer pairs. The operator gives each editor a token (<code>verbatim editor add NAME</code>).</p>
${error ? html`<p class="error" role="alert">${error}</p>` : ""}
<form method="post" action="/sign-in"><label>Token <input name="token" type="password" required autocomplete="off"></label> <button type="submit">Sign in</button></form>`;
}
