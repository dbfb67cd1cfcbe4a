/**
 * Whether a reporter's words ask: a question put (even cut off before its question mark), the
 * subject of one named first, leave asked to put one, or a bid for the floor and nothing more.
 */
import { isCourtesySentence, LEADING_VOCATIVE } from "./courtesy.js";
import {
  foldWord,
  hasQuestionMark,
  isCutOff,
  ONE_ADVERB,
  SENTENCE_END,
  sentencesOf,
  spokenWordCount,
  spokenWords,
  withoutStageDirections,
} from "./words.js";

// "A follow-up?", "Can I follow up?", "One more?": asking for the floor, not yet a question.
const FOLLOW_UP_BID =
  /^(?:(?:can|could|may) i (?:just )?(?:ask (?:a|one) )?|(?:just )?(?:a|one) (?:quick )?)?(?:follow[- ]?up|more|last one|quick one|change (?:of|the) (?:topic|subject)|(?:another|a different|a new) (?:topic|subject))\s*[?.]?$/iu;

/**
 * One word that asks what no name can, of the answer just given: a question word ("Why?",
 * "When?") or an adverb by its ending ("Informally?", "Officially?").
 */
const asksNotCalls = (t: string) =>
  /\?$/u.test(t) && (/^(?:why|when|how|where|who|what|which)\s*\?$/iu.test(t) || ONE_ADVERB.test(t));

/** A name called ("Karine?", "Mr. President —") or the floor asked for ("A follow-up?"), in at most six words. */
const bidsByName = (t: string) =>
  (/^(?:(?:[Mm]r|[Mm]rs|[Mm]s|[Mm]adam)\.?\s+)?\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)?\s*[?—–-]+$/u.test(
    t,
  ) &&
    !asksNotCalls(t)) ||
  FOLLOW_UP_BID.test(t);

/** A bid for the floor by name or by asking for it: "Karine?", "Mr. President —", "A follow-up?". */
export function isNamedBid(text: string): boolean {
  const t = text.trim();
  return spokenWordCount(t, 6) <= 6 && bidsByName(t);
}

/** A bid for the floor and nothing more: a named bid, or a few words cut off ("On Ukraine —"). */
export function isFloorBid(text: string): boolean {
  const t = text.trim();
  return spokenWordCount(t, 6) <= 6 && (bidsByName(t) || (isCutOff(t) && !hasQuestionMark(t)));
}

// "Can I ask one on Ukraine?", "And can I ask you about Loretta Lynch?": leave to put a question asked for.
// "Can I go back to the bulk collection program?" asks for the floor the same way.
const PERMISSION_BID =
  /^(?:(?:and|but|so|okay|ok)[,\s]+)?(?:can|could|may) (?:i|we) (?:just )?(?:also )?(?:(?:ask|get|have|do)\b(?: you)?(?: (?:a|one|two|another|one more|a couple(?: of)?)(?: (?:quick|last|more|other))*(?: (?:questions?|ones?|follow-?ups?|follow-?up questions?))?)?(?: (?:on|about|regarding) [^?]{1,60})?|(?:go|come|turn|switch|move|get|pivot)(?: back)? to [^?]{1,60}|(?:follow up|change (?:the )?(?:subject|topics?))(?: (?:on|about|with) [^?]{1,60})?)\s*\?$/iu;

/** Asks leave to put a question, and puts none yet: "And can I ask one on Ukraine?" */
export function asksLeave(text: string): boolean {
  if (spokenWordCount(text, 16) > 16) return false;
  // "Hi. Thanks. Can I ask you about the G7 in June?": the courtesy before it set aside.
  const rest = sentencesOf(text).filter((s) => !isCourtesySentence(s));
  return (
    rest.length === 1 &&
    spokenWordCount(rest[0] as string, 12) <= 12 &&
    PERMISSION_BID.test((rest[0] as string).trim())
  );
}

// "I have a follow-up on sanctions and energy.", "I've got a couple questions", "I want to follow
// up on Governor Cuomo, and then I have a question about schools.": questions announced.
const ANNOUNCED =
  /\b(?:i(?:'ve|’ve| have)(?: got)?|i got|i (?:want|wanted) to (?:ask|follow up)|i(?:'d|’d| would) like to (?:ask|follow up)|(?:a|one|two|three|a couple(?: of)?|a few)(?: more| quick| last| other)* (?:questions?|follow-?ups?)|one more\b)/iu;

/** Says that questions are coming, in a few words, and puts none yet. */
export function announcesQuestions(text: string): boolean {
  return (
    ANNOUNCED.test(text) && spokenWordCount(text, 30) <= 30 && !hasQuestionMark(text) && !putsAQuestion(text)
  );
}

