/**
 * One synthetic exchange per rule of turn kinds and pairing (docs/ARCHITECTURE.md, "Turn kinds and
 * pairs"). The fixtures are written for these tests, in the conventions of each genre.
 */
import { describe, expect, it } from "vitest";
import { kremlinRu, midRu, whitehouse } from "../../src/ingest/publishers/index.js";
import { segment } from "../../src/ingest/segment/segment.js";
import type { TurnKind } from "../../src/model/document.js";
import { ingestText } from "../support/ingest.js";

const resolve = (name: string) => ({ speakerId: name.toLowerCase(), speakerName: name });

function read(paragraphs: string[], profile = whitehouse) {
  const { turns, qa } = segment({
    paragraphs,
    conventions: profile.conventions,
    resolve,
    titleSpeaker: null,
    hasDialogue: true,
  });
  return {
    kinds: turns.map((t) => t.kind) as TurnKind[],
    pairs: qa.flatMap((p) => p.answers.map((a) => [p.question, a])),
  };
}

const ANSWER = "The President has been clear about this, and we will have more to say on it next week.";

describe("turn kinds", () => {
  it("a press secretary's Go ahead hands the floor and answers nothing", () => {
    const { kinds, pairs } = read([
      "MS. BAKER:  Good afternoon. Two items at the top today, and then I will take your questions.",
      "Q    Will the President sign the bill this week?",
      `MS. BAKER:  ${ANSWER}`,
      "MS. BAKER:  Go ahead.",
      "Q    And on the trade talks, is a deal close?",
      `MS. BAKER:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["remarks", "question", "answer", "moderator", "question", "answer"]);
    expect(pairs).toEqual([
      [1, 2],
      [4, 5],
    ]);
  });

  it("a reporter's Good morning is a greeting, and what the press secretary says after it is remarks", () => {
    const { kinds, pairs } = read([
      "MS. BAKER:  Hi, everybody. Good morning.",
      "Q    Good morning.",
      "MS. BAKER:  Okay, two things at the top. The President will travel to Ohio on Thursday to visit a plant that makes chips, and on Friday he will host the Prime Minister of Japan.",
      "Q    Will he meet the governor there?",
      `MS. BAKER:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["other", "other", "remarks", "question", "answer"]);
    expect(pairs).toEqual([[3, 4]]);
  });

  it("thanks that name a title (Mr. President, Dr. Jha) are thanks, not a question or a reporter called on", () => {
    const { kinds, pairs } = read([
      "Q    Mr. President, will you sign the bill this week?",
      `THE PRESIDENT:  ${ANSWER}`,
      "Q    Thank you, Mr. President.",
      "DR. JHA:  Thanks, Dr. Jha.",
    ]);
    expect(kinds).toEqual(["question", "answer", "other", "other"]);
    expect(pairs).toEqual([[0, 1]]);
  });

  it("a sound check on a press call and a request to repeat the question answer nothing", () => {
    const { kinds, pairs } = read([
      "MODERATOR:  Let's go to Maegan Vazquez, CNN.",
      "Q    Hi, can you hear me?",
      "MODERATOR:  Yes, we can hear you.",
      "Q    Great. Is the formula shipment arriving this week?",
      "SENIOR ADMINISTRATION OFFICIAL:  Sorry, I'm having a hard time hearing you.",
      "Q    Is the formula shipment arriving this week?",
      `SENIOR ADMINISTRATION OFFICIAL:  ${ANSWER}`,
      "MODERATOR:  [Senior administration official], do you want to take that?",
    ]);
    expect(kinds).toEqual([
      "moderator",
      "other",
      "other",
      "question",
      "other",
      "question",
      "answer",
      "moderator",
    ]);
    // Put again after it was not heard, the question is answered in both wordings.
    expect(pairs).toEqual([
      [3, 6],
      [5, 6],
    ]);
  });

  it("a press secretary introducing a guest at the podium chairs; the guest's statement after the greetings is remarks", () => {
    const { kinds, pairs } = read([
      "MS. BAKER:  Okay. Today we have the pleasure of Dr. Ann Lee, our new coordinator, in the briefing room. She has time to take a few of your questions before she heads back.",
      "DR. LEE:  Good afternoon, everybody.",
      "Q    Good afternoon.",
      "DR. LEE:  It is great to be with all of you. Let me start with where we are on testing, because the numbers have changed a lot this month and they matter for what comes next.",
      "Q    Will testing stay free?",
      `DR. LEE:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["moderator", "other", "other", "remarks", "question", "answer"]);
    expect(pairs).toEqual([[4, 5]]);
  });

  it("Who's first? opens the floor", () => {
    const { kinds } = read([
      "MR. HOLT:  Good morning, folks. How is everyone? Who's first?",
      "Q    Is the summit still on for Friday?",
      `MR. HOLT:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["moderator", "question", "answer"]);
  });

  it("a moderator calling the next reporter and closing the event is a moderator turn", () => {
    const { kinds, pairs } = read([
      "THE VICE PRESIDENT:  Good afternoon. I will say a few words and then take questions.",
      "MODERATOR:  Our first question will come from Ann Lee of the Daily Courier.",
      "Q    Madam Vice President, what did the two governments agree on today?",
      `THE VICE PRESIDENT:  ${ANSWER}`,
      "MODERATOR:  Thank you, everyone. That concludes our press conference.",
    ]);
    expect(kinds).toEqual(["remarks", "moderator", "question", "answer", "moderator"]);
    expect(pairs).toEqual([[2, 3]]);
  });

  it("thanks at the end are not a question and its answer: a reporter's are other, and the briefer's to the whole room close the event", () => {
    const { kinds, pairs } = read([
      "Q    Is the summit still on for Friday?",
      "MR. HOLT:  Yes, it is.",
      "Q    Thank you, Mark.",
      "MR. HOLT:  Thanks, everyone.",
    ]);
    expect(kinds).toEqual(["question", "answer", "other", "moderator"]);
    expect(pairs).toEqual([[0, 1]]);
  });

  it("a reporter's half-sentence cut off and the official's aside are other, and the question that follows is answered", () => {
    const { kinds, pairs } = read([
      "Q    Hi, thanks for doing this. I just wanted to —",
      "SENIOR ADMINISTRATION OFFICIAL:  Hi, Dana. How are you?",
      "Q    Fine, thanks. Will the ministers meet again before the summit?",
      `SENIOR ADMINISTRATION OFFICIAL:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["other", "other", "question", "answer"]);
    expect(pairs).toEqual([[2, 3]]);
  });

  it("a question cut off before its question mark is still a question when the reply answers it", () => {
    const { kinds } = read([
      "Q    Mr. President, are you meeting with the senators this weekend — will you be meeting —",
      "THE PRESIDENT:  Yes.",
      "Q    — with the Republicans too?",
      "THE PRESIDENT:  With anyone who wants to talk.",
    ]);
    expect(kinds).toEqual(["question", "answer", "question", "answer"]);
  });

  it("a reporter's statement cut off is the start of a question when the official answers it", () => {
    const { kinds, pairs } = read([
      "Q    Mr. President, you said in May that if you were vaccinated you no longer needed a mask. And it seems —",
      "THE PRESIDENT:  No, I didn't say that.",
      "Q    You did. I have the quote.",
      `THE PRESIDENT:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["question", "answer", "question", "answer"]);
    expect(pairs).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it("the rest of a cut-off answer taken up after the question that cut in was answered by someone else answers that question", () => {
    const { pairs } = read([
      "Q    Will the President sign the bill this week?",
      "MS. BAKER:  The President has said many times that he —",
      "Q    And will the Speaker bring it to the floor?",
      `MR. SMITH:  ${ANSWER}`,
      "MS. BAKER:  — and the Speaker will decide that, not us.",
    ]);
    expect(pairs).toEqual([
      [0, 1],
      [2, 3],
      [2, 4],
    ]);
  });

  it("a few words broken off with a dash and answered at once began a question; a name called or dots trailing off did not", () => {
    const broken = read([
      "Q    Will the President sign the bill this week?",
      `THE PRESIDENT:  ${ANSWER}`,
      "Q    You're saying high confidence here —",
      `THE PRESIDENT:  ${ANSWER}`,
    ]);
    expect(broken.kinds).toEqual(["question", "answer", "question", "answer"]);
    expect(broken.pairs).toEqual([
      [0, 1],
      [2, 3],
    ]);
    const called = read([
      "Q    Will the President sign the bill this week?",
      `THE PRESIDENT:  ${ANSWER}`,
      "Q    Mr. President —",
      `THE PRESIDENT:  ${ANSWER}`,
    ]);
    expect(called.kinds).toEqual(["question", "answer", "other", "answer"]);
    const trailing = read([
      "Q    Will the President sign the bill this week?",
      `THE PRESIDENT:  ${ANSWER}`,
      "Q    But obviously, the...",
      `THE PRESIDENT:  ${ANSWER}`,
    ]);
    expect(trailing.kinds).toEqual(["question", "answer", "other", "answer"]);
  });

  it("a reporter's statement cut off and taken up again after a nod is one question, answered once for both parts", () => {
    const { kinds, pairs } = read([
      "Q    The Secretary said he was already considering mandating —",
      "THE PRESIDENT:  Yep.",
      "Q    — the vaccine after it was fully approved. Would you like to see that happen sooner?",
      `THE PRESIDENT:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["question", "other", "question", "answer"]);
    expect(pairs).toEqual([
      [0, 3],
      [2, 3],
    ]);
  });

  it("the rest of a question cut off half-way and taken up after a reply is the same question, answered by the answer to the whole; after a question put whole it is a follow-up", () => {
    const cut = read([
      "Q    Mr. President, are you meeting with the senators this weekend — will you be meeting —",
      "THE PRESIDENT:  Yes.",
      "Q    — with the Republicans too?",
      "THE PRESIDENT:  With anyone who wants to talk.",
    ]);
    expect(cut.pairs).toEqual([
      [0, 1],
      [0, 3],
      [2, 3],
    ]);
    // The reply handed the floor on: the words after the dash are the next reporter's question.
    const handed = read([
      "Q    Josh, on the budget, is the President going to --",
      "MR. EARNEST:  The President has been clear about the budget and what he expects from Congress this year. Jim.",
      "Q    -- and on Syria, has he decided on airstrikes?",
      "MR. EARNEST:  He has not.",
    ]);
    expect(handed.pairs).toContainEqual([2, 3]);
    expect(handed.pairs).not.toContainEqual([0, 3]);
    const whole = read([
      "Q    It wasn't a rally, though.",
      `MR. CARNEY:  ${ANSWER}`,
      "Q    — is he going to go again? Does he plan to?",
      "MR. CARNEY:  I don't have any scheduling updates for you.",
    ]);
    expect(whole.pairs).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it("a reporter asking to confirm or to clarify, cut off before a question mark, asks, and the short reply answers", () => {
    const { kinds, pairs } = read([
      `Q    What about the program?`,
      `MR. CARNEY:  ${ANSWER}`,
      "Q    Just to confirm, you don’t have anything because you weren’t aware of this or --",
      "MR. CARNEY:  I just don’t have anything to add to what I just said.",
      "Q    Can you take that question?",
      "MR. CARNEY:  I will.",
    ]);
    expect(kinds).toEqual(["question", "answer", "question", "answer", "question", "answer"]);
    expect(pairs).toContainEqual([2, 3]);
  });

  it("a bare Yes. while a reporter sets up a question is listening, and the answer answers every part of the question", () => {
    const { kinds, pairs } = read([
      "Q    And you have had an intense campaign to settle the argument, which you have set out with great confidence.",
      "THE PRESIDENT:  Yes.",
      "Q    Have you managed to change anyone's mind yet?",
      `THE PRESIDENT:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["question", "other", "question", "answer"]);
    expect(pairs).toEqual([
      [0, 3],
      [2, 3],
    ]);
  });

  it("a question put in three parts to someone who only listens, asks what is meant or jokes, is one question; an aside that says something splits it", () => {
    const listened = read([
      "Q    You are going to Ethiopia, where there is effectively no opposition in parliament.",
      "THE PRESIDENT:  Right.",
      "Q    You are going to Kenya, where the court is still investigating members of the government.",
      "THE PRESIDENT:  Uh-huh.",
      "Q    Is that the right message to send?",
      `THE PRESIDENT:  ${ANSWER}`,
    ]);
    expect(listened.pairs).toEqual([
      [0, 5],
      [2, 5],
      [4, 5],
    ]);
    const asked = read([
      "Q    What awaits you when you leave?",
      "THE PRESIDENT:  What do I think what?",
      "Q    Awaits you. What is your new reality?",
      `THE PRESIDENT:  ${ANSWER}`,
    ]);
    expect(asked.pairs).toEqual([
      [0, 3],
      [2, 3],
    ]);
    const brokenOff = read([
      "Q    Does the President have any position on the relationship with India?",
      "MR. CARNEY:  Does he have any --",
      "Q    Any thoughts on what is happening on that front?",
      `MR. CARNEY:  ${ANSWER}`,
    ]);
    expect(brokenOff.pairs).toEqual([
      [0, 3],
      [2, 3],
    ]);
    const joked = read([
      "Q    To reach agreement by the target date, they are going to have to step it up more than a notch.",
      "MR. CARNEY:  Okay, three notches. (Laughter.)",
      "Q    But you know what I am saying, that this is --",
      `MR. CARNEY:  ${ANSWER}`,
    ]);
    expect(joked.pairs).toEqual([
      [0, 3],
      [2, 3],
    ]);
    const said = read([
      "Q    Leader McConnell has said that he has not been invited to the White House.",
      "MS. PSAKI:  I think he corrected that statement.",
      "Q    Does the President plan to have a big meeting with the leaders?",
      `MS. PSAKI:  ${ANSWER}`,
    ]);
    expect(said.pairs).toEqual([[2, 3]]);
  });

  it("a reporter's few words that no one answers, because another reporter or the official's answer goes on, are shouts from the room", () => {
    const { kinds, pairs } = read([
      "Q    The back has never been called on.",
      "Q    Hello, this is April. I am sorry.",
      "Q    On Haiti, what are the conversations about the border as the order is set to end?",
      "MS. BAKER:  Well, I would have to dig into this a little bit deeper, and there are several pieces to it —",
      "Q    (Inaudible) Title 42.",
      "MS. BAKER:  — our focus, though, is on being the largest provider of aid to the country.",
    ]);
    expect(kinds).toEqual(["other", "other", "question", "answer", "other", "answer"]);
    expect(pairs).toEqual([
      [2, 3],
      [2, 5],
    ]);
  });

  it("asking for a follow-up and the nod that grants it are procedural; asking for the question to be made specific answers nothing", () => {
    const bid = read([
      "Q    Who is he angry at?",
      `MR. GIBBS:  ${ANSWER}`,
      "Q    A follow-up?",
      "MR. GIBBS:  Yes.",
      "Q    Is he angry at the Congress?",
      `MR. GIBBS:  ${ANSWER}`,
    ]);
    expect(bid.kinds).toEqual(["question", "answer", "other", "moderator", "question", "answer"]);
    const specific = read([
      "Q    Does the President believe that an apology is a sign of weakness?",
      "MR. GIBBS:  Can you be specific? I'm sorry, can you be specific?",
      "Q    In regard to no apology whatsoever to the police sergeant.",
      `MR. GIBBS:  ${ANSWER}`,
    ]);
    expect(specific.kinds[1]).toBe("other");
  });

  it("an interview's closing thanks and goodbye answer nothing", () => {
    const { kinds } = read([
      "Q    Is there unfinished business on race and on guns?",
      `THE PRESIDENT:  ${ANSWER}`,
      "Q    Mr. President, thank you very much.",
      "THE PRESIDENT:  Thank you so much. I enjoyed it.",
    ]);
    expect(kinds).toEqual(["question", "answer", "other", "other"]);
  });

  it("in an interview, a host's statement answered with I am. was put as a question, an answer begun and trailing off is an answer, and going to a commercial break runs the programme", () => {
    const say = (senderName: string, text: string) => ({
      conversationId: "a",
      conversationWithName: "news.example",
      senderName,
      text,
    });
    const [doc] = ingestText(
      "interview.json",
      JSON.stringify([
        say("news.example", "What kept you steady through two campaigns?"),
        say("Alex Morgan", ANSWER),
        say("news.example", "You're competitive."),
        say("Alex Morgan", "I am."),
        say("news.example", "A little grayer, too."),
        say("Alex Morgan", `And ${ANSWER}`),
        say("news.example", "We're going to take a short break and we'll be right back. (COMMERCIAL BREAK)"),
        say(
          "news.example",
          "Welcome back. I want to talk about the years in Chicago, before any of this began for you.",
        ),
        say("Alex Morgan", "It's a family, and..."),
        say("news.example", "A big one."),
        say("Alex Morgan", ANSWER),
      ]),
    );
    expect(doc?.turns.map((t) => t.kind)).toEqual([
      "question",
      "answer",
      "question",
      "answer",
      "other",
      "answer",
      "moderator",
      "question",
      "answer",
      "other",
      "answer",
    ]);
    expect(doc?.qa.flatMap((p) => p.answers.map((a) => [p.question, a]))).toEqual([
      [0, 1],
      [2, 3],
      [2, 5],
      [7, 8],
      [7, 10],
    ]);
  });

  it("a host's statement taken up with Well puts a question; an aside agreed with while the answer goes on does not", () => {
    const say = (senderName: string, text: string) => ({
      conversationId: "a",
      conversationWithName: "news.example",
      senderName,
      text,
    });
    const [doc] = ingestText(
      "interview.json",
      JSON.stringify([
        say("news.example", "What does that tell you about what he is trying to do right now?"),
        say(
          "Alex Morgan",
          "I think the report is very clear about what they sought, and we should all take it seriously.",
        ),
        say("news.example", "It's the ultimate bunker."),
        say(
          "Alex Morgan",
          "It is, and the people here have been extraordinary, as they always are at the end of a term.",
        ),
        say("news.example", "But bottom line, this time he got what he wanted."),
        say(
          "Alex Morgan",
          "Well, look, I think that what is true is that they intended to meddle, and they meddled.",
        ),
      ]),
    );
    expect(doc?.turns.map((t) => t.kind)).toEqual([
      "question",
      "answer",
      "other",
      "answer",
      "question",
      "answer",
    ]);
    expect(doc?.qa).toEqual([
      { question: 0, answers: [1, 3] },
      { question: 4, answers: [5] },
    ]);
    // Time called or a greeting taken up with "Well" is the programme, not a question.
    const [run] = ingestText(
      "interview.json",
      JSON.stringify([
        say("news.example", "What is next for you?"),
        say("Alex Morgan", "I think I will write a book about the years here, and then we will see."),
        say("news.example", "We have about two minutes left, Mr. President, so quickly."),
        say("Alex Morgan", "Well, I'll be quick then."),
        say("news.example", "Let me introduce our audience tonight, students from Ohio State."),
        say("Alex Morgan", "Well, hello everybody, it's wonderful to see you all."),
      ]),
    );
    expect(run?.turns.filter((t) => t.kind === "question")).toHaveLength(1);
  });

  it("a reporter pressing the answer just given, taken up by the official's statement, asks and is answered", () => {
    const { kinds, pairs } = read([
      "Q    When will the President decide on the troop numbers?",
      "MS. BAKER:  Soon. He is weighing the options his advisers gave him, and he will decide soon.",
      "Q    And is soon still your guidance on --",
      "MS. BAKER:  Soon is still my guidance.",
      "Q    On the budget, will he sign the bill this week?",
      `MS. BAKER:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["question", "answer", "question", "answer", "question", "answer"]);
    expect(pairs).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
  });

  it("a question broken off after a few words and answered then and there is a question, where a bid cut off is not", () => {
    const answered = read([
      "Q    Why didn't the President go to the march himself this weekend?",
      "MR. EARNEST:  I think the President himself would have liked to have had the opportunity to be there.",
      "Q    Why not --",
      "MR. EARNEST:  Well, the fact is that the planning for the march only began a few weeks ago, and his schedule was set.",
      "Q    On Iran, is a deal close?",
      `MR. EARNEST:  ${ANSWER}`,
    ]);
    expect(answered.kinds).toEqual(["question", "answer", "question", "answer", "question", "answer"]);
    expect(answered.pairs).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    const bid = read([
      "Q    Why didn't the President go to the march himself this weekend?",
      "MR. EARNEST:  I think the President himself would have liked to have had the opportunity to be there.",
      "Q    Can I --",
      "MR. EARNEST:  Well, the fact is that the planning for the march only began a few weeks ago, and his schedule was set.",
    ]);
    expect(bid.kinds[2]).toBe("other");
    expect(bid.pairs).toEqual([
      [0, 1],
      [0, 3],
    ]);
  });

  it("a question word or an adverb asked of the answer just given (Why?, Informally?) is a question, where a name called is a bid", () => {
    for (const asked of ["Why?", "When?", "Informally?"]) {
      const exchange = read([
        "Q    Did the President cancel his plans for Saturday?",
        "MR. GIBBS:  He did.",
        `Q    ${asked}`,
        "MR. GIBBS:  He spent most of Saturday in the Oval Office working on the budget, and he will go another time.",
      ]);
      expect(exchange.kinds).toEqual(["question", "answer", "question", "answer"]);
      expect(exchange.pairs).toEqual([
        [0, 1],
        [2, 3],
      ]);
    }
    const called = read([
      "Q    Did the President cancel his plans for Saturday?",
      "MR. GIBBS:  He did.",
      "Q    Robert?",
      "MR. GIBBS:  He spent most of Saturday in the Oval Office working on the budget, and he will go another time.",
    ]);
    expect(called.kinds[2]).toBe("other");
  });

  it("a word or two an official asks back about the question (Hamas?), which the reporter confirms, calls no one; a colleague named who answers next is called", () => {
    const askedBack = read([
      "Q    And do you welcome their participation in the elections?",
      "MS. PSAKI:  Hamas?",
      "Q    Yes.",
      `MS. PSAKI:  ${ANSWER}`,
    ]);
    expect(askedBack.kinds).toEqual(["question", "other", "other", "answer"]);
    expect(askedBack.pairs).toEqual([[0, 3]]);
    const handed = read([
      "Q    Will the booster be needed this year?",
      "MR. SLAVITT:  Dr. Fauci?",
      `DR. FAUCI:  ${ANSWER}`,
    ]);
    expect(handed.kinds[1]).toBe("moderator");
  });

  it("words the official only echoes, jokes or says as something dawns are no answer to a reporter's aside", () => {
    for (const reply of [
      "“One of the senators.” Okay.",
      "That is quite a press conference. (Laughter.)",
      "Oh, the budget, sure.",
    ]) {
      const { kinds, pairs } = read([
        "Q    Who has criticized the plan, and what has the President said to them?",
        "MS. BAKER:  I don't know who you have in mind, but the President has spoken to many senators.",
        "Q    I'll say that one of the senators held a press conference about it --",
        `MS. BAKER:  ${reply}`,
        "Q    On the budget, will he sign the bill this week?",
        `MS. BAKER:  ${ANSWER}`,
      ]);
      expect(kinds.slice(2, 4)).toEqual(["other", "other"]);
      expect(pairs).toEqual([
        [0, 1],
        [4, 5],
      ]);
    }
  });

  it("an official's few words for a laugh are an aside when the answer comes after them, and the reply when the next question follows", () => {
    const aside = read([
      "Q    Can you give us an update on the dogs, and whether they are at the White House?",
      "MS. BAKER:  Oh, I was waiting for this to come up. (Laughter.)",
      "Q    Good timing. (Laughter.)",
      `MS. BAKER:  ${ANSWER}`,
    ]);
    expect(aside.kinds).toEqual(["question", "other", "other", "answer"]);
    expect(aside.pairs).toEqual([[0, 3]]);
    const reply = read([
      "Q    If I had reported something you said off the record, you would be mad at me, right?",
      "MS. BAKER:  We'll see. (Laughter.)",
      "Q    But is the President disappointed in the Secretary?",
      `MS. BAKER:  ${ANSWER}`,
    ]);
    expect(reply.kinds).toEqual(["question", "answer", "question", "answer"]);
    expect(reply.pairs).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it("questions announced and granted with Sure. are a bid and its grant; announced and heard with Mm-hmm. they begin the question", () => {
    const granted = read([
      "MS. BAKER:  Okay. Ashley, go ahead.",
      "Q    Thank you so much. I have a follow-up on sanctions and energy.",
      "MS. BAKER:  Sure.",
      "Q    The European Union said yesterday that it pays Russia a billion dollars a day for gas. Is that acceptable?",
      `MS. BAKER:  ${ANSWER}`,
    ]);
    expect(granted.kinds).toEqual(["moderator", "other", "moderator", "question", "answer"]);
    expect(granted.pairs).toEqual([[3, 4]]);
    const taken = read([
      "Q    And I have one more question on the envoy's visit to India —",
      "MS. BAKER:  Sure.",
      "Q    — which was also meant to be a listening tour. Did it happen?",
      `MS. BAKER:  ${ANSWER}`,
    ]);
    expect(taken.kinds).toEqual(["question", "moderator", "question", "answer"]);
    expect(taken.pairs).toEqual([
      [0, 3],
      [2, 3],
    ]);
    const heard = read([
      "Q    Thank you very much. I have a question about aid to Gaza.",
      "MS. BAKER:  Mm-hmm.",
      "Q    How much of it has arrived?",
      `MS. BAKER:  ${ANSWER}`,
    ]);
    expect(heard.kinds[1]).toBe("other");
    expect(heard.kinds[3]).toBe("answer");
  });

  it("a reporter's bid for the floor and the nod that gives it are procedural", () => {
    const { kinds, pairs } = read([
      "Q    Is the embassy open?",
      `MS. BAKER:  ${ANSWER}`,
      "Q    Karine?",
      "MS. BAKER:  Yeah.",
      "Q    Will the President travel to the region?",
      `MS. BAKER:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["question", "answer", "other", "moderator", "question", "answer"]);
    expect(pairs).toEqual([
      [0, 1],
      [4, 5],
    ]);
  });

  it("an inaudible interjection does not end the answer it interrupts", () => {
    const { kinds, pairs } = read([
      "Q    When will the review be finished?",
      "MR. HOLT:  I would not put a date on it.",
      "Q    (Inaudible.)",
      "MR. HOLT:  As I said, it takes the time it takes, and we will tell you when it is done.",
    ]);
    expect(kinds).toEqual(["question", "answer", "other", "answer"]);
    expect(pairs).toEqual([
      [0, 1],
      [0, 3],
    ]);
  });

  it("a one-word adverb or answer of time or amount in reply answers, where a one-word name calls on someone", () => {
    const { kinds, pairs } = read([
      "Q    Do you expect the talks to succeed?",
      "MS. BAKER:  Positively.",
      "Q    And will the President attend?",
      "MS. BAKER:  Hopefully.",
      "MS. BAKER:  Kelly.",
      "Q    When will the bill pass?",
      "MS. BAKER:  Soon.",
      "Q    Did the meeting change anything?",
      "MS. BAKER:  Nothing.",
    ]);
    expect(kinds).toEqual([
      "question",
      "answer",
      "question",
      "answer",
      "moderator",
      "question",
      "answer",
      "question",
      "answer",
    ]);
    expect(pairs).toEqual([
      [0, 1],
      [2, 3],
      [5, 6],
      [7, 8],
    ]);
  });

  it("a follow-up after a short answer is paired with the answer that follows it", () => {
    const { kinds, pairs } = read([
      "Q    Has the President spoken to the Chancellor?",
      "THE PRESIDENT:  Not yet.",
      "Q    Will he call her today?",
      "THE PRESIDENT:  I will call her tonight, and we will talk about the pipeline and about the summit.",
    ]);
    expect(kinds).toEqual(["question", "answer", "question", "answer"]);
    expect(pairs).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it("a question addressed to both ministers is answered by both", () => {
    const { kinds, pairs } = read(
      [
        "Question (addressed to both ministers): How do you assess the talks on the ceasefire?",
        "Sergey Lavrov: We had a substantive discussion and agreed to keep in touch.",
        "Mevlut Cavusoglu (retranslated): I agree with my colleague, the talks were useful.",
        "Question: And on trade?",
        "Sergey Lavrov: Trade has grown this year despite the pandemic.",
      ],
      midRu,
    );
    expect(kinds).toEqual(["question", "answer", "answer", "question", "answer"]);
    expect(pairs).toEqual([
      [0, 1],
      [0, 2],
      [3, 4],
    ]);
  });

  it("the chair who introduces the minister before any question chairs, in English and in Russian", () => {
    const english = read(
      [
        "Maria Zakharova: Good afternoon, colleagues. Mr Lavrov will make opening remarks and then answer your questions.",
        "Sergey Lavrov: Good afternoon. Last year was difficult for everyone, but our work did not stop.",
        "Question: Will the treaty be extended?",
        "Sergey Lavrov: We have proposed extending it without preconditions.",
      ],
      midRu,
    );
    expect(english.kinds).toEqual(["moderator", "remarks", "question", "answer"]);
    const russian = read(
      [
        "М.В.Захарова: Добрый день. Сергей Викторович выступит со вступительным словом, а затем ответит на ваши вопросы.",
        "С.В.Лавров: Добрый день. Прошедший год был трудным для всех, но работа не прекращалась.",
        "Вопрос: Будет ли продлен договор?",
        "С.В.Лавров: Мы предложили продлить его без предварительных условий.",
      ],
      midRu,
    );
    expect(russian.kinds).toEqual(["moderator", "remarks", "question", "answer"]);
  });

  it("a long speech that mentions a record or an embargo is remarks, not ground rules", () => {
    const speech = Array.from(
      { length: 40 },
      (_, i) => `Cases fell again in week ${i + 1} across the country.`,
    ).join(" ");
    const { kinds } = read([
      `DR. LANE:  Thank you. ${speech} Half of the increase can be attributed to the new variant.`,
      `DR. FORD:  ${ANSWER}`,
      "Q    When will the data be out?",
      `DR. LANE:  ${ANSWER}`,
    ]);
    expect(kinds[0]).toBe("remarks");
    const { kinds: call } = read([
      "MODERATOR:  Thanks, everyone, for joining. This call is on background and embargoed until 6 a.m.",
      `SENIOR ADMINISTRATION OFFICIAL:  ${ANSWER}`,
    ]);
    expect(call[0]).toBe("moderator");
  });

  it('a leader\'s "We\'ll take a few questions" hands the floor, and "Thank you all very much" closes', () => {
    const { kinds } = read([
      "PRESIDENT BIDEN:  Good afternoon. It is an honor to welcome the Prime Minister to the White House today.",
      "PRIME MINISTER KISHIDA:  (As interpreted.) Thank you. Our alliance is stronger than ever before, and we agreed on much.",
      "PRESIDENT BIDEN:  We'll take a few questions. The first question goes to Zeke Miller of the Associated Press.",
      "Q    Will you meet again this year?",
      `PRESIDENT BIDEN:  ${ANSWER}`,
      "PRESIDENT BIDEN:  Thank you all very much.",
    ]);
    expect(kinds).toEqual(["remarks", "remarks", "moderator", "question", "answer", "moderator"]);
  });

  it("a briefer who says they will take questions after their own remarks is not chairing", () => {
    const { kinds } = read([
      "MS. BAKER:  Good afternoon. I have two items at the top, and then I'll take your questions. First, the President will travel to Ohio on Friday to talk about jobs.",
      "MR. LEE:  And I will add one thing on the trip: the Secretary of Labor will join him there.",
      "Q    Will the President meet the governor?",
      `MS. BAKER:  ${ANSWER}`,
    ]);
    expect(kinds[0]).toBe("remarks");
  });

  it("a question's parenthetical names whom it is put to, and a follow-up or a language names nobody", () => {
    const { turns } = segment({
      paragraphs: [
        "Question (addressed to both ministers): How do you assess the talks?",
        "Sergey Lavrov: Positively.",
        "Question (follow-up): And the next round?",
        "Sergey Lavrov: In the spring.",
        "Вопрос (уточняющий): А где?",
        "С.В.Лавров: В Женеве.",
        "Question (retranslated from Turkish): Will sanctions be lifted?",
        "Sergey Lavrov: Not soon.",
        "Вопрос (Министру иностранных дел Турции): Когда визит?",
        "С.В.Лавров: Весной.",
        "Вопрос (турецкие СМИ, в переводе с турецкого): А где?",
      ],
      conventions: midRu.conventions,
      resolve,
      titleSpeaker: null,
      hasDialogue: true,
    });
    expect(turns.filter((t) => t.kind === "question").map((t) => t.addressedTo)).toEqual([
      "both ministers",
      null,
      null,
      null,
      "Министру иностранных дел Турции",
      null,
    ]);
  });

  it("a label's parenthetical says the words are an interpretation in any of its parts and languages", () => {
    const { turns } = segment({
      paragraphs: [
        "М.Чавушоглу (говорит по-турецки, перевод с турецкого): Благодарю моего друга.",
        "М.Чавушоглу (в переводе с турецкого): Согласен.",
        "Mevlut Cavusoglu (retranslated from Russian): I agree.",
        "Sergey Lavrov (speaking first): We agree too.",
      ],
      conventions: midRu.conventions,
      resolve,
      titleSpeaker: null,
      hasDialogue: true,
    });
    expect(turns.map((t) => t.interpreted)).toEqual([true, true, true, false]);
  });

  it("Russian labels: the chair's Пожалуйста and Следующий вопрос hand the floor, Спасибо is a courtesy", () => {
    const { kinds, pairs } = read(
      [
        "С.В.Лавров: Уважаемые дамы и господа, мы провели содержательные переговоры.",
        "Ведущий: Пожалуйста.",
        "Вопрос: Как Вы оцениваете итоги переговоров?",
        "С.В.Лавров: Итоги переговоров мы оцениваем положительно, договорились продолжить контакты.",
        "Ведущий: Следующий вопрос.",
        "Вопрос (адресован обоим министрам): Спасибо. Когда состоится следующая встреча?",
        "С.В.Лавров: Мы договорились встретиться в следующем году.",
        "Вопрос: Спасибо.",
      ],
      midRu,
    );
    expect(kinds).toEqual([
      "remarks",
      "moderator",
      "question",
      "answer",
      "moderator",
      "question",
      "answer",
      "other",
    ]);
    expect(pairs).toEqual([
      [2, 3],
      [5, 6],
    ]);
  });

  it("a press call opens with its chair's ground rules before the briefer's remarks", () => {
    const { kinds } = read([
      "MODERATOR:  Thanks, everyone, for joining. This call is on background and embargoed until its end.",
      "SENIOR ADMINISTRATION OFFICIAL:  Thanks. Let me say a few words about the summit and then take questions.",
      "Q    What will the leaders sign?",
      `SENIOR ADMINISTRATION OFFICIAL:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["moderator", "remarks", "question", "answer"]);
  });

  it("a press officer opening a call under a speaker's label is the chair", () => {
    const { kinds } = read([
      "MR. HOLT:  Hi, everybody. This call is on the record and embargoed until its conclusion. I will turn it over to Anna.",
      "MS. REYES:  Thanks, Mark. The President will host the leaders on Tuesday and the talks will focus on trade.",
      "Q    Will there be a joint statement?",
      `MS. REYES:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["moderator", "remarks", "question", "answer"]);
  });

  it("a place line before the first label is not anybody's remarks", () => {
    const { kinds } = read(["South Lawn", "Q    Are you confident about the vote?", "THE PRESIDENT:  I am."]);
    expect(kinds).toEqual(["other", "question", "answer"]);
  });

  it("a long answer that ends by calling the next reporter is still an answer", () => {
    const { kinds, pairs } = read([
      "Q    What is the plan for the border?",
      `MS. BAKER:  ${ANSWER} Go ahead, Steve.`,
    ]);
    expect(kinds).toEqual(["question", "answer"]);
    expect(pairs).toEqual([[0, 1]]);
  });

  it("an MFA briefing's unnamed Ответ: is the answer of the spokesperson the title names", () => {
    const { turns, qa } = segment({
      paragraphs: [
        "Вопрос: Как Министерство оценивает решение о продлении санкций?",
        "Ответ: Мы считаем это решение контрпродуктивным и не отвечающим интересам самих его авторов.",
        "Question: Will Moscow respond to the new measures?",
        "Answer: The response will be proportionate, and it will be announced in due course.",
      ],
      conventions: midRu.conventions,
      resolve,
      titleSpeaker: { speakerId: "maria-zakharova", speakerName: "Maria Zakharova" },
      hasDialogue: true,
    });
    expect(turns.map((t) => t.kind)).toEqual(["question", "answer", "question", "answer"]);
    expect([turns[1]?.speakerId, turns[3]?.speakerId]).toEqual(["maria-zakharova", "maria-zakharova"]);
    expect(qa.flatMap((p) => p.answers.map((a) => [p.question, a]))).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
  it("a spokesperson's briefing that opens on a short topic heading is the spokesperson's remarks; a place line alone is nobody's", () => {
    const opening = (paragraphs: string[]) =>
      segment({
        paragraphs: [...paragraphs, "Question: Will Moscow respond?", "Maria Zakharova: In due course."],
        conventions: midRu.conventions,
        resolve,
        titleSpeaker: { speakerId: "maria-zakharova", speakerName: "Maria Zakharova" },
        hasDialogue: true,
      }).turns[0];
    const briefing = opening([
      "Sergey Lavrov's schedule",
      "On March 16, Foreign Minister Sergey Lavrov will hold talks with his Algerian counterpart in Moscow.",
      "Ukraine crisis update",
      "The Kiev regime continues to shell residential areas of Donetsk with weapons supplied by the West.",
    ]);
    expect([briefing?.kind, briefing?.speakerId]).toEqual(["remarks", "maria-zakharova"]);
    // One paragraph after a place line may be the press office's own note.
    for (const furniture of [
      ["James S. Brady Press Briefing Room"],
      [
        "James S. Brady Press Briefing Room",
        "The Administration released a Statement of Administration Policy last night on the bill.",
      ],
      ["Rose Garden", "**Please see below for a correction, marked with an asterisk, to the remarks."],
    ]) {
      const turn = opening(furniture);
      expect([turn?.kind, turn?.speakerId]).toEqual(["other", null]);
    }
  });

  it("a press secretary closing a news conference after the last answer chairs, in Russian and Ukrainian as in English", () => {
    const asked = [
      "Вопрос: Какие договорённости достигнуты по газу?",
      "В.Путин: Компании работают над условиями.",
    ];
    for (const [paragraphs, profile] of [
      [[...asked, "Д.Песков: Коллеги, спасибо. На этом пресс-конференция завершена."], kremlinRu],
      [[...asked, "Д.Песков: Спасибо, на этом всё."], kremlinRu],
      [[...asked, "С.Никифоров: Дякую. На цьому брифінг завершено."], kremlinRu],
      [
        [
          "Q    What was agreed on gas?",
          "THE PRESIDENT:  The companies are working on it.",
          "MS. PSAKI:  Thanks, everyone. That concludes the briefing.",
        ],
        whitehouse,
      ],
    ] as const) {
      const { kinds, pairs } = read([...paragraphs], profile);
      expect(kinds).toEqual(["question", "answer", "moderator"]);
      expect(pairs).toEqual([[0, 1]]);
    }
  });

  it("a farewell at the end (Have a great weekend., See you tomorrow.) answers nothing, whoever says it", () => {
    const { kinds, pairs } = read([
      "Q    Will the President travel next week?",
      `MS. JEAN-PIERRE:  ${ANSWER}`,
      "Q    Have a nice weekend.",
      "MS. JEAN-PIERRE:  Have a great weekend. See you on Monday.",
    ]);
    expect(kinds).toEqual(["question", "answer", "other", "other"]);
    expect(pairs).toEqual([[0, 1]]);
  });

  it("a press secretary opening the floor in any of the three languages chairs, and answers nothing", () => {
    const cases: [string[], typeof whitehouse][] = [
      [
        [
          "Д.Песков: Коллеги, можно начинать.",
          "Вопрос: Чего Вы ждёте от разговора?",
          "В.Путин: Жду, что нас услышат.",
        ],
        kremlinRu,
      ],
      [
        [
          "Д.Песков: Коллеги, у нас есть время на несколько вопросов.",
          "Вопрос: Как Вы оцениваете итоги визита?",
          "В.Путин: Визит был насыщенным.",
        ],
        kremlinRu,
      ],
      [
        [
          "Dmitry Peskov: Colleagues, we can begin.",
          "Question: What do you expect from this conversation?",
          "Vladimir Putin: To be heard.",
        ],
        kremlinRu,
      ],
      [
        [
          "С.Никифоров: Колеги, можна починати.",
          "Питання: Коли відбудеться наступна зустріч?",
          "В.Зеленський: Наступного місяця.",
        ],
        midRu,
      ],
    ];
    for (const [paragraphs, profile] of cases) {
      expect(read(paragraphs, profile), paragraphs[0]).toEqual({
        kinds: ["moderator", "question", "answer"],
        pairs: [[1, 2]],
      });
    }
  });

  it("a long speech that begins Let's begin stays remarks", () => {
    const { kinds } = read([
      `MS. BAKER:  Let's begin. ${ANSWER} ${ANSWER} ${ANSWER}`,
      "Q    Will the President sign the bill this week?",
      `MS. BAKER:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["remarks", "question", "answer"]);
  });
  it("a reporter called by name, and a question handed to a colleague by name, are the chair's turns", () => {
    const { kinds, pairs } = read([
      "DR. HALE:  Mary.",
      "Q    What is the guidance on boosters for people over fifty?",
      `DR. HALE:  ${ANSWER} Rochelle, anything to add?`,
      "DR. WELLS:  Only that the guidance will be updated next week, once the advisers have met.",
      "DR. HALE:  Great. Subhan?",
      "Q    And on masks in schools?",
      `DR. WELLS:  ${ANSWER}`,
      "DR. HALE:  I don’t have anything further on that.",
    ]);
    expect(kinds).toEqual([
      "moderator",
      "question",
      "answer",
      "answer",
      "moderator",
      "question",
      "answer",
      "answer",
    ]);
    expect(pairs).toEqual([
      [1, 2],
      [1, 3],
      [5, 6],
      [5, 7],
    ]);
  });

  it("a listener's Yeah on the asking side asks nothing, and the answer it interrupts goes on", () => {
    const { kinds, pairs } = read([
      "Q    How did the talks with the governors go?",
      "THE PRESIDENT:  They went well. We agreed on the money for the bridges —",
      "Q    Yeah.",
      "THE PRESIDENT:  — and on the timetable, which matters most.",
    ]);
    expect(kinds).toEqual(["question", "answer", "other", "answer"]);
    expect(pairs).toEqual([
      [0, 1],
      [0, 3],
    ]);
  });

  it("an answer that goes on after a question cut in answers the question it began with", () => {
    const { kinds, pairs } = read([
      "Q    Will you require proof of vaccination for federal workers?",
      "THE PRESIDENT:  We are going to ask every federal worker to attest —",
      "Q    But what about requiring proof?",
      "THE PRESIDENT:  — to their vaccination status, and those who do not will be tested.",
      `THE PRESIDENT:  On proof: ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["question", "answer", "question", "answer", "answer"]);
    expect(pairs).toEqual([
      [0, 1],
      [0, 3],
      [2, 4],
    ]);
  });
});

describe("turn kinds: nods, the line and running the room", () => {
  it("an official's nods while a question goes on in parts are listening, and the answer after answers every part", () => {
    const { kinds, pairs } = read([
      "Q    So can you guarantee that borrowers who apply in October will see their balance shrink —",
      "MR. RAMOS:  Yeah.",
      "Q    — before repayments have to be due again?",
      "MR. RAMOS:  Yeah.",
      "Q    And then, on refunds, what happens to borrowers who paid off their loans this year?",
      `MR. RAMOS:  On your first question, ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["question", "other", "question", "other", "question", "answer"]);
    expect(pairs).toEqual([
      [0, 5],
      [2, 5],
      [4, 5],
    ]);
  });

  it("a nod to a what-question is listening, but Yeah to a whole question a yes answers is the answer", () => {
    const what = read([
      "Q    What do you think the motivation is behind the new border incursions?",
      "SENIOR ADMINISTRATION OFFICIAL:  Yeah.",
      "Q    What is driving them, in your view?",
      `SENIOR ADMINISTRATION OFFICIAL:  ${ANSWER}`,
    ]);
    expect(what.kinds).toEqual(["question", "other", "question", "answer"]);
    expect(what.pairs).toEqual([
      [0, 3],
      [2, 3],
    ]);
    const yes = read([
      "Q    Okay, so everything is still on track for a pick by the end of February?",
      "MS. PSAKI:  Yeah.",
      "Q    And is the President still looking for the best candidate, whatever the votes?",
      `MS. PSAKI:  ${ANSWER}`,
    ]);
    expect(yes.kinds).toEqual(["question", "answer", "question", "answer"]);
    expect(yes.pairs).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it("an official who did not catch a question (I'm so sorry.) answers it once it is put again, in both wordings", () => {
    const { kinds, pairs } = read([
      "Q    Karine, can you say why the adviser is on this trip?",
      "MS. JEAN-PIERRE:  I'm so sorry.",
      "Q    Why is the adviser on this trip?",
      `MS. JEAN-PIERRE:  ${ANSWER}`,
      "Q    Thank you, Karine. We appreciate it.",
    ]);
    expect(kinds).toEqual(["question", "other", "question", "answer", "other"]);
    expect(pairs).toEqual([
      [0, 3],
      [2, 3],
    ]);
  });

  it("the sound of a call (Can you hear me?, You broke up., It's a little quiet) and the few words that reply to it are other", () => {
    const { kinds, pairs } = read([
      "MODERATOR:  First question, let's go to Brenda Goodman at WebMD.",
      "Q    Thank you. Can you hear me?",
      "MR. ZIENTS:  Yes.",
      "MODERATOR:  It's a little quiet, Brenda.",
      "Q    Okay. Dr. Walensky, are the new studies of adolescents from the winter?",
      `DR. WALENSKY:  ${ANSWER}`,
      "Q    Sorry, you broke up. From which months?",
      `DR. WALENSKY:  ${ANSWER}`,
      "MODERATOR:  Liz Szabo at Kaiser Health News.",
      "MR. ZIENTS:  I don't think we're hearing Liz.",
      "SENIOR ADMINISTRATION OFFICIAL:  Oh, boy. Okay. So, Franco, can you hear me any better?",
      "MODERATOR:  Yes, that was a little clearer.",
    ]);
    expect(kinds).toEqual([
      "moderator",
      "other",
      "other",
      "other",
      "question",
      "answer",
      "other",
      "answer",
      "moderator",
      "other",
      "other",
      "other",
    ]);
    expect(pairs).toEqual([
      [4, 5],
      [4, 7],
    ]);
  });

  it("a turn that only runs the room (the pool has to gather, I'll stay longer, Go ahead) is the chair's, and so is a reporter called with a title or after All right", () => {
    const { kinds, pairs } = read([
      "Q    Will the President sign the bill this week?",
      `MR. ZIENTS:  Dr. Walensky.`,
      `DR. WALENSKY:  ${ANSWER}`,
      "MS. JEAN-PIERRE:  Okay. Just, like, two more.",
      "Q    And on the trade talks, is a deal close?",
      `MS. JEAN-PIERRE:  ${ANSWER}`,
      "MS. JEAN-PIERRE:  Okay. I think the pool — the in-town pool has to gather, so if folks need to go, feel free. I'll stay a little bit longer. Go ahead. You're being very —",
      "Q    Is the summit still on for next week?",
      `MS. JEAN-PIERRE:  ${ANSWER}`,
      "MS. JEAN-PIERRE:  Okay, I'm going to come back because I didn't take your question.",
      "MODERATOR:  All right, Tommy Christopher.",
      "Q    Has the President spoken to the governor today?",
      `MS. JEAN-PIERRE:  ${ANSWER}`,
      "MS. JEAN-PIERRE:  Okay, we're — I'm going to go. I'm going to go.",
    ]);
    expect(kinds).toEqual([
      "question",
      "moderator",
      "answer",
      "moderator",
      "question",
      "answer",
      "moderator",
      "question",
      "answer",
      "moderator",
      "moderator",
      "question",
      "answer",
      "moderator",
    ]);
    expect(pairs).toEqual([
      [0, 2],
      [4, 5],
      [7, 8],
      [11, 12],
    ]);
  });

  it("an answer that merely mentions going or staying is still an answer", () => {
    const { kinds } = read([
      "Q    Will the President travel to the border?",
      "MS. JEAN-PIERRE:  We have to go where the problem is, and he will stay as long as it takes to see the work done there.",
      "Q    And the governors?",
      "MS. JEAN-PIERRE:  Two more.",
    ]);
    expect(kinds).toEqual(["question", "answer", "question", "answer"]);
  });

  it("a press secretary thanking two officials at once and opening the floor chairs, as does one welcoming a guest to the podium", () => {
    const { kinds } = read([
      `DR. FAUCI:  ${ANSWER} ${ANSWER} I'll turn back to you now, Jeff.`,
      "MR. ZIENTS:  Thanks, Drs. Fauci and Walensky. Let's go ahead and open it up for a few questions. Kevin.",
      "Q    Is the booster needed for teenagers?",
      `DR. FAUCI:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["remarks", "moderator", "question", "answer"]);
    const guest = read([
      "MS. JEAN-PIERRE:  Okay. Happy Friday. We're excited to have the Deputy Director of the National Economic Council here with us again today to discuss the student loan announcements. He'll have about 20 minutes. And with that, Bharat.",
      `MR. RAMAMURTI:  ${ANSWER}`,
      "Q    How much will the plan cost?",
      `MR. RAMAMURTI:  ${ANSWER}`,
    ]);
    expect(guest.kinds).toEqual(["moderator", "remarks", "question", "answer"]);
  });

  it("a press secretary's own items once a guest has gone are remarks, and so are a briefer's closing words after the last question was called", () => {
    const { kinds, pairs } = read([
      "Q    How many tests will be shipped this month?",
      `DR. JHA:  ${ANSWER} ${ANSWER}`,
      "MS. PSAKI:  Thank you, Dr. Jha. You're invited anytime.",
      "DR. JHA:  All right. Thank you, everybody.",
      `MS. PSAKI:  Thank you. Okay, a couple items at the top. ${ANSWER} ${ANSWER} Go ahead.`,
      "Q    Is the President going to Ohio next week?",
      `MS. PSAKI:  I would say two things. ${ANSWER} ${ANSWER}`,
      "MR. CHEEMA:  That was the last question.",
      `DR. JHA:  Great. Well, thank you, everybody. Let me just finish off by saying thank you for joining us today. ${Array(7).fill(ANSWER).join(" ")}`,
    ]);
    expect(kinds).toEqual([
      "question",
      "answer",
      "other",
      "other",
      "remarks",
      "question",
      "answer",
      "moderator",
      "remarks",
    ]);
    expect(pairs).toEqual([
      [0, 1],
      [5, 6],
    ]);
  });

  it("officials of a press call handing a question to each other chair, and the answer after answers it", () => {
    const { kinds, pairs } = read([
      "Q    Is there a timeline for regulation? And are the sanctions part of this?",
      "SENIOR ADMINISTRATION OFFICIAL:  [Senior administration official], you want to speak to that? Or —",
      "SENIOR ADMINISTRATION OFFICIAL:  I don't know. [Senior administration official], do you want to talk about the sanctions aspect?",
      "SENIOR ADMINISTRATION OFFICIAL:  Yeah. Maybe, [senior administration official], if you want to start on regulation and then I can do sanctions?",
      `SENIOR ADMINISTRATION OFFICIAL:  Sure. ${ANSWER}`,
      "MODERATOR:  I think we're good for a second question, please.",
      "SENIOR ADMINISTRATION OFFICIAL:  Yeah, please.",
      "Q    Where does the money come from? Is it new money?",
      "SENIOR ADMINISTRATION OFFICIAL:  Oh, sorry, I was on mute. I apologize for that.",
      "Q    That's okay. (Laughter.)",
      `SENIOR ADMINISTRATION OFFICIAL:  Sorry about that. ${ANSWER}`,
    ]);
    expect(kinds).toEqual([
      "question",
      "moderator",
      "moderator",
      "moderator",
      "answer",
      "moderator",
      "moderator",
      "question",
      "other",
      "other",
      "answer",
    ]);
    expect(pairs).toEqual([
      [0, 4],
      [7, 10],
    ]);
  });

  it("a guest introduced with a long biography, the podium handed over, time called and a start with nothing in it are not answers", () => {
    const bio = Array(9)
      .fill("For eight years he served in key roles within the federal government and taught policy.")
      .join(" ");
    const { kinds } = read([
      `MS. JEAN-PIERRE:  Okay. So, joining us today is Deputy National Climate Advisor Ali Zaidi, who helps implement the President's climate agenda. ${bio}`,
      "MR. ZAIDI:  Thank you.",
      "MS. JEAN-PIERRE:  The podium is yours.",
      `MR. ZAIDI:  ${ANSWER} ${ANSWER}`,
      "Q    Will the pipes be replaced in ten years?",
      "MS. JEAN-PIERRE:  So —",
      "Q    — or sooner than that?",
      `MR. ZAIDI:  ${ANSWER}`,
      "MS. JEAN-PIERRE:  Okay, we're going to take two more. Phil and Zolan after.",
      "Q    What about rural pipes?",
      "MS. JEAN-PIERRE:  He has to go. He has to go. Thank you, Ali.",
      "Q    — change lead pipes in rural areas.",
      `MS. JEAN-PIERRE:  Okay. I have a couple things for everybody at the top, but first a welcome. ${ANSWER} ${ANSWER} ${ANSWER}`,
    ]);
    expect(kinds).toEqual([
      "moderator",
      "other",
      "moderator",
      "remarks",
      "question",
      "other",
      "question",
      "answer",
      "moderator",
      "question",
      "moderator",
      "question",
      "remarks",
    ]);
  });

  it("a reporter who names the subject first (And one on Afghanistan.) has begun the question, and the nod while it goes on is listening", () => {
    const { kinds, pairs } = read([
      "Q    Thanks, Jen. And one on Afghanistan.",
      "MS. PSAKI:  Mm-hmm. Yeah.",
      "Q    After the deadline, will the U.S. keep supporting Afghan forces with airstrikes?",
      `MS. PSAKI:  ${ANSWER}`,
      "Q    Quick question on tomorrow.",
      "MS. PSAKI:  Sure.",
      "Q    The Select Committee —",
      "MS. PSAKI:  Yeah.",
      "Q    — meets tomorrow. Will the President watch any of it?",
      `MS. PSAKI:  ${ANSWER}`,
      "Q    Two questions —",
      "MS. PSAKI:  Sure.",
      "Q    Is the bill dead? And what comes next?",
      `MS. PSAKI:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual([
      "question",
      "other",
      "question",
      "answer",
      "question",
      "other",
      "question",
      "other",
      "question",
      "answer",
      "other",
      "moderator",
      "question",
      "answer",
    ]);
    expect(pairs).toEqual([
      [0, 3],
      [2, 3],
      [4, 9],
      [6, 9],
      [8, 9],
      [12, 13],
    ]);
  });

  it("a bid cut off and taken up again (And one very quick one —) bids for the floor and asks nothing", () => {
    const { kinds, pairs } = read([
      "Q    And one very quick one —",
      "MS. PSAKI:  Yeah.",
      "Q    — is the President going to Ohio?",
      `MS. PSAKI:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["other", "moderator", "question", "answer"]);
    expect(pairs).toEqual([[2, 3]]);
  });

  it("a COVID-19 team's chair opening the questions, handing them to a doctor by name and closing runs the room", () => {
    const { kinds, pairs } = read([
      `DR. WALENSKY:  Thank you. ${ANSWER} ${ANSWER} ${ANSWER}`,
      "MR. SLAVITT:  Thank you. Thank you Dr. Fauci, Dr. Walensky. All right, let's go to questions, please.",
      "MODERATOR:  Let's go to Zeke Miller at the AP.",
      "Q    Is the rise in cases among younger people, Dr. Fauci?",
      "MR. SLAVITT:  Dr. Fauci?",
      `DR. FAUCI:  ${ANSWER}`,
      "MR. SLAVITT:  Anything you'd like to add, Dr. Walensky?",
      `DR. WALENSKY:  ${ANSWER}`,
      "MR. SLAVITT:  Great. Well, thank you all very much. And we'll be doing this briefing again later in the week.",
    ]);
    expect(kinds).toEqual([
      "remarks",
      "moderator",
      "moderator",
      "question",
      "moderator",
      "answer",
      "moderator",
      "answer",
      "moderator",
    ]);
    expect(pairs).toEqual([
      [3, 5],
      [3, 7],
    ]);
  });

  it("a word or two called out over a question just put (Filibuster.) is a shout from the room, and the reply answers the question", () => {
    const { kinds, pairs } = read([
      "Q    And a dark day for democracy, what happened up on the Hill yesterday. Is the President frustrated?",
      "Q    Filibuster.",
      `MS. JEAN-PIERRE:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["question", "other", "answer"]);
    expect(pairs).toEqual([[0, 2]]);
  });

  it("an official's question back about what was asked (Are we talking about Afghanistan and Pakistan?) answers nothing, but one that asks the reporter what they have (Do you have a record of that?) disputes the premise and answers", () => {
    const asked = read([
      "Q    Are they strong allies, or have they been co-opted by the Taliban?",
      "MR. GIBBS:  Are we talking about Afghanistan and Pakistan? (Laughter.)",
      "Q    Pakistan.",
      `MR. GIBBS:  ${ANSWER}`,
    ]);
    expect(asked.kinds).toEqual(["question", "other", "question", "answer"]);
    expect(asked.pairs).toEqual([
      [0, 3],
      [2, 3],
    ]);
    const rebutted = read([
      "Q    Any concern that these migrants will take the phones and just toss them?",
      "MS. PSAKI:  Do you have a record of people throwing phones away?",
      "Q    I am just asking if that is a concern.",
      `MS. PSAKI:  ${ANSWER}`,
    ]);
    expect(rebutted.kinds).toEqual(["question", "answer", "question", "answer"]);
    expect(rebutted.pairs).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it("an official asking what was meant, broken off as the reporter explains (Are you suggesting that —), answers nothing, and the answer after answers both wordings", () => {
    const { kinds, pairs } = read([
      "Q    Is it a coincidence that eight counties in Kentucky were chosen?",
      "MR. CARNEY:  Are you suggesting that we're trying to assist the --",
      "Q    I'm asking whether politics played a part.",
      `MR. CARNEY:  ${ANSWER}`,
      "Q    Did the President call the Speaker?",
      "MR. CARNEY:  What we have said, Major, is that the --",
      "Q    Did he call him yesterday, or not?",
      `MR. CARNEY:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual([
      "question",
      "other",
      "question",
      "answer",
      "question",
      "answer",
      "question",
      "answer",
    ]);
    expect(pairs).toEqual([
      [0, 3],
      [2, 3],
      [4, 5],
      [6, 7],
    ]);
  });

  it("leave asked to put a question (And can I ask one on Ukraine?) and the Sure that gives it are procedural, and a few words for a laugh ask nothing", () => {
    const { kinds, pairs } = read([
      "Q    Is the President going to Kyiv?",
      `MR. EARNEST:  ${ANSWER}`,
      "Q    And can I ask one on Ukraine?",
      "MR. EARNEST:  Sure.",
      "Q    Josh, you said the ambassador is the Prime Minister's choice.",
      "MR. EARNEST:  That's correct.",
      "Q    So why second-guess him now?",
      `MR. EARNEST:  ${ANSWER}`,
      "Q    Top five. (Laughter.)",
      `MR. EARNEST:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual([
      "question",
      "answer",
      "other",
      "moderator",
      "question",
      "answer",
      "question",
      "answer",
      "other",
      "answer",
    ]);
    expect(pairs).toEqual([
      [0, 1],
      [4, 5],
      [6, 7],
      [6, 9],
    ]);
  });

  it("a reporter's sentence for a laugh asks nothing, but one that asks something of the official (I'd like you to say something new.) is a question", () => {
    const { kinds } = read([
      "Q    Did the Belgian government complain about the remarks?",
      "MR. GIBBS:  Well, maybe I misread many of the stories --",
      "Q    Maybe they were pissed at both of you. (Laughter.)",
      `MR. GIBBS:  ${ANSWER}`,
      "Q    I'd like you to say something new. (Laughter.)",
      `MR. GIBBS:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["question", "answer", "other", "answer", "question", "answer"]);
  });

  it("officials opening the floor (let's open it up for a few questions) and handing on by title, by a turn of phrase or by calling the last one run the room", () => {
    const { kinds } = read([
      `MR. ZIENTS:  ${ANSWER} ${ANSWER} ${ANSWER}`,
      "MR. ZIENTS:  Well, thanks, Doctors. Let's open it up for a few questions. Kevin.",
      "Q    How many boosters were given this week?",
      "MR. ZIENTS:  Dr. Walensky, do you want to handle the first question on the tracking?",
      `DR. WALENSKY:  Sure. ${ANSWER}`,
      "Q    And what about children?",
      "SENIOR ADMINISTRATION OFFICIAL:  [Senior administration official], why don't you start, and I can jump in later?",
      `SENIOR ADMINISTRATION OFFICIAL:  ${ANSWER}`,
      "MR. ZIENTS:  Nancy, this is going to have to be the last one. Go ahead.",
      "Q    Will the mandate survive in court?",
      `MR. ZIENTS:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual([
      "remarks",
      "moderator",
      "question",
      "moderator",
      "answer",
      "question",
      "moderator",
      "answer",
      "moderator",
      "question",
      "answer",
    ]);
  });

  it("an answer broken off before it said anything leaves the question open: the answer after the reporter's next words answers both", () => {
    const { kinds, pairs } = read([
      "Q    Do you smell politics in it?",
      "MR. EARNEST:  Well, again --",
      "Q    Are they playing chicken?",
      `MR. EARNEST:  ${ANSWER}`,
      "Q    And the House?",
      `MR. EARNEST:  ${ANSWER}`,
      "Q    Will the Senate vote this week?",
      "MR. EARNEST:  It will not, as far as we know --",
      "Q    Not even on the amendment?",
      `MR. EARNEST:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual([
      "question",
      "answer",
      "question",
      "answer",
      "question",
      "answer",
      "question",
      "answer",
      "question",
      "answer",
    ]);
    expect(pairs).toEqual([
      [0, 1],
      [0, 3],
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 9],
    ]);
  });

  it("an official checking what was meant (You're talking about the missile?, When you say…) answers nothing; That is not what I said. answers; I'll come back. keeps the queue", () => {
    const { kinds, pairs } = read([
      "Q    Does the President believe the U.S. has enough visibility into China's weapons programs?",
      "MS. JEAN-PIERRE:  So, you're talking about the missile that we saw —",
      "Q    The hypersonic test, yes.",
      `MS. JEAN-PIERRE:  ${ANSWER}`,
      "Q    So the White House would rather small towns take care of them —",
      "MS. JEAN-PIERRE:  That is not what I said.",
      "Q    Can I go back to the bulk collection program?",
      "MS. JEAN-PIERRE:  Sure.",
      "Q    Is the program going to lapse?",
      `MS. JEAN-PIERRE:  ${ANSWER}`,
      "Q    Karine, one on Iran —",
      "MS. JEAN-PIERRE:  I'll come back.",
      "Q    Is the deal dead?",
      `MS. JEAN-PIERRE:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual([
      "question",
      "other",
      "question",
      "answer",
      "question",
      "answer",
      "other",
      "moderator",
      "question",
      "answer",
      "other",
      "moderator",
      "question",
      "answer",
    ]);
    expect(pairs).toEqual([
      [0, 3],
      [2, 3],
      [4, 5],
      [8, 9],
      [12, 13],
    ]);
  });

  it("an official's Okay. while a reporter sets up the question is listening, and declining with We're going to move on. Go ahead. runs the room", () => {
    const { kinds, pairs } = read([
      "Q    Thank you, Karine. I'd like to first ask you a question about remarks the President made to me on the lawn two weeks ago.",
      "MS. JEAN-PIERRE:  Okay.",
      "Q    He told me nobody should be in prison for marijuana. Will he keep that promise?",
      `MS. JEAN-PIERRE:  ${ANSWER}`,
      "Q    Have you faced any attacks yourself at the podium?",
      "MS. JEAN-PIERRE:  I — we're going to move on, Simon. Go ahead. Go ahead, Alex.",
      "Q    Is the bill going to pass?",
      `MS. JEAN-PIERRE:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual([
      "question",
      "other",
      "question",
      "answer",
      "question",
      "moderator",
      "question",
      "answer",
    ]);
    expect(pairs).toEqual([
      [0, 3],
      [2, 3],
      [6, 7],
    ]);
  });

  it("a guest welcomed at the start, the questions counted and called (Two more. Nancy and then Nandita.), and the briefer's one thing at the top after the guest are not answers", () => {
    const { kinds, pairs } = read([
      "MS. PSAKI:  Okay. Today, we have a very special guest, Homeland Security Secretary Mayorkas. He has served in government for many years.",
      `SECRETARY MAYORKAS:  Thank you. ${ANSWER} ${ANSWER}`,
      "Q    How long do children stay in the facilities?",
      `SECRETARY MAYORKAS:  ${ANSWER}`,
      "SECRETARY MAYORKAS:  Oh, I'm happy to take another one.",
      "MS. PSAKI:  Okay. Two more. Nancy and then Nandita.",
      "Q    Hi. Thanks. Can I ask you about the tent facilities?",
      "SECRETARY MAYORKAS:  Sure.",
      "Q    Will reporters be let in?",
      `SECRETARY MAYORKAS:  ${ANSWER}`,
      "MS. PSAKI:  Okay. And we'll do Shelby. Last one.",
      "Q    Is the border open?",
      `SECRETARY MAYORKAS:  ${ANSWER}`,
      `MS. PSAKI:  Okay, I just have one thing at the top, and we'll take your questions. ${ANSWER} ${ANSWER} ${ANSWER}`,
    ]);
    expect(kinds).toEqual([
      "moderator",
      "remarks",
      "question",
      "answer",
      "moderator",
      "moderator",
      "other",
      "moderator",
      "question",
      "answer",
      "moderator",
      "question",
      "answer",
      "remarks",
    ]);
    expect(pairs).toEqual([
      [2, 3],
      [8, 9],
      [11, 12],
    ]);
  });

  it("an answer begun and broken off by the reporter is an answer, and I'm not sure what you mean. or Say that one more time. answers nothing", () => {
    const { kinds, pairs } = read([
      "Q    It doesn't sound like he's interested in negotiating on the tax credits.",
      "MS. PSAKI:  As he said — as he said there —",
      "Q    (Inaudible.)",
      `MS. PSAKI:  ${ANSWER}`,
      "Q    Is that a red line for the President?",
      "MS. PSAKI:  I'm not sure — a red line for whom? I'm not sure what you mean.",
      "Q    For the Governor's staff.",
      `MS. PSAKI:  ${ANSWER}`,
      "Q    Do you trust the news that Juul will be banned?",
      "MS. PSAKI:  Say that one more time.",
      "Q    Will the FDA ban Juul?",
      `MS. PSAKI:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual([
      "question",
      "answer",
      "other",
      "answer",
      "question",
      "other",
      "question",
      "answer",
      "question",
      "other",
      "question",
      "answer",
    ]);
    expect(pairs).toEqual([
      [0, 1],
      [0, 3],
      [4, 7],
      [6, 7],
      [8, 11],
      [10, 11],
    ]);
  });

  it("That's right. while a reporter sets up the question is listening, and the answer after answers the setup too", () => {
    const { kinds, pairs } = read([
      "Q    The White House put out a rare statement on Beau Biden yesterday because the Vice President had traveled to Houston.",
      "MR. EARNEST:  That's right.",
      "Q    Has the Vice President had to change his schedule?",
      `MR. EARNEST:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["question", "other", "question", "answer"]);
    expect(pairs).toEqual([
      [0, 3],
      [2, 3],
    ]);
  });

  it("a briefer who starts with questions and calls a name chairs; leave asked and granted with Certainly., a guest's Do you want to answer that?, Nancy, kick us off. and it's got to be the last one run the room", () => {
    const { kinds, pairs } = read([
      "MR. CARNEY:  Good afternoon. Welcome to the White House. I have no announcements so we will start with questions. Erica.",
      "Q    Is the President going to Yemen?",
      `MR. CARNEY:  ${ANSWER}`,
      "Q    Thanks. Can I ask you about Yemen?",
      "MR. CARNEY:  Certainly.",
      "Q    Does the President support the transition?",
      "AMBASSADOR RICE:  Do you want to answer that?",
      `MR. CARNEY:  ${ANSWER}`,
      "MR. CARNEY:  All right. Nancy, kick us off.",
      "Q    Can I ask you a follow-up question on COVID-19?",
      "Q    Will the mandate stay?",
      `MR. CARNEY:  ${ANSWER}`,
      "MR. CARNEY:  Phil, it's got to be the last one.",
      "Q    And the budget?",
      `MR. CARNEY:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual([
      "moderator",
      "question",
      "answer",
      "other",
      "moderator",
      "question",
      "moderator",
      "answer",
      "moderator",
      "other",
      "question",
      "answer",
      "moderator",
      "question",
      "answer",
    ]);
    expect(pairs).toEqual([
      [1, 2],
      [5, 7],
      [10, 11],
      [13, 14],
    ]);
  });

  it("a guest brought in after greetings (Happy Friday. … we have another special guest) and a quick week ahead before questions are not answers", () => {
    const bio = Array(12)
      .fill("She has taught economics at Princeton for two decades and led its school.")
      .join(" ");
    const { kinds } = read([
      `MS. PSAKI:  Hi everyone. Happy Friday. All right. So, today, we have another special guest — Chair of the Council of Economic Advisers Cecilia Rouse. ${bio}`,
      `CHAIR ROUSE:  Thank you. ${ANSWER} ${ANSWER}`,
      "Q    Will wages rise?",
      `CHAIR ROUSE:  ${ANSWER}`,
      `MR. GIBBS:  Let's do a quick week ahead, and then I'll take some questions. ${ANSWER} ${ANSWER} ${ANSWER}`,
    ]);
    expect(kinds).toEqual(["moderator", "remarks", "question", "answer", "remarks"]);
  });

  it("no announcements and straight to questions chairs; Well, I can take a stab at that. is a guest's answer, not a hand-off; thanking the guests for coming closes their part; Could I go to April, please? gives the floor", () => {
    const { kinds, pairs } = read([
      "MR. CARNEY:  Good afternoon, everyone. I am going to go right into questions. I don't have any announcements at the top. So, Mr. Feller.",
      "Q    How much will the infrastructure package cost, and how will it be paid for?",
      "DR. BOUSHEY:  Well, I can take a stab at that.",
      `CHAIR ROUSE:  ${ANSWER}`,
      "MR. CARNEY:  All right. Thank you both so much for coming.",
      "MR. CARNEY:  We'd love to have you back.",
      "Q    And can I just do one more on the border?",
      "Q    Are the shelters full?",
      `MR. CARNEY:  ${ANSWER}`,
      "MR. CARNEY:  April. Could I go to April, please?",
      "Q    Is the President going to Texas?",
      `MR. CARNEY:  ${ANSWER}`,
    ]);
    expect(kinds).toEqual([
      "moderator",
      "question",
      "answer",
      "answer",
      "moderator",
      "other",
      "other",
      "question",
      "answer",
      "moderator",
      "question",
      "answer",
    ]);
    expect(pairs).toEqual([
      [1, 2],
      [1, 3],
      [7, 8],
      [10, 11],
    ]);
  });
});
