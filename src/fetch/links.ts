/**
 * The links of a fetched HTML page, read with a streaming parser (htmlparser2) rather than a DOM:
 * a crawl reads every page it fetches for links, and most of them are listings. Also measures how
 * much of the page's text sits inside links, which tells a listing from a record on sites
 * Verbatim has no profile for.
 */
import { Parser } from "htmlparser2";

export interface PageLinks {
  /** Absolute http(s) URLs without fragments, in page order, each once. */
  links: string[];
  /** `link rel=alternate hreflang` and language-switcher candidates: language → URL. */
  alternates: { language: string; url: string }[];
  /** Words in the page's visible text, and how many of them are inside links. */
  words: number;
  linkWords: number;
}

const SKIP_TEXT = new Set(["script", "style", "noscript", "template", "head", "title"]);

export function normaliseUrl(href: string, base: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    u.hash = "";
    return u.href;
  } catch {
    return null;
  }
}

export function extractLinks(html: string, pageUrl: string): PageLinks {
  let base = pageUrl;
  const links: string[] = [];
  const seen = new Set<string>();
  const alternates: PageLinks["alternates"] = [];
  let words = 0;
  let linkWords = 0;
  let inLink = 0;
  let skip = 0;
  const add = (href: string | undefined) => {
    if (!href) return;
    const url = normaliseUrl(href, base);
    if (url && !seen.has(url)) {
      seen.add(url);
      links.push(url);
    }
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP_TEXT.has(name)) skip++;
        if (name === "base" && attrs.href) base = normaliseUrl(attrs.href, pageUrl) ?? base;
        if (name === "a" || name === "area") {
          if (name === "a") inLink++;
          if (attrs.rel?.includes("nofollow")) return;
          add(attrs.href);
          if (attrs.hreflang && attrs.href) {
            const url = normaliseUrl(attrs.href, base);
            if (url) alternates.push({ language: attrs.hreflang.slice(0, 2).toLowerCase(), url });
          }
        }
        if (
          name === "link" &&
          attrs.rel?.split(/\s+/).includes("alternate") &&
          attrs.hreflang &&
          attrs.href
        ) {
          const url = normaliseUrl(attrs.href, base);
          if (url) alternates.push({ language: attrs.hreflang.slice(0, 2).toLowerCase(), url });
        }
      },
      onclosetag(name) {
        if (SKIP_TEXT.has(name)) skip = Math.max(0, skip - 1);
        if (name === "a") inLink = Math.max(0, inLink - 1);
      },
      ontext(text) {
        if (skip) return;
        const n = text.split(/\s+/).filter(Boolean).length;
        words += n;
        if (inLink) linkWords += n;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { links, alternates, words, linkWords };
}

/** Inside the crawl's scope: the URL starts with one of the prefixes. */
export function inScope(url: string, scope: string[]): boolean {
  return scope.some((prefix) => url.startsWith(prefix));
}
