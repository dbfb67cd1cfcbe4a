/**
 * What the people asked and the chair say to run the room and the page, read without their
 * neighbours: the floor handed on, a reporter called, time called, the event opened or closed, a
 * guest introduced, a question asked back or not heard, the sound of a call, a briefer's own items,
 * and the publisher's notes and place lines. The phrases are those of the genre (White House
 * briefings, gaggles and press calls; MFA and Kremlin press events), in English and Russian;
 * position is weighed in turn-kinds.ts.
 */
import { isCourtesy, isCourtesySentence } from "./courtesy.js";
import { callsOnOutlet, isOutletName } from "./labels.js";
import {
  hasQuestionMark,
  isBrokenOff,
  ONE_ADVERB,
  sentencesOf,
  splitSentences,
  spokenWordCount,
  withoutStageDirections,
} from "./words.js";

// Handing the floor: to the next reporter, to the operator, to the next speaker. Every pattern
// holds one of HAND_OFF_CUE's words: a pattern added here adds its word there
// (tests/corpus/dev-corpus.test.ts checks it against every sentence of the dev corpus).
export const HAND_OFF = [
  /\bgo ahead\b/iu,
  /\bnext question\b/iu,
  // Opening the floor: "Who's first?", "Who wants to go first?", "Who has the first question?"
  /\bwho(?:'s|’s| is| wants to (?:go|start)| has(?: got)?) (?:first|next|the first question|a question)\b/iu,
  /\b(?:first|next|final|last) question (?:will |is going to )?(?:come|comes|is|goes) (?:from|to)\b/iu,
  /\boperator\b/iu,
  /\bopen (?:up )?the (?:lines|floor)\b/iu,
  /\b(?:i'll|i’ll|i will|we'll|we’ll|we will|let me|let's|let’s) (?:take|go to|call on|answer|get to) (?:her|him|you|them|the next|one more|a (?:couple|few))\b/iu,
  /\b(?:[Ll]et me|[Ll]et's|[Ll]et’s|I'll|I’ll|[Ww]e'll|[Ww]e’ll|[Cc]ould I|[Cc]an I) (?:go (?:back |over )?to|call on|turn to|do|take|go with) \p{Lu}/u,
  /\bcalled on\b|\bcall on\b/iu,
  // Keeping the queue: "I'm going to come back because I didn't take your question.", "And then
  // I'll come around.", "I was pointing to Sebastian.", "I'll stay a little longer and take some questions."
  // ("We'll get back to you." and "We'll come back to you." answer: they promise an answer later.)
  /\b(?:i'll|i’ll|i will|i'm going to|i’m going to|let me|we'll|we’ll) come (?:back|right back)(?: to (?:you|her|him|them|that side))?(?=\s+because\b|\s+in a (?:second|minute|moment)\b)|\b(?:i'll|i’ll|i will|i'm going to|i’m going to|we'll|we’ll) come around\b/iu,
  /\b(?:i was|i'm|i’m) pointing (?:to|at)\b/iu,
  // "I'll come back." (to this reporter, later); "I'll go to the back after…"; not "We'll come back to you on that".
  /^(?:(?:okay|ok|all right|yeah|sorry)[,.]?\s+)*(?:i'll|i’ll|i will|we'll|we’ll) come back[.!]?$/iu,
  /\b(?:i'll|i’ll|i will|let me|we'll|we’ll) go to the back\b/iu,
  /\b(?:i'll|i’ll|i will|i can) stay (?:(?:a|for a) (?:little|bit|few|couple|minute|second)|longer|on)\b/iu,
  /\btake (?:some|a few|a couple(?: of)?|more|a couple more|a few more|one or two) (?:more )?questions\b/iu,
  /\b(?:turn|hand) (?:it|this|things) (?:back )?over to\b|\bover to you\b/iu,
  // "We're going to move on, Simon."
  /\b(?:we're|we’re|we are|i'm|i’m|let's|let’s|let us) (?:going to |gonna )*(?:have to )?move on\b/iu,
  // "All right, let's go to questions, please.", "why don't we get to the questions."
  // "Let's open it up for a few questions.", "so let's do questions", "let's open up to Q&A"
  /\b(?:let(?:'s|’s| us)|we(?:'ll|’ll| will)|i(?:'ll|’ll| will)|why don(?:'t|’t) we|(?:i(?:'m|’m| am)|we(?:'re|’re| are)) going to) (?:now )?(?:go|get|move|turn|open (?:it |this |things )?up|do|start with|begin with)(?: right)?(?: (?:to|for|into))? (?:a few |some |your |the |a couple of )?(?:questions|q ?& ?a|q and a)\b/iu,
  // "I don't have any announcements at the top." before the floor is opened.
  /^(?:(?:so|and|okay)[,.]?\s+)?(?:i (?:don(?:'t|’t)|do not) have any|i have no|no) announcements\b/iu,
  // "Do you want to answer that?" to a colleague at the podium.
  /^(?:(?:okay|so|and)[,.]?\s+)?(?:do )?you want to (?:answer|take|handle|address) (?:that|this|it)(?: one)?\??$/iu,
  // "Please, [senior administration official], go for it."
  /\bgo for it\b/iu,
  // "Nancy, kick us off."
  /\b(?:kick (?:us|it|things) off|get us started|start us off)\b/iu,
  /^(?:yes|yeah|please)[,.]? (?:sir|ma'am|ma’am)[.!?]?$/iu,
  /^(?:yes|yeah|please)\?$/iu,
  // "Yeah, please." giving the floor back; "The podium is yours."
  /^(?:(?:yes|yeah|sure|okay|ok),?\s+)?please[.!]?$/iu,
  /\b(?:the )?(?:podium|floor|mic|microphone) is (?:all )?yours\b/iu,
  // "Okay, we're going to take two more."
  /\b(?:we're|we’re|we are|i'm|i’m|i am) (?:going to|gonna) take (?:one|two|three|a couple|a few)(?: more)?(?: questions?)?\b/iu,
  /следующий вопрос|ваш вопрос|(?:передаю|предоставляю|предоставляется) слово|слово (?:имеет|предоставляется)|последний вопрос/iu,
  /^(?:пожалуйста|прошу|давайте)[.!,]?(?:\s|$)/iu,
  /наступне питання|ваше питання|останнє питання|(?:передаю|надаю) слово|слово (?:має|надається)/iu,
  /^(?:будь ласка|прошу)[.!,]?(?:\s|$)/iu,
  // Opening the floor: "Colleagues, we can begin.", "Коллеги, у нас есть время на несколько вопросов."
  /\b(?:we|you) (?:can|may|could) (?:now )?(?:begin|start|get started)\b|\blet(?:'s|’s| us) (?:begin|start|get started)\b/iu,
  /\b(?:time|room) for (?:a few|a couple(?: of)?|several|some|one or two|two|three) (?:more )?questions\b/iu,
  /можно начинать|начинаем|(?:давайте )?начн[её]м|время на (?:несколько|пару|два|три|один|одного|последний)[^.?!]{0,20}вопрос|можна починати|почнемо|час на (?:кілька|декілька|пару|одне|два)[^.?!]{0,20}питан/iu,
];

/**
 * Words one of which every HAND_OFF pattern holds: three sentences in four have none, and are
 * told so by one scan instead of forty (the forty were a fifth of reading a briefing).
 */
export const HAND_OFF_CUE =
  /ahead|question|who|operator|open|take|call|answer|get to|go (?:to|back|over|with)|turn to|do |come|point|back|stay|over|move on|announcement|want to|go for|kick|start|sir|ma['’]am|please|yours|yes|yeah|begin|вопрос|слово|пожалуйста|прошу|давайте|питан|будь ласка|начин|начн|почин|почн|наступне|ваше|надаю|передаю|предоставля|надається|останнє|q ?&|q and a/iu;

// Managing the event: ground rules of a press call, introducing the speaker, closing, time calls.
const GROUND_RULES =
  /\bon (?:deep )?background\b|\bon the record\b|\bembargo(?:ed)?\b|\battribut(?:able|ed) to\b|\bground rules?\b|\bnot for reporting\b|\bfor your awareness\b/iu;
// Cyrillic words after a space or stop: \b knows only ASCII words.
const INTRODUCTION =
  /\b(?:[Ll]et me introduce|[Ii](?:'d|’d| would) like to introduce|[Jj]oining us|with us (?:again )?today|(?:excited|pleased|happy|delighted|glad|thrilled) to have (?!you\b)|[Ww]e have (?:the (?:premiere|pleasure|honor|privilege) of|with us|here) |(?:[Ww]e have|[Jj]oining us is|[Ww]e(?:'re|’re| are) joined by|bring you) (?:a |our |another )?(?:very )?special guests?\b|\b(?:is|are) here with us\b|(?:[Hh]e|[Ss]he|[Tt]hey) (?:has|have|will have) (?:time|a few minutes|a hard stop)\b|(?:[Hh]e|[Ss]he|[Tt]hey)(?:'ll| will) take (?:a few |some |a couple of |your )?questions|[Oo]ur (?:speaker|briefer)s?\b|(?:[Hh]e|[Ss]he|[Tt]hey) (?:can|will) (?:talk|speak|walk|take) (?:to )?you|[Tt]his is \p{Lu}\p{Ll}+ \p{Lu}|(?:I'm|I’m|I am|[Ww]e're|[Ww]e’re|[Ww]e are) joined (?:today |tonight |here |this (?:morning|afternoon|evening) )?by\b|\b[Ii] have with me\b|(?<!\b(?:I|[Ww]e|[Yy]ou))(?: will|'ll|’ll) (?:make|give|deliver) (?:an? )?(?:opening|introductory|brief) (?:remarks|statement)|(?<!\b(?:I|[Ww]e|[Yy]ou))(?: will|'ll|’ll) (?:then )?(?:answer|take) (?:your |some )?questions|(?<!\b(?:I|[Ww]e|[Yy]ou))(?: will|'ll|’ll| is going to) (?:start|begin|open) with (?:some |a few |a |his |her |their )?(?:brief |short )?(?:opening|introductory) (?:remarks|words|statement|comments))|(?:^|[\s,.;:!?«"])(?:(?:выступит|выступят) со вступительным словом|(?:ответит|ответят) на (?:ваши )?вопросы|[Пп]редоставляю слово|[Сс]лово предоставляется|[Нн]адаю слово|(?:дасть|дадуть) відповіді на (?:ваші )?запитання)/u;
// "На этом пресс-конференция завершена.", "На этом всё.", "На цьому брифінг завершено." (no \b
// before Cyrillic: it knows only ASCII words).
const CLOSING =
  /(?:^|[\s,.!])на (?:этом|цьому)(?:\s[^.?!]{0,40}?)?\s(?:заверш|законч|оконч|закінч)|(?:^|[\s,.!])на (?:этом|цьому) (?:всё|все|усе)[.!]|(?:^|[\s,.!])(?:последний|останнє) (?:вопрос|питання)|\b(?:last|final) question\b|\bthat concludes\b|\b(?:that's|that’s|that is) (?:it|all)(?: for| we have| the time)\b|\bthanks? (?:you )?(?:all |everyone )?for joining\b|\bembargo\b|\bfollow up with (?:me|us)\b|\breach out to (?:me|us)\b|\bhard stop\b|\bwrap (?:it |this )?up\b|\byou know where to find (?:me|us)\b|\b(?:we'll|we’ll|we will) (?:be )?(?:doing|do|hold|holding|have|having) (?:this|another|the next|our next) (?:briefing|call|press call|gaggle)\b/iu;
const TIME_CALL =
  /\b(?:(?:we|you|i|he|she|they|the pool|pool) (?:need|needs|have|has|got|gotta|(?:'ve|’ve) got)(?: to)?|(?:i'm|i’m|we're|we’re) (?:going to|gonna)(?: have to)?) (?:go|gather|wrap(?: (?:it|this|things) up)?|leave|move|land)(?=\s*(?:[.,!;?—–]|--|$|so\b|now\b))|\bout of time\b|\bhard stop\b|\b(?:going to|gonna|(?:we|i)(?:'ll|’ll| will)|let me|let(?:'s|’s) (?:just )?) (?:do|take) (?:one|two|three|a couple|a few)(?: more)?(?: questions?)?\b|\b(?:happy|glad) to take (?:another|one more|a few more|a couple more)(?: questions?| ones?)?\b|^\s*(?:(?:okay|ok|all right|and)[,.]?\s+)*(?:the )?last one\s*[.!]?$|\b(?:this|that|it)(?:'s|’s| is| will be| is going to (?:have to )?be|(?:'s|’s| has) got to be) (?:the|our|my) last one\b|\b(?:one|two|three|a couple|a few|couple)(?: of)? more questions?\b|\blast question\b|\b(?:minutes?|time) left\b/iu;

// "Two more.", "Last one.": a sentence that counts the questions left; it runs the room beside a
// name called or a hand-off, but alone it may answer ("And the governors?" "Two more.").
const COUNTED =
  /^\s*(?:(?:okay|ok|all right|and)[,.]?\s+)*(?:(?:one|two|three|a couple|a few)(?: of)? more|(?:the )?last one)(?: questions?)?(?:,? and (?:then )?(?:we(?:'ll|’ll| will)|i(?:'ll|’ll| will)|she(?:'ll|’ll| will)|he(?:'ll|’ll| will))\b[^.!?]*)?\s*[.!]?$/iu;

/** "Just, like, two more.": how many questions are left, said after an answer (turn-kinds.ts). */
export const isQuestionsLeft = (text: string) =>
  spokenWordCount(text, 6) <= 6 &&
  /\b(?:one|two|three|a couple|a few|couple)(?: of)? more(?: questions?)?\s*[.!]?$/iu.test(text.trim());

/** Titles a person is addressed or called by: "Dr. Walensky", "Secretary Mayorkas". */
export const ADDRESS_TITLES = [
  "Dr",
  "Mr",
  "Mrs",
  "Ms",
  "Secretary",
  "Director",
  "Administrator",
  "Ambassador",
  "General",
  "Admiral",
  "Senator",
  "Governor",
] as const;
const ADDRESS_TITLE = `(?:${ADDRESS_TITLES.join("|")})`;

// Handing a question to a colleague at the podium, by name: "Rochelle, anything to add?",
// "[Senior administration official], do you want to take that?" (a press call's name withheld),
// "Okay. Tony, you want to add?" ("I don't have anything further" hands nothing to anyone).
const COLLEAGUE_HAND_OFF = new RegExp(
  String.raw`^(?:(?:okay|ok|all right|great|so|yeah|and|maybe|with that)[.,!]?\s+)*(?!(?:Well|So|Yes|Yeah|No|Okay|Look|Now|Oh|And|But|Sure|Right|Again|Listen|Actually|First|Second|Thanks|Thank|Great|Absolutely)(?![\p{L}\p{N}]))(?:(?:${ADDRESS_TITLE}\.?\s+)?\p{Lu}[\p{L}’'-]+|\[[^\]]{1,60}\]),\s.{0,40}?(?:\banything (?:else )?to add\b|\bany(?:thing)? further\b|\b(?:want|like|care) to (?:add|jump in|weigh in|take (?:that|this|it)|speak to|talk (?:to|about)|address|start|outline|answer|handle|kick (?:us |it |things )?off|get (?:us |it |things )?started|go first|pick (?:that|this|it) up)\b|\bwhy don(?:'t|’t) you (?:start|take|go|begin|kick)\b|(?<!\b[Ii] )\b(?:can|could) (?:you )?(?:outline|speak to|talk (?:to|about)|address|take|walk us through)\b|(?<![\p{L}\p{N}])(?:что-нибудь добавить|хотите добавить))`,
  "iu",
);

// The same with the name last: "Anything you’d like to add, Dr. Fauci?"
const ADD_ANYTHING = new RegExp(
  String.raw`^(?:(?:[Oo]kay|OK|[Aa]nd|[Ss]o|[Gg]reat)[.,!]?\s+)*(?:[Aa]nything|[Ss]omething) (?:else )?(?:(?:you(?:'d|’d| would) like|you want|you care) to add|to add)(?:,\s*|\s+)(?:${ADDRESS_TITLE}\.?\s+)?\p{Lu}[\p{L}’'-]+\s*\?$`,
  "u",
);

// "We'll start with Reuters.", "Let's go with the Financial Times.": the floor given to a newsroom.
const STARTS_WITH =
  /(?:^|[.!?]\s+)(?:(?:okay|ok|so|and|now)[,.]?\s+)*(?:we(?:'ll|’ll| will)|let(?:'s|’s| us)|i(?:'ll|’ll| will)) (?:start|begin|go|continue)(?: now)? with ([^.?!]{2,60})[.!?]?$/iu;

/** Words that hand the floor on, at any length (a moderator's turn may say more first). */
export const mentionsHandOff = (text: string) => {
  const t = text.trim();
  const outlet = STARTS_WITH.exec(t)?.[1];
  return (
    (HAND_OFF_CUE.test(t) && HAND_OFF.some((r) => r.test(t))) ||
    COLLEAGUE_HAND_OFF.test(text) ||
    ADD_ANYTHING.test(t) ||
    (outlet !== undefined && isOutletName(outlet))
  );
};

// A reporter called by name: "Karen?", "Yes, Peter?", "Mary.", "All right, Tommy Christopher.", "Dr. Walensky."
const NAME_CALLED = new RegExp(
  String.raw`^(?:(?:[Yy]es|[Yy]eah|[Oo]kay|OK|[Oo]k|[Aa]ll right|[Aa]lright|[Gg]reat),?\s+)?(?:${ADDRESS_TITLE}\.?\s+)?\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)?(?:(?:,| and| and then|, and then|, then) \p{Lu}[\p{L}’'-]+)?[?.]$`,
  "u",
);

/** Words a turn made only of running the room may have: hand-offs, time calls, courtesy. */
const ROOM_RUNNING = 60;
/** Words one sentence that runs the room may have ("I think the pool has to gather, so if folks need to go, feel free."). */
const ROOM_SENTENCE = 25;

/** A reporter called on, and nothing else: "All right, Tommy Christopher.", "Dr. Walensky.", "Karen?" (Latin letters only; see isHandOff). */
export function callsOnSomeone(text: string): boolean {
  const t = text.trim();
  return (
    (spokenWordCount(t, 4) <= 4 &&
      // "Hello?", "Bye.", "Cheers.": courtesy, not a name ("All right," before a name is only filler).
      !isCourtesy(t.replace(/^(?:yes|yeah|okay|ok|all right|alright|great),?\s+/iu, "")) &&
      isNameCalled(t)) ||
    callsOnOutlet(t.replace(/^(?:yes|yeah|okay|ok|all right|alright|next|and)[,.]?\s+/iu, ""))
  );
}

// Capitalised one-word replies that are not names: "Close?", "Really?", "Yes?", and one-word
// answers of time, amount or degree ("Soon.", "Never.", "Nothing.", "Both.", "Mostly.").
const NOT_A_NAME =
  /^(?:yes|yeah|yep|yup|no|nope|really|what|sorry|right|close|okay|ok|sure|why|how|when|where|who|pardon|again|and|or|so|exactly|absolutely|indeed|correct|true|fine|great|good|thanks|totally|definitely|precisely|agreed|perfect|wow|well|alright|maybe|probably|certainly|done|uh-huh|mm-hmm|mhm|hmm|huh|oh|ah|right-o|soon|never|later|today|tomorrow|tonight|yesterday|always|sometimes|often|perhaps|likely|unlikely|nothing|everything|something|both|neither|either|none|nobody|everyone|everybody|anyone|anything|nowhere|everywhere|now|yet|already|once|twice|false|wrong|partly|mostly|largely|hardly|noted|understood|interesting)\?$/iu;

/**
 * A few words that call a name ("Karen?", "Mary.", "Yes, Peter?"), in Latin letters only, as no
 * list tells a Cyrillic word from a name ("Складна." answers); not a one-word reply that is no name.
 */
const isNameCalled = (t: string) =>
  !/\p{sc=Cyrillic}/u.test(t) &&
  !NOT_A_NAME.test(t.replace(/\.$/u, "?")) &&
  !ONE_ADVERB.test(t) &&
  NAME_CALLED.test(t);

/**
 * Hands the floor to someone else, and says little else: "Go ahead.", "Next question.", "Thank
 * you. Our next question will come from…". Courtesy sentences aside, the turn is a few words with a
 * hand-off in them, or opens with one; an answer that ends "Go ahead, Steve." stays an answer.
 */
export function isHandOff(text: string): boolean {
  if (callsOnSomeone(text)) return true;
  // Courtesy sentences set aside, at most 22 words may be left, or 60 when every sentence runs
  // the room: stop counting past that (an answer of hundreds of sentences is no hand-off, and
  // need not be read through).
  const rest: string[] = [];
  let words = 0;
  // A turn of more than ROOM_RUNNING words cannot be only running the room.
  let running = spokenWordCount(text, ROOM_RUNNING) <= ROOM_RUNNING;
  let ran = false;
  // Each sentence tried against the phrases once (a short turn's first sentence is asked again below).
  const tried = new Map<string, boolean>();
  const handsOff = (t: string) => {
    const known = tried.get(t);
    if (known !== undefined) return known;
    const found = mentionsHandOff(t);
    tried.set(t, found);
    return found;
  };
  const sentences = sentencesOf(text);
  for (const [i, sentence] of sentences.entries()) {
    if (isCourtesySentence(sentence)) continue;
    rest.push(sentence);
    const count = spokenWordCount(sentence, running ? ROOM_RUNNING : 22);
    words += count;
    // "Okay. I think the pool has to gather… I'll stay a little bit longer. Go ahead. You're being
    // very —": the floor handed on, the time called, and a last few words cut off by the next voice.
    const cutShort = i === sentences.length - 1 && count <= 5 && isBrokenOff(sentence);
    // Only short sentences run the room, and only while every one before has: a speech's first
    // sentence need not be tried against every phrase.
    // "Thank you. The Financial Times.": a newsroom named after thanks is the next one called.
    const outletAfterThanks = i > 0 && rest.length === 1 && isOutletName(sentence);
    const runs: boolean =
      running &&
      count <= ROOM_SENTENCE &&
      (handsOff(sentence) || TIME_CALL.test(sentence) || callsOnSomeone(sentence) || outletAfterThanks);
    ran ||= runs;
    running &&= runs || cutShort || COUNTED.test(sentence);
    if (words > (running ? ROOM_RUNNING : 22)) return false;
  }
  if (words === 0) return false;
  if (running && ran) return true;
  if (words <= 12 && handsOff(rest.join(" "))) return true;
  // "I don't know. [Senior administration official], do you want to talk about the sanctions aspect?":
  // a question handed to a colleague after a few words at most; after an answer it stays an answer.
  // Read from the words as written: a press call's "[Senior administration official]" is the name.
  const written = splitSentences(text.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
  const handedOn = written.findIndex((s) => COLLEAGUE_HAND_OFF.test(s.trim()));
  const saidFirst = written.slice(0, Math.max(0, handedOn)).every((s) => spokenWordCount(s, 4) <= 4);
  if (words <= 22 && (handsOff(rest[0] ?? "") || (handedOn >= 0 && saidFirst))) return true;
  // A name called: "Karen?", "Yes, Peter?", "Mary.", "Great. Subhan?" (calling on a reporter); in
  // Latin letters only, as no list tells a Cyrillic word from a name ("Складна." answers).
  const t = rest.join(" ").trim();
  return words <= 3 && isNameCalled(t);
}

// Listening noises from the people asking: they take no turn in the exchange.
const BACKCHANNEL =
  /^(?:(?:yes|yeah|yep|right|that(?:'s|’s) right|exactly|uh-huh|mm-hmm|mhm|sure|indeed|true|of course|wow|i see|i know|got it|да|ага|понятно|так|зрозуміло)[,.!]?\s*)+$/iu;

/** "Yeah.", "Right. Exactly.", "Uh-huh.": the person asking listening, not asking. */
export const isBackchannel = (text: string) => BACKCHANNEL.test(withoutStageDirections(text).trim());

/**
 * The turn goes on from where its speaker was cut off: it opens with an ellipsis or a dash and a
 * lower-case word ("... politics is", "— and it", "-- negotiate the").
 */
export const isContinuation = (text: string) => /^(?:\.\.\.|…|—|–|--)\s*\p{Ll}/u.test(text.trim());

// The person asked did not hear or follow the question: "Sorry, I'm having a hard time hearing
// you.", "Are you talking about the Times story?", "Say that again?", "What was the question?"
const CLARIFICATION =
  /\b(?:hard time hearing|(?:can't|can’t|cannot|couldn't|couldn’t|didn't|didn’t) (?:quite )?(?:hear|catch|understand) (?:you|that|the question|what you)|you(?:'re|’re| are) breaking up|say (?:that|it) again|(?:are|were) you (?:talking about|referring to|asking (?:about|me)|saying)|you(?:'re|’re| are) (?:talking about|referring to|asking (?:me )?(?:about|what|whether|if))|when you say\b|give me (?:a (?:little )?(?:bit )?)?more (?:than that|context|detail|to go on)?|^(?:which|what)\W+(?:which|what)\W*$|what was the question|(?:do|did) you mean\b|not sure (?:what|which one) you mean|say (?:that|it) (?:one more time|again)|(?:can|could) you be (?:more )?specific|which (?:piece|part|one) (?:did|do) you want|(?:не )?(?:расслышал|понял вопрос)|повторите(?:,? пожалуйста)? вопрос)/iu;

/**
 * The person asked did not catch the question, and the asker will put it again: "I'm so sorry.",
 * "Pardon?", "Sorry, I can't hear you.", "You broke up."
 */
export const asksToHearAgain = (text: string) =>
  isClarification(text) ||
  isAudioTrouble(text) ||
  (isCourtesy(text) && /\b(?:sorry|pardon|excuse me)\b/iu.test(text));

/** A short request to hear or understand the question again, not an answer. */
export const isClarification = (text: string) => spokenWordCount(text, 25) <= 25 && CLARIFICATION.test(text);

// A call's sound: "Sorry, you broke up.", "You're coming out a little garbled.", "I don't think
// we're hearing Liz.", "Our speaker just dropped.", "Can you hear me any better?"
const AUDIO = new RegExp(
  [
    // "I don't think we're hearing Liz." (n't has no word boundary before it)
    String.raw`(?:not|n't|n’t)\s(?:[\p{L}’']+\s){0,3}?(?:hearing|hear)\s(?:you|him|her|them|us|\p{Lu}\p{Ll}+)(?:\s(?:very )?(?:well|now|anymore|at all))?\s*[.!?]?$`,
    String.raw`\byou(?:'re|’re| are)?(?: did)? (?:broke|breaking|break|cut|cutting) (?:up|out)\b`,
    String.raw`\bi cut out\b`,
    // "You're coming out a little garbled.", "that came across as about 80 percent choppy"
    String.raw`\b(?:coming|came) (?:out|through|across)(?: as)?(?: about \d+ percent| a (?:little|bit)| very| really)? (?:garbled|choppy|muffled|quiet|faint|unclear)\b`,
    // "It's a little quiet, Brenda.", "Your line is very faint.": the whole sentence about the sound
    String.raw`^(?:(?:it|that|you|your (?:line|audio|sound|mic|microphone|connection)|the (?:line|audio|sound|connection))(?:'s|’s|'re|’re| is| are| was)) (?:a (?:little|bit) |very |really |too |pretty |still )?(?:garbled|choppy|muffled|faint|quiet|unclear)(?:,\s*\p{Lu}\p{Ll}+)?\s*[.!]?$`,
    // "Much of that answer was very unclear and garbled."
    String.raw`\b(?:that|the|your) (?:answer|line|audio|sound) (?:was|is) (?:[\p{L}’']+ ){0,3}?(?:garbled|choppy|muffled)\b`,
    String.raw`\b(?:can|could|do) you (?:all )?hear (?:me|us)\b`,
    String.raw`\bhear (?:me|us) (?:any )?(?:better|now|okay|ok)\b`,
    String.raw`\b(?:our|the|my|your) (?:speaker|line|call|connection) (?:just )?(?:dropped|disconnected|cut out)\b`,
    String.raw`\bare you (?:still )?(?:there|with us)\?`,
    String.raw`\b(?:(?:are|is|we're|we’re) )?(?:experiencing|having) (?:some )?(?:tech|technical|audio|sound|connection) (?:issues|difficulties|problems)\b`,
    String.raw`\b(?:on|off) mute\b|\byou(?:'re|’re| are) muted\b|\b(?:am i|are we|are you) (?:still )?(?:un)?muted\b|\b(?:un)?muted (?:yourself|myself)\b`,
  ].join("|"),
  "iu",
);
/** "Oh, boy.", "Hmm.": a sound, not words said about anything. */
const INTERJECTION =
  /^(?:oh|ah|uh|um|hmm|wow|whoa|boy|gosh|man|dear|no)(?:[,\s]+(?:oh|ah|uh|um|hmm|wow|whoa|boy|gosh|man|dear|no))*[.!?…]*$/iu;
/** A word one of AUDIO's phrases holds: most turns are passed over on this alone. */
const AUDIO_WORDS =
  /hear|broke|break|cut|garbled|choppy|quiet|faint|muffled|unclear|dropped|disconnected|there|with us|issues|difficulties|problems|mute/iu;
/** While the sound is sorted out: "Give us one second while we try to get him back on." */
const HOLD_ON =
  /^(?:(?:give|bear with) (?:us|me)|one (?:second|moment)|hold on|let(?:'s|’s| us) try (?:again|that again))\b/iu;

/**
 * The turn is about the sound of the call, and nothing more: a complaint or a check, courtesy, a
 * moment asked for, and at most a few words asking again ("Sometime around what time?").
 */
export function isAudioTrouble(text: string): boolean {
  if (spokenWordCount(text, 40) > 40 || !AUDIO_WORDS.test(text)) return false;
  let audio = false;
  for (const sentence of sentencesOf(text)) {
    if (AUDIO.test(sentence)) audio = true;
    else if (
      !isCourtesySentence(sentence) &&
      !INTERJECTION.test(sentence.trim()) &&
      !HOLD_ON.test(sentence.trim()) &&
      !(spokenWordCount(sentence, 6) <= 6 && hasQuestionMark(sentence))
    )
      return false;
  }
  return audio;
}

// "Okay, a couple items at the top.", "Okay, just a topper for you.", "I have a few updates for you."
const ITEMS =
  /\b(?:(?:a couple|a few|two|three|several|some|one|a number)(?: of)? (?:more )?(?:items|updates|toppers)(?: for you)?(?: (?:at|for) the top)?|(?:a|one) (?:quick |more )?topper|(?:items?|things?|updates?)(?: for (?:you|everybody|everyone|you all|all of you))? (?:at|for) the top|(?:do|give you|run through|start with) (?:a |the )?(?:quick )?week ahead|let me (?:go ahead and )?finish(?:,| and| —)? (?:and )?then (?:we'll|we’ll|i'll|i’ll|we will|i will) (?:get|go|turn) to (?:some |your |the )?questions)\b/iu;

/**
 * The first few sentences, courtesy aside, announce items of the briefer's own: a topper, not an
 * answer. With `atTheTop`, only an announcement that says "at the top" counts.
 */
export function opensWithItems(text: string, atTheTop = false): boolean {
  // The first three sentences that are not courtesy, read no further (a speech has hundreds).
  let read = 0;
  for (const s of sentencesOf(text)) {
    if (read === 3) break;
    if (isCourtesySentence(s)) continue;
    read++;
    if (spokenWordCount(s, 40) <= 40 && ITEMS.test(s) && (!atTheTop || /\bat the top\b/iu.test(s)))
      return true;
  }
  return false;
}

/** Ground rules or the introduction of the briefer: the chair opening a press call. */
export function isChairOpening(text: string): boolean {
  // Ground rules take a paragraph or two; a speech that mentions a record or an embargo is a speech.
  const words = spokenWordCount(text, 300);
  if (words > 300) return false;
  if (GROUND_RULES.test(text)) return true;
  // "So, joining us today is Deputy National Climate Advisor Ali Zaidi, …": a guest's biography
  // may run long when the introduction opens the turn.
  return words <= 150
    ? INTRODUCTION.test(text)
    : INTRODUCTION.test(
        splitSentences(text)
          .filter((s) => !isCourtesySentence(s))
          .slice(0, 2)
          .join(" "),
      );
}

/** Closes the event: "That has to be our last question.", "That concludes our press conference." */
export const isClosing = (text: string) => spokenWordCount(text, 120) <= 120 && CLOSING.test(text);

/** A short call to end: "Jen, we need to gather.", "We have to go." */
/** Someone introduced to the room: "Joining us today is…", "Let me introduce our audience…". */
export const introducesSomeone = (text: string) => INTRODUCTION.test(text);

export const isTimeCall = (text: string) => spokenWordCount(text, 15) <= 15 && TIME_CALL.test(text);

// A broadcast host going to a break: "We're gonna take another short break and we'll be right back
// with the president. (COMMERCIAL BREAK)", "I have to take a word from our sponsor here."
const BREAK =
  /\((?:commercial )?break\)|\bwe(?:'ll|’ll| will) be (?:right )?back\b|\b(?:take|taking) (?:a|another) (?:(?:short|quick|brief) )?break\b|\bword from (?:our|a) sponsors?\b/iu;

/** A host going to a commercial break, which runs the programme. */
export const goesToBreak = (text: string) => BREAK.test(text);

// The press office's own written notes above a transcript: "See below for an answer to a question
// (marked with an asterisk)…", "*As Mr. Brennan said, …", "Editor's note: …".
// An asterisk marks the note's answer; Markdown's emphasis ("*South Court Auditorium*") is not one.
const EDITORIAL_NOTE = /^(?:(?:please\s+)?see below\b|note:|editor[’']?s note\b|correction:)/iu;
const ASTERISKED = /^\*(?!\*)\s*\p{L}(?!.*\*\s*$)/u;

/** A note the publisher wrote into the page, not anyone's words. */
export function isEditorialNote(paragraph: string): boolean {
  const t = paragraph.trim();
  return ASTERISKED.test(t) || EDITORIAL_NOTE.test(t.replace(/^[*_]+\s*/u, ""));
}

/**
 * A place line before the first words (the pool's "South Lawn", "Aboard Air Force One"): a few
 * words, no sentence punctuation. A greeting ("Ladies and gentlemen,") is not one.
 */
export function isPlaceLine(paragraph: string): boolean {
  const t = paragraph.trim();
  const words = spokenWordCount(t, 12);
  // Set in italics by the page ("*Chief of Mission Residence *Seoul, Republic of Korea**"): a
  // heading, a little longer, never a sentence.
  if (/^\*.*\*$/su.test(t)) return words > 0 && words <= 12 && !/[.!?…:;]/u.test(t);
  return words > 0 && words <= 6 && !/[.!?,:;…]\s*$/u.test(t);
}

/** Words a paragraph needs, ending a sentence, to be someone speaking rather than a line of the page. */
const SPEECH_WORDS = 8;

/**
 * A paragraph someone says: a sentence of some length, ended as one. What a place line opens is
 * nobody's words when no such paragraph follows ("South Lawn", "2:15 P.M. EDT"); a topic heading
 * of a spokesperson's briefing ("Sergey Lavrov's schedule") opens the speech that follows it.
 */
export function isSpeech(paragraph: string): boolean {
  const t = paragraph.trim();
  // "*" or "**" opens the press office's notes ("**Please see below for a correction…").
  return (
    !t.startsWith("*") && spokenWordCount(t, SPEECH_WORDS) >= SPEECH_WORDS && /[.!?…]["'”’»)\]*]*$/u.test(t)
  );
}
