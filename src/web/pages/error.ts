import { html } from "hono/html";
import type { VerbatimError } from "../../errors/catalog.js";
import { layout, type Markup } from "../layout.js";

export function errorPage(error: VerbatimError, requestId: string | null = null): Markup {
  return layout(
    `Error ${error.status}`,
    html`<h1>${error.status === 404 ? "Not found" : "Something is wrong"}</h1>
<p class="error"><code>${error.code}</code> ${error.message}</p>
${requestId ? html`<p class="muted">Request <code>${requestId}</code></p>` : ""}
<p><a href="/">Back to the archive</a></p>`,
  );
}