// How questions open, in English and Russian; a bare "when" or "what" also opens relative clauses
// ("But when it comes to —"), so those count only with an auxiliary after them.
// A request for comment asks as a question does: "Comment on…", "Прокомментируйте…", "Розкажіть…".
const REQUEST =
  /^(?:(?:please|пожалуйста|будь ласка),?\s+)?(?:(?:just )?to (?:confirm|clarify)|so you(?:'re|’re| are) saying|comment|tell us|tell me|explain|describe|talk (?:to us )?about|walk us through|give us|update us|прокомментируйте|расскажите|поясните|уточните|скажите|объясните|прокоментуйте|розкажіть|поясніть|уточніть|скажіть)(?![\p{L}])/iu;

const INTERROGATIVE =
  /^(?:(?:what|when|who|how|which)\s+(?:do|does|did|is|are|was|were|will|would|can|could|should|has|have|about|kind|sort|much|many|long|far|happens|happened)\b|why\b|where\s+(?:do|does|did|is|are|was|were|will|would|can)\b|(?:is|are|was|were|do|does|did|will|would|can|could|should|has|have|had)\s+(?:you|he|she|it|they|we|the|there|this|that|anyone|anybody|any|your|his|her|their|our|mr|ms|mrs|president)\b|(?:почему|зачем|когда|где|кто|сколько|каким образом|как вы|что вы|какие|какой|какая)\s)/iu;

/**
 * A question is being put, even if cut off before its question mark: some clause opens with an
 * interrogative ("Mr. President, are you meeting with other groups of lawmakers —").
 */
export function putsAQuestion(text: string): boolean {
  if (hasQuestionMark(text)) return true;
  return withoutStageDirections(text)
    .split(/[.,;:!—–]|--/u)
    .some((clause) => {
      const c = clause.trim().replace(/^(?:and|but|so|or|а|и|но)\s+/iu, "");
      return INTERROGATIVE.test(c) || REQUEST.test(c);
    });
}

// "And one on Afghanistan.", "Quick question on tomorrow.", "I wanted to ask you about Tunisia.",
// "On the “semi-fascism” comment.", "First of all, on food aid —": the subject of a question named
// before it is put; "Can I follow up on that?" or "going Bloomberg on you" name none.
const SUBJECT_NAMED =
  /(?:^(?:(?:and|then|so|okay|ok|now|also|but|just|first(?: of all)?|second(?:ly)?|finally)[,\s]+)*|\b(?:questions?|ones?|follow[- ]?ups?|ask(?:\s+you)?|asking(?:\s+you)?)\s+(?:(?:just|quickly|real quick|very quickly)\s+)?)(?:on|about|regarding)\s+(?!(?:you|that|this|it|him|her|them)\b)\p{L}/iu;

/**
 * A reporter's words that name what they are about to ask, without asking it yet: "Thanks, Jen.
 * And one on Afghanistan." The question has begun; "Two questions —" or "Just one more." only bid.
 */
export function namesSubject(text: string): boolean {
  if (putsAQuestion(text)) return false;
  return withoutStageDirections(text)
    .split(SENTENCE_END)
    .filter((s) => /\p{L}/u.test(s) && !isCourtesySentence(s))
    .some((s) => SUBJECT_NAMED.test(s.trim().replace(/^(?:—|–|--|\.\.\.|…)\s*/u, "")));
}

// Words a bid for the floor is made of ("And one very quick one —", "Can I ask a —", "And then —"):
// a fragment with any other word in it ("January 6th’s Select Committee —") has begun to say something.
const BID_WORDS = new Set(
  "and then but so or no okay ok all right just one more quick quickly fast very real really last another a an the two three couple of question questions follow up followup clarify check add can could may might i id ive ask have had got sorry hi hey yeah yes well also on that this first second let me if thing things something else different topic subject other like now here go back to you actually want wanted wonder wondering is it its when what how where why who which there they he she we for um uh".split(
    " ",
  ),
);

/** Only the words of a bid for the floor, courtesy and names addressed aside: nothing of a question said yet. */
export function onlyBids(text: string): boolean {
  return withoutStageDirections(text)
    .split(SENTENCE_END)
    .filter((s) => /\p{L}/u.test(s) && !isCourtesySentence(s))
    .every((s) =>
      spokenWords(
        s
          .trim()
          .replace(/^(?:—|–|--|\.\.\.|…)\s*/u, "")
          .replace(LEADING_VOCATIVE, ""),
      ).every((w) => BID_WORDS.has(foldWord(w))),
    );
}

/**
 * The turn opens by asking, or asks "or…?" after a guess: "Are you suggesting that we're trying to
 * assist the --", "Specifically about the GOP agenda, or — can you —"; not "What we have said,
 * Major, is that the --", whose "is that" goes on from a statement.
 */
export function opensAsking(text: string): boolean {
  if (hasQuestionMark(text)) return true;
  const clauses = withoutStageDirections(text).split(/[.,;:!—–]|--/u);
  return clauses.some((clause, i) => {
    const c = clause.trim();
    if (i > 0 && !/^or\b/iu.test(c) && c !== "") return false;
    const bare = c.replace(/^(?:and|but|so|or|а|и|но)\s+/iu, "");
    return INTERROGATIVE.test(bare) || REQUEST.test(bare);
  });
}
