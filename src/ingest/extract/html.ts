/**
 * HTML pages: a publisher recipe (selectors) when the site is known, otherwise a generic
 * fallback that still keeps the title and dateline before handing the body to Readability.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { VerbatimError, type WarningCode } from "../../errors/catalog.js";
import type { Attachment, DocumentDate } from "../../model/document.js";
import { generic, PROFILES, profileForUrl } from "../publishers/index.js";
import type { HtmlRecipe, ParsedHtml, PublisherProfile } from "../publishers/profile.js";
import { opensWithSpacedQ, opensWithUsLabel } from "../segment/labels.js";
import { withBriefer } from "./briefer-note.js";
import { readClockFrame } from "./clock-frame.js";
import { documentDate, parseDateline } from "./dates.js";
import type { Draft } from "./draft.js";
import { headerFacts, withHeader } from "./header-frame.js";
import { normaliseSpace } from "./paragraphs.js";
import type { ReaderContext } from "./reader.js";
import { baseName, lastTwoSegments, recordIdOf, stripFurniture } from "./text-page.js";
import { analyseTitle } from "./title.js";

const BLOCK_TAGS = new Set(
  "p h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr div article section main header footer aside figure figcaption".split(
    " ",
  ),
);

function first(doc: ParsedHtml | Element, selectors: string[]): Element | null {
  for (const s of selectors) {
    try {
      const el = doc.querySelector(s);
      if (el) return el;
    } catch {
      // a selector this DOM cannot parse: try the next one
    }
  }
  return null;
}

const meta = (doc: ParsedHtml, names: string[]): string | null => {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"]`);
    const v = el?.getAttribute("content")?.trim();
    if (v) return v;
  }
  return null;
};

/** Titles of interviews, in the languages read: only their pages are read for bold questions. */
const INTERVIEW_TITLE = /interview|интервью|інтерв['’ʼ]?ю/iu;

/** Stands in for <br> while walking the tree, so source newlines and real line breaks stay apart. */
const BREAK = "\u2028";

/**
 * Splits a leaf block's text into paragraphs at every <br>: briefing pages separate turns with a
 * single <br> as often as with two, and a paragraph split in two loses nothing.
 */
function leafParagraphs(text: string): string[] {
  return text
    .split(BREAK)
    .map((p) => normaliseSpace(p))
    .filter(Boolean);
}

/**
 * A sentence's end inside a text and the white space after it: the gap is all but the first
 * character. The mark is matched, not looked behind for, which made the engine try every position.
 */
const SENTENCE_GAP = /[.?!"”)\]][\s\u00a0]*/gu;
/** A title's full stop, which ends no sentence: the "MR." of "MR. GIBBS:". */
const TITLE_STOP = /(?<![\p{L}\p{N}])(?:mr|mrs|ms|mx|dr|st|sen|rep|gov|gen|jr|sr|prof|amb|hon|rev)\.$/iu;
/**
 * Labels after single spaces are read only in a text that holds at least this many: a whole
 * transcript printed as one paragraph ("…program. Q Did he raise it? MR. DONILON: Yes. …"),
 * where a lone "Q Street" after a full stop is no label.
 */
const RUN_ON_AT_LEAST = 3;

/**
 * A text with the paragraph breaks it lost put back (BREAK) before each turn that runs on inside
 * it: after a sentence's end, a "Q" and spaces ("…right?     Q    Robert, …", "…in those
 * homes.Q    These measures…"), or two spaces or more and a capitals label ("…is it right?
 * MR. GIBBS:  Well, …"), as some briefing pages print whole exchanges; with single spaces where
 * there are RUN_ON_AT_LEAST of them. Labels as the segmenter reads them (opensWithUsLabel).
 */
function withRunOnBreaks(text: string): string {
  const spaced: [number, number][] = [];
  const tight: [number, number][] = [];
  for (const m of text.matchAll(SENTENCE_GAP)) {
    const from = (m.index ?? 0) + 1;
    const to = (m.index ?? 0) + m[0].length;
    if (to >= text.length || TITLE_STOP.test(text.slice(Math.max(0, from - 6), from))) continue;
    const rest = text.slice(to);
    const gap = to - from;
    if (opensWithSpacedQ(rest) || (gap >= 2 && opensWithUsLabel(rest))) spaced.push([from, to]);
    else if (gap >= 1 && opensWithUsLabel(rest, true)) tight.push([from, to]);
  }
  const breaks = spaced.length + tight.length >= RUN_ON_AT_LEAST ? [...spaced, ...tight] : spaced;
  if (breaks.length === 0) return text;
  breaks.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [from, to] of breaks) {
    out += text.slice(at, from) + BREAK;
    at = to;
  }
  return out + text.slice(at);
}

/** Puts the lost breaks back (withRunOnBreaks) in every text of the tree, so leaves split there. */
function splitRunOnTurns(root: Element): void {
  const doc = root.ownerDocument;
  const texts: Node[] = [];
  const collect = (node: Node) => {
    if (node.nodeType === 3) texts.push(node);
    for (const child of Array.from(node.childNodes)) collect(child);
  };
  collect(root);
  for (const node of texts) {
    const text = node.textContent ?? "";
    const split = withRunOnBreaks(text);
    if (split !== text) (node as Text).replaceWith(doc.createTextNode(split));
  }
}

const BOLD_TAGS = new Set(["b", "strong"]);

/**
 * Which of a leaf's paragraphs (split as leafParagraphs splits them) are printed wholly in bold:
 * every letter of the piece inside <b> or <strong> ("<p><b>Question?</b><br>Answer.</p>" is one
 * of each).
 */
function boldPieces(leaf: Element): boolean[] {
  const pieces: { text: string; bold: boolean }[] = [{ text: "", bold: true }];
  const visit = (node: Node, inBold: boolean, inLink: boolean) => {
    if (node.nodeType === 3 || node.nodeType === 4) {
      const parts = (node.textContent ?? "").split(BREAK);
      parts.forEach((part, k) => {
        if (k > 0) pieces.push({ text: "", bold: true });
        const piece = pieces[pieces.length - 1] as { text: string; bold: boolean };
        piece.text += part;
        if ((!inBold || inLink) && /\S/u.test(part)) piece.bold = false;
      });
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).localName.toLowerCase();
    const bold = inBold || BOLD_TAGS.has(tag);
    // A link's bold is a link's ("Read also: …?"), not a question.
    const link = inLink || tag === "a";
    for (const child of Array.from(node.childNodes)) visit(child, bold, link);
  };
  for (const child of Array.from(leaf.childNodes)) visit(child, false, false);
  return pieces.filter((p) => normaliseSpace(p.text)).map((p) => p.bold);
}

/**
 * Paragraph texts of a body element: leaf-level blocks in order, <br> as a paragraph break. With
 * `bold`, the paragraphs printed wholly in bold are added to it.
 */
export function blockTexts(root: Element, bold?: Set<string>): string[] {
  for (const br of Array.from(root.querySelectorAll("br"))) br.replaceWith(BREAK);
  splitRunOnTurns(root);
  const out: string[] = [];
  // Whether an element holds a block anywhere inside, worked out once per element by walking the
  // tree (a selector query per element cost more than the rest of the page's reading).
  const holdsBlock = new Map<Element, boolean>();
  const containsBlock = (el: Element): boolean => {
    let known = holdsBlock.get(el);
    if (known === undefined) {
      known = false;
      for (const child of Array.from(el.children)) {
        if (isBlock(child) || containsBlock(child)) {
          known = true;
          break;
        }
      }
      holdsBlock.set(el, known);
    }
    return known;
  };
  // An element is a leaf when no block sits anywhere inside it; otherwise its block children are
  // walked in order and the loose text between them becomes paragraphs of its own.
  const walk = (el: Element) => {
    if (!containsBlock(el)) {
      const texts = leafParagraphs(el.textContent ?? "");
      if (bold && el.querySelector("b, strong")) {
        const flags = boldPieces(el);
        texts.forEach((t, k) => {
          if (flags[k]) bold.add(t);
        });
      }
      out.push(...texts);
      return;
    }
    let loose = "";
    for (const node of Array.from(el.childNodes)) {
      const element = node.nodeType === 1 ? (node as Element) : null;
      if (element && (isBlock(element) || containsBlock(element))) {
        out.push(...leafParagraphs(loose));
        loose = "";
        walk(element);
      } else loose += node.textContent ?? "";
    }
    out.push(...leafParagraphs(loose));
  };
  walk(root);
  return out;
}

const isBlock = (el: Element): boolean => BLOCK_TAGS.has(el.localName.toLowerCase());

function chooseProfile(doc: ParsedHtml, url: string | null): PublisherProfile {
  const byUrl = profileForUrl(url);
  if (byUrl) return byUrl;
  for (const p of PROFILES) if (p.html?.detect(doc)) return p;
  return generic;
}

interface PageDate {
  date: string | null;
  time: string | null;
  /** UTC offset when a machine-readable timestamp carries one ("+05:00"); no zone name is implied. */
  offset: string | null;
}

const ISO_OFFSET = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function readDate(doc: ParsedHtml, recipe: HtmlRecipe | null): PageDate {
  const el = recipe ? first(doc, recipe.date) : null;
  const candidates = [
    el?.getAttribute("datetime"),
    el?.textContent,
    meta(doc, ["article:published_time", "og:article:published_time", "date", "dc.date", "DC.date.issued"]),
    doc.querySelector("time[datetime]")?.getAttribute("datetime"),
  ];
  for (const c of candidates) {
    if (!c) continue;
    const parsed = parseDateline(c);
    if (parsed.date) {
      const timeEl = recipe ? first(doc, recipe.time) : null;
      const time = timeEl ? /(\d{1,2}):(\d{2})/.exec(timeEl.textContent ?? "") : null;
      if (time) return { date: parsed.date, time: `${time[1]?.padStart(2, "0")}:${time[2]}`, offset: null };
      const zone = ISO_OFFSET.exec(c.trim())?.[1] ?? null;
      const offset = zone === "Z" ? "+00:00" : zone ? zone.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2") : null;
      return { date: parsed.date, time: parsed.time, offset: parsed.time ? offset : null };
    }
  }
  return { date: null, time: null, offset: null };
}

/** A timestamp's own offset gives the instant when no zone is known; the zone stays unnamed. */
function withOffset(when: DocumentDate, offset: string | null): DocumentDate {
  if (when.dateTime || !offset || !when.date || !when.time) return when;
  return { ...when, timeZone: null, dateTime: `${when.date}T${when.time}:00${offset}` };
}

/**
 * The page's DOM. Text with no <html> is wrapped in one; markup that still leaves no document
 * element ("<html" inside a script or an attribute) is read wrapped, as a fragment; a page that
 * gives no document either way has no content.
 */
function parsePage(text: string) {
  const wrapped = () => parseHTML(`<html><body>${text}</body></html>`).document;
  let document = text.includes("<html") ? parseHTML(text).document : wrapped();
  if (!document.documentElement) document = wrapped();
  if (!document.documentElement) throw new VerbatimError("NO_CONTENT");
  return document;
}

/**
 * Readability's article element, or null when it finds none, or fails: on a DOM that malformed
 * markup left without a body it throws, and such a page is read as it stands instead.
 */
function readability(doc: globalThis.Document): Element | null {
  try {
    return (
      new Readability<Element>(doc, { charThreshold: 100, serializer: (el) => el as Element }).parse()
        ?.content ?? null
    );
  } catch {
    return null;
  }
}

/** Header lines read beside a title: this many elements after it at most, each this short. */
const HEADER_ELEMENTS = 4;
const HEADER_CHARS = 100;

/** Whether a paragraph opens with a label that holds the person's surname ("MR MILLER:", "Matthew Miller:"). */
function labelsName(paragraphs: string[], name: string): boolean {
  const surname = name.split(/\s+/u).pop()?.toLowerCase() ?? "";
  if (surname.length < 2) return false;
  return paragraphs.some((p) => {
    const colon = p.indexOf(":");
    return (
      colon > 0 &&
      colon <= 60 &&
      p
        .slice(0, colon)
        .toLowerCase()
        .split(/[\s.]+/u)
        .includes(surname)
    );
  });
}

/** The texts of the few short elements that follow the title in its parent, in order. */
function linesAfter(titleEl: Element): string[] {
  const lines: string[] = [];
  let el = titleEl.nextElementSibling;
  for (let k = 0; k < HEADER_ELEMENTS && el; k++, el = el.nextElementSibling) {
    const t = normaliseSpace(el.textContent ?? "");
    if (t.length > HEADER_CHARS) break;
    if (t) lines.push(t);
  }
  return lines;
}

export function readHtml(text: string, ctx: ReaderContext): Draft {
  const warnings: WarningCode[] = [];
  if (!/<\/html>\s*$/i.test(text.trim()) && /<html/i.test(text)) warnings.push("HTML_TRUNCATED");
  const doc = parsePage(text) as unknown as ParsedHtml & Document;
  // A fetched page is named by where it was fetched: a canonical link can be wrong (some sites
  // name their home page on every page) and would merge distinct records into one document.
  const sourceUrl =
    ctx.url ??
    meta(doc, ["og:url"]) ??
    doc.querySelector('link[rel="canonical"]')?.getAttribute("href")?.trim() ??
    null;
  const profile = chooseProfile(doc, sourceUrl);
  const recipe = profile.html;
  const language = doc.documentElement?.getAttribute("lang")?.slice(0, 2).toLowerCase() || null;

  // Title and dateline first: Readability drops datelines.
  const titleEl = recipe ? first(doc, recipe.title) : first(doc, ["h1"]);
  const title = normaliseSpace(
    titleEl?.textContent ?? meta(doc, ["og:title"]) ?? doc.querySelector("title")?.textContent ?? "",
  );
  const { date: pageDate, time, offset } = readDate(doc, recipe);
  // Without a recipe, the short lines set beside the title (a State Department page's "Matthew
  // Miller, Department Spokesperson" and "Washington, DC"), which Readability drops with it.
  const header = recipe || !titleEl ? null : headerFacts(linesAfter(titleEl));
  const placeEl = recipe ? first(doc, recipe.place) : null;
  const refEl = recipe ? first(doc, recipe.publisherRef) : null;
  const attachments: Attachment[] = [];
  if (recipe) {
    for (const s of recipe.attachments) {
      for (const a of Array.from(doc.querySelectorAll(s))) {
        const t = normaliseSpace(a.textContent ?? "");
        if (t) attachments.push({ title: t, url: a.getAttribute("href") });
      }
    }
  }

  let paragraphs: string[];
  // What is printed in bold tells an interview's questions when nothing labels them; only an
  // interview's page is looked at for it.
  const bold = INTERVIEW_TITLE.test(title) ? new Set<string>() : undefined;
  const bodyEl = recipe ? first(doc, recipe.body) : null;
  if (bodyEl && recipe) {
    for (const s of recipe.drop) for (const el of Array.from(bodyEl.querySelectorAll(s))) el.remove();
    paragraphs = blockTexts(bodyEl, bold);
  } else {
    // Everything wanted from the page as published is taken above, so Readability may rework
    // this DOM itself (no copy), and hands back its content element rather than HTML to parse again.
    const article = readability(doc as unknown as globalThis.Document);
    if (article) paragraphs = blockTexts(article, bold);
    else {
      // Readability gave up, having changed the DOM on the way: read the body as published.
      const again = parsePage(text);
      const body = again.querySelector("body");
      paragraphs = body ? blockTexts(body as unknown as Element, bold) : [];
    }
  }
  if (paragraphs[0] === title) paragraphs.shift();
  const stripped = stripFurniture(paragraphs, profile);
  paragraphs = stripped.body.filter((p) => p.trim());
  attachments.push(...stripped.attachments);
  // Generic pages often open with a dateline paragraph: take it before treating text as speech.
  let date = pageDate;
  let clockTime = time;
  if (paragraphs[0] && paragraphs[0].length < 48 && parseDateline(paragraphs[0]).date) {
    const parsed = parseDateline(paragraphs.shift() ?? "");
    date ??= parsed.date;
    clockTime ??= parsed.time;
  }
  const frame = readClockFrame(paragraphs);
  paragraphs = frame.paragraphs;
  attachments.push(...frame.notes);
  date ??= frame.releaseDate;
  // Beside a title, a name with an office is the briefer only when the transcript labels turns
  // with that name ("MR MILLER:"); a byline or a salutation is not. The place beside it counts only then.
  const briefers = (header?.briefers ?? []).filter((b) => labelsName(paragraphs, b.name));
  const besideTitle = briefers.length > 0 ? { briefers, place: header?.place ?? null } : null;
  const facts = withHeader(
    withBriefer(analyseTitle(title, ctx.registry, date), paragraphs, attachments),
    besideTitle,
  );
  date ??= facts.date;
  if (!date) warnings.push("DATELINE_MISSING");
  return {
    profile: profile.id,
    reader: recipe && bodyEl ? "html" : "html-readability",
    idKey:
      sourceUrl ?? `${profile.id}:${profile === generic ? lastTwoSegments(ctx.name) : baseName(ctx.name)}`,
    sourceUrl,
    language,
    title,
    kind: facts.kind,
    event: facts.event,
    place:
      normaliseSpace(placeEl?.textContent ?? "") || frame.place || facts.place || besideTitle?.place || null,
    when: withOffset(documentDate(date, frame.time ?? clockTime, frame.timeZone ?? profile.timeZone), offset),
    participants: facts.participants,
    titleSpeaker: facts.titleSpeaker,
    attachments,
    publisherRef:
      (refEl ? normaliseSpace(refEl.textContent ?? "") || null : null) ?? recordIdOf(profile, sourceUrl, []),
    paragraphs,
    hasDialogue: true,
    ...(bold?.size ? { emphasised: paragraphs.filter((p) => bold.has(p)) } : {}),
    warnings,
  };
}
