/**
 * The advanced search form: one field per part of the query language, which the server writes as
 * a query (search/query/compose.ts) and sends to /search, where the query is shown and can be edited.
 */
import { html } from "hono/html";
import { DOCUMENT_KINDS, TURN_KINDS } from "../../model/document.js";
import type { QueryForm } from "../../search/query/compose.js";
import { layout, type Markup } from "../layout.js";

const LANGUAGES: [string, string][] = [
  ["en", "English"],
  ["ru", "Russian"],
  ["uk", "Ukrainian"],
  ["fr", "French"],
  ["es", "Spanish"],
  ["de", "German"],
  ["ar", "Arabic"],
  ["zh", "Chinese"],
  ["tr", "Turkish"],
];

function checkboxes(name: string, options: [string, string][], chosen: string[] | undefined): Markup {
  return html`${options.map(
    ([value, label]) =>
      html`<label class="choice"><input type="checkbox" name="${name}" value="${value}"${chosen?.includes(value) ? " checked" : ""}> ${label}</label>`,
  )}`;
}

const text = (name: keyof QueryForm, label: string, form: QueryForm, placeholder: string, hint = "") =>
  html`<label class="field"><span>${label}</span><input name="${name}" value="${(form[name] as string | undefined) ?? ""}" placeholder="${placeholder}" autocomplete="off">${hint ? html`<small class="muted">${hint}</small>` : ""}</label>`;

export function advancedSearchPage(form: QueryForm, publishers: string[], problems: string[]): Markup {
  return layout(
    "Advanced search",
    html`<h1>Advanced search</h1>
<p class="muted">Each field writes part of a query in the search language; the search page shows the query it made, so you can keep it, share it, or change it by hand.</p>
${problems.length ? html`<ul class="error" role="alert">${problems.map((p) => html`<li>${p}</li>`)}</ul>` : ""}
<form class="advanced" action="/search/advanced" method="get">
<fieldset><legend>Words</legend>
${text("all", "All of these words", form, "sanctions grain", "every form: “sanction” finds “sanctions”, “санкция” “санкций”; end a word with * for a prefix")}
${text("phrase", "This exact phrase", form, "territorial integrity")}
${text("any", "Any of these words", form, "Crimea Donbas")}
${text("none", "None of these words", form, "football")}
</fieldset>
<fieldset><legend>Who</legend>
${text("speaker", "Speaker", form, "Lavrov", "any name or alias, in any script")}
${text("role", "Role held on the day", form, "foreign minister")}
${text("mentions", "Mentions", form, "Turkey", "a person, place or organisation named in the turn")}
<div class="field"><span>Kind of turn</span><div class="choices">${checkboxes(
      "kind",
      TURN_KINDS.map((k) => [k, k]),
      form.kind,
    )}</div></div>
</fieldset>
<fieldset><legend>Where and when</legend>
<div class="field"><span>Kind of document</span><div class="choices">${checkboxes(
      "type",
      DOCUMENT_KINDS.map((k) => [k, k]),
      form.type,
    )}</div></div>
<div class="field"><span>Language</span><div class="choices">${checkboxes("lang", LANGUAGES, form.lang)}</div></div>
${
  publishers.length
    ? html`<div class="field"><span>Publisher</span><div class="choices">${checkboxes(
        "publisher",
        publishers.map((p) => [p, p]),
        form.publisher,
      )}</div></div>`
    : ""
}
<div class="dates">${text("from", "From", form, "2020-01")}${text("to", "To", form, "2022-12-31")}</div>
</fieldset>
<button type="submit">Search</button>
</form>`,
  );
}
