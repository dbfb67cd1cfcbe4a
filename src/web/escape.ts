/** Escaping for the places hono/html's template does not cover: XML (the Atom feed). */
const XML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** True for characters XML 1.0 forbids: a feed holding one is unreadable, so they are dropped. */
function forbiddenInXml(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff
  );
}

export function escapeXml(value: string): string {
  let out = "";
  for (const ch of value) {
    if (forbiddenInXml(ch.codePointAt(0) ?? 0)) continue;
    out += XML[ch] ?? ch;
  }
  return out;
}
