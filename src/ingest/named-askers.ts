/**
 * Reporters named in their labels. White House and mid.ru pages print a reporter as "Q" or
 * «Вопрос:», which the label conventions know; kremlin.ru's year-end news conferences and other
 * publishers' press events print "П.Зарубин:", "Pavel Zarubin:", a label like any official's.
 * Read as the people asked, their questions were remarks and nothing was paired.
 *
 * A labelled name is a reporter when it is nobody the page is about (not the title's people,
 * registered or named there, not the publisher's host), no registered official (unknown to the
 * registry, or registered as a journalist), and when it ends at least half of its turns on a
 * question that someone else takes up: at a press conference or a briefing once is enough;
 * elsewhere someone must ask again and again first (a discussion club's moderator, "Ф.Лукьянов:"),
 * so that a minister's one question at a meeting leaves the meeting a meeting. A foreign leader's
 * statement, an aide's answer or a rhetorical question inside an answer ends otherwise, so
 * officials stay officials. */
import type { Draft } from "./extract/draft.js";
import { asksByRole, namedOnPage } from "./hosted.js";
import type { PublisherProfile } from "./publishers/profile.js";
import { type LabelConvention, type LabelMatch, matchLabel } from "./segment/labels.js";
import { withoutStageDirections } from "./segment/words.js";
import type { SpeakerRegistry } from "./speakers/registry.js";

/** Events at which the people asked and those asking face each other. */
const PRESS_EVENTS = new Set(["press-conference", "briefing"]);
/** Monologues and remarks, and interviews, whose interviewer hosted.ts finds from the title. */
const NOT_ASKED = new Set(["statement", "speech", "remarks", "decree", "interview"]);

/** A turn that ends on a question ("…how do you see the talks?"), stage directions aside. */
const ENDS_ASKING = /[?？]["»”’)]*$/u;

interface LabelledTurn {
  name: string;
  role: LabelMatch["role"];
  text: string;
}

function labelledTurns(paragraphs: string[], conventions: LabelConvention[]): LabelledTurn[] {
  const turns: LabelledTurn[] = [];
  for (const paragraph of paragraphs) {
    const match = matchLabel(paragraph, conventions);
    const open = turns[turns.length - 1];
    if (!match) {
      if (open) open.text += `\n${paragraph}`;
      continue;
    }
    const name = match.role === "speaker" ? match.name : "";
    turns.push({ name, role: match.role, text: paragraph.slice(match.textStart) });
  }
  return turns;
}

/**
 * The conventions with reporters' named labels turned into questions; unchanged in monologues and
 * interviews, and where no name asks.
 */
export function namedAskerConventions(
  draft: Draft,
  conventions: LabelConvention[],
  profile: PublisherProfile,
  registry: SpeakerRegistry,
): LabelConvention[] {
  if (!profile.namesReporters || (draft.kind && NOT_ASKED.has(draft.kind))) return conventions;
  const press = draft.kind !== null && PRESS_EVENTS.has(draft.kind);
  const date = draft.when.date;
  const turns = labelledTurns(draft.paragraphs, conventions);
  const onPage = namedOnPage(draft, registry);
  const host = profile.host ? registry.findByRoleLabel(profile.host.label, profile.id, date)?.id : undefined;
  if (host) onPage.add(host);
  // The title's people the registry does not know, by surname in any case ("Р.Т.Эрдоган:" under
  // "…с Президентом Турции Реджепом Тайипом Эрдоганом"): a surname's last letter is its ending's.
  const titleWords = draft.title.toLowerCase().split(/[^\p{L}\p{N}-]+/u);
  const inTitle = (name: string) => {
    const surname = (
      name
        .split(/[\s.]+/u)
        .filter(Boolean)
        .pop() ?? ""
    ).toLowerCase();
    if (surname.length < 3) return false;
    const stem = surname.length >= 5 ? surname.slice(0, -1) : surname;
    return titleWords.some((w) => w.startsWith(stem));
  };
  // Each name resolved once: every turn asks about the next turn's speaker.
  const ids = new Map<string, string | null>();
  const idOf = (name: string) => {
    if (!ids.has(name)) ids.set(name, registry.resolveLabel(name, profile.id, date).speakerId);
    return ids.get(name) ?? null;
  };
  const official = (name: string) => {
    if (inTitle(name)) return true;
    const id = idOf(name);
    if (id === null) return false;
    if (onPage.has(id)) return true;
    const person = registry.get(id);
    return person !== undefined && !asksByRole(person);
  };
  // The people asked: the host, the page's people, registered officials, an unnamed "Answer:".
  const answers = (turn: LabelledTurn | undefined) =>
    turn !== undefined && (turn.role === "answer" || (turn.name !== "" && official(turn.name)));
  const hostName = (turn: LabelledTurn | undefined) =>
    turn !== undefined && turn.name !== "" && host !== undefined && idOf(turn.name) === host;
  const counts = new Map<string, { turns: number; asking: number; calledByHost: boolean }>();
  turns.forEach((turn, i) => {
    if (!turn.name) return;
    const count = counts.get(turn.name) ?? { turns: 0, asking: 0, calledByHost: hostName(turns[i - 1]) };
    count.turns++;
    // Taken up by someone asked, not by another voice from the floor or a "Вопрос:".
    if (answers(turns[i + 1]) && ENDS_ASKING.test(withoutStageDirections(turn.text).trim())) count.asking++;
    counts.set(turn.name, count);
  });
  // A name that first speaks right after the host ("Пусть ответит министр." "В.Савельев: …") was
  // called on to answer, whatever it asks back.
  const asks = (least: number) =>
    new Set(
      [...counts]
        .filter(
          ([name, c]) => c.asking >= least && c.asking * 2 >= c.turns && !c.calledByHost && !official(name),
        )
        .map(([name]) => name),
    );
  // Elsewhere (a discussion club's session, a forum) someone must ask again and again before the
  // event counts as questions put; then anyone may ask once.
  const askers = press || asks(2).size > 0 ? asks(1) : new Set<string>();
  if (askers.size === 0) return conventions;
  return conventions.map((convention) => (paragraph) => {
    const match = convention(paragraph);
    return match?.role === "speaker" && askers.has(match.name) ? { ...match, role: "question" } : match;
  });
}
