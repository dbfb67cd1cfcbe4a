/**
 * Thanks, greetings, farewells, apologies and acknowledgements, with the names they address: the
 * turns and sentences that say nothing but courtesy, in English and Russian.
 */
import { sentencesOf, spokenWordCount } from "./words.js";

// Who is addressed: "Jen", "Mr. President", "[senior administration official]", "guys", "everyone".
const ONE_ADDRESSED = String.raw`(?:(?:[Mm]r|[Mm]rs|[Mm]s|[Dd]r|[Dd]rs|[Mm]adam|[Mm]adame|[Ss]ir|[Mm]a'am|[Mm]a’am)\.?(?:\s+\p{Lu}[\p{L}’'\-]*){0,2}|\p{Lu}[\p{L}’'\-]*(?:\s+\p{Lu}[\p{L}’'\-]*){0,2}|guys|everyone|everybody|all|folks|you all|y'all|коллеги|друзья)`;
// Two addressed at once: "Thanks, Drs. Fauci and Walensky."
const VOCATIVE = String.raw`${ONE_ADDRESSED}(?:\s+(?:and|и|і)\s+\p{Lu}[\p{L}’'\-]*)?`;
const LEADING_FILLER =
  /^(?:(?:oh|ok|okay|all right|alright|well|great|good|so|yes|yeah|sure|absolutely|right|hey|hi|hello|ну|хорошо|ладно|да)[,.!]?\s+)+/iu;

// A sentence that is only courtesy: thanks, greetings, farewells, apologies, acknowledgements.
const COURTESY_SENTENCE = new RegExp(
  [
    String.raw`(?:thank you|thanks)(?: all| both| again| everyone| everybody| guys)?(?: (?:so|very) much| a lot| all| again| everyone| everybody| guys)?(?: for (?:\S+\s?){1,6})?`,
    "(?:good|great|nice) (?:morning|afternoon|evening|night|day|to see you|to be here|to be with you)(?: all| everyone| everybody)?",
    "(?:hi|hello|hey)(?: there| everyone| everybody| all)?",
    "(?:ok|okay|all right|alright|no problem|no worries|you're welcome|you’re welcome|my pleasure|sorry|(?:i'm|i’m|i am) (?:so |very |really |terribly )?sorry|i apologi[sz]e(?: for (?:that|the (?:delay|confusion|interruption)))?|(?:my )?apologies|excuse me|pardon|bye|goodbye|take care|cheers)",
    "(?:(?:i|we) )?(?:really |truly )?appreciate (?:it|that|you|this)(?: very much)?",
    // A guest thanked on leaving the podium: "You're invited anytime.", "Invited back anytime."
    "(?:(?:you're|you’re|you are) )?(?:always )?(?:invited|welcome) (?:back )?(?:any ?time|again)",
    "(?:we(?:'d|’d| would) )?love to have you (?:back|again)(?: again| soon| any ?time)?",
    "(?:that's|that’s|that is|that was)(?: very| really| so)? (?:helpful|great|useful|kind|good)",
    "how are you(?: doing)?",
    // "Welcome to the White House.", "Welcome back."
    "(?:and )?welcome(?: back)?(?: (?:to|aboard) (?:the |this |our )?[a-z ]{1,30})?(?: everyone| everybody| all)?",
    // Exclamations that say nothing yet: "Oh, my goodness."
    "(?:oh,? )?(?:my goodness|my gosh|my god|goodness|gosh|geez|jeez)(?: gracious)?",
    // An interview's goodbye: "Thank you so much. I enjoyed it.", "It's been a pleasure."
    "(?:i )?(?:really |thoroughly |truly )?enjoyed (?:it|this|that|our conversation|the conversation|talking (?:to|with) you)",
    "(?:it was|it's been|it’s been|it has been)(?: a| my| a real| a great)? (?:pleasure|honou?r)(?: to be (?:here|with you))?",
    "(?:great|good|nice) (?:talking|to talk) (?:to|with) you",
    "how(?:'s| is|’s) everybody(?: doing)?|how(?:'s| is|’s) everyone(?: doing)?|how are (?:we|you all|y'all)(?: doing)?",
    // A press call's sound check: "Hi, can you hear me?", "Yes, we can hear you."
    "(?:can|could|do) you (?:all )?(?:hear|see) (?:me|us)(?: (?:okay|ok|all right|alright|now|well))?",
    "(?:we|i) (?:can )?hear you(?: (?:fine|well|now|okay|ok))?",
    "(?:happy|merry) (?:new year|holidays|christmas|thanksgiving|monday|tuesday|wednesday|thursday|friday|weekend)(?: to (?:you|all of you|everyone))?",
    // A briefer's farewell: "Have a good afternoon.", "Enjoy your weekend."
    "(?:have|enjoy) (?:a (?:good|great|nice|wonderful|lovely) |your )(?:afternoon|day|evening|weekend|night|one|holiday|holidays)",
    // "See you tomorrow.", "I'll see you all on Monday." (a spokesperson closing the daily briefing).
    "(?:(?:i|we)(?:'ll|’ll| will) )?(?:see|talk to) you(?: all| guys| again)? (?:tomorrow|later|soon|next (?:week|time)|(?:on )?(?:monday|tuesday|wednesday|thursday|friday)|in a (?:bit|while))",
    "(?:до завтра|до встречи|до зустрічі)",
    // «Спасибо вам всем.», «Всем спасибо.», «Дякую всім.»; thanks for listening close a statement.
    "(?:(?:всем|вам) )?(?:большое )?спасибо(?: (?:вам|большое|всем)){0,2}(?: за внимание)?",
    "(?:(?:всім|вам) )?(?:щиро )?дякую(?: (?:вам|всім|дуже)){0,2}(?: за увагу)?",
    "благодарю(?: (?:вас|всех)){0,2}(?: за внимание)?",
    "(?:добрый|доброе|добрий|доброго) (?:день|дня|вечер|вечір|вечора|утро|ранок|ранку)",
    "здравствуйте|вітаю",
    // The Ukrainian sign-off and its answer.
    "слава україні|героям слава|glory to ukraine|glory to (?:the|our) heroes",
    "(?:всего доброго|всего хорошего|до свидания|до побачення|извините|простите|вибачте)",
  ].join("|"),
  "iu",
);

const TRAILING_VOCATIVES = new RegExp(`(?:,\\s*${VOCATIVE})+$`, "u");
export const LEADING_VOCATIVE = new RegExp(`^${VOCATIVE},\\s*`, "u");
const WHOLE_COURTESY = new RegExp(`^(?:${COURTESY_SENTENCE.source})$`, "iu");
/** Longer than any courtesy sentence, however many names it addresses. */
const COURTESY_MAX_CHARS = 160;

export function isCourtesySentence(sentence: string): boolean {
  let s = sentence.trim().replace(/[\s.!?…,;:]+$/u, "");
  if (s === "") return true;
  if (s.length > COURTESY_MAX_CHARS) return false;
  // "Thank you, Karine", "Thanks, Mr. President", "Okay, thank you, guys", "Mr. President, thank
  // you very much": drop the names addressed ("Thank you Dr. Fauci, Dr. Walensky": with or without
  // the comma after the thanks).
  s = s
    .replace(/^((?:[Oo]kay,?\s+)?(?:[Tt]hank you|[Tt]hanks))\s+(?=\p{Lu})/u, "$1, ")
    .replace(TRAILING_VOCATIVES, "")
    .replace(LEADING_VOCATIVE, "");
  // "Good afternoon" is a greeting whole: "Good" is filler only before something else.
  if (WHOLE_COURTESY.test(s.trim())) return true;
  s = s.replace(LEADING_FILLER, "");
  if (/^(?:ok|okay|all right|alright|oh|well|great|good|hi|hello|hey|sure|absolutely|right)$/iu.test(s))
    return true;
  return WHOLE_COURTESY.test(s.trim());
}

/**
 * Thanks, greetings and the like and nothing else, in a few words: "Thank you.", "Thanks, Jen.",
 * "Okay. Thank you.", "Hi, John. Thank you.", "No problem. All right?", "Спасибо."
 */
export function isCourtesy(text: string): boolean {
  const words = spokenWordCount(text, 16);
  if (words === 0 || words > 16) return false;
  const sentences = sentencesOf(text);
  return sentences.length > 0 && sentences.every(isCourtesySentence);
}

/** Thanks to the whole room and nothing else: "Thanks, everybody.", "Okay. All right. Thanks, guys. Appreciate you all." */
export const thanksTheRoom = (text: string) =>
  isCourtesy(text) &&
  (/\b(?:thanks?|thank you)\b[^.!?]*\b(?:everybody|everyone|all|guys|folks|y'all|y’all)\b/iu.test(text) ||
    /(?<![\p{L}\p{N}])(?:всем|всех|всім|всіх)(?![\p{L}\p{N}])/iu.test(text));

/** "All right. Thank you both so much for coming.": a guest thanked for joining, their part of the briefing closed. */
export const thanksForJoining = (text: string) =>
  isCourtesy(text) &&
  /\b(?:thanks?|thank you)\b[^.!?]*\bfor (?:joining(?: us)?|coming(?: in| out| by)?|being (?:here|with us)|stopping by)\b/iu.test(
    text,
  );

/** The last sentence thanks the room or says goodbye: "… Thanks, everyone.", "We have to go. … Thanks, guys." */
export function endsWithSignOff(text: string): boolean {
  const last = sentencesOf(text).at(-1);
  return (
    last !== undefined &&
    /^(?:\S+\s)?(?:thank|thanks|спасибо|благодарю)/iu.test(last) &&
    isCourtesySentence(last)
  );
}
