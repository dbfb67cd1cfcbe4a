/** Question and answer records ("问", "答"), as the Chinese Foreign Ministry's press conferences are shared. */
import { describe, expect, it } from "vitest";
import { ingestBytes, ingestText } from "../support/ingest.js";

const line = (id: number, q: string, a: string) => JSON.stringify({ id, 问: q, 答: a });

describe("question and answer records", () => {
  it("makes each record a document of the question and the answer, paired, with the record's id as reference", () => {
    const docs = ingestText(
      "cmfa/qa.jsonl",
      [
        line(1, "你能否证实？", "答关于这个问题，我没有消息。"),
        line(2, "中方有何评论？", "我们注意到有关报道。"),
      ].join("\n"),
    );
    expect(docs.map((d) => [d.publisher, d.language, d.kind, d.publisherRef])).toEqual([
      ["fmprc.gov.cn", "zh", "press-conference", "1"],
      ["fmprc.gov.cn", "zh", "press-conference", "2"],
    ]);
    expect(docs[0]?.turns.map((t) => [t.label, t.kind, t.paragraphs[0]])).toEqual([
      ["问", "question", "你能否证实？"],
      ["答", "answer", "关于这个问题，我没有消息。"],
    ]);
    expect(docs[0]?.qa).toEqual([{ question: 0, answers: [1] }]);
  });

  it("takes the label off an answer only where it is the label, not the first character of a word", () => {
    const [doc] = ingestText("cmfa/qa.jsonl", line(3, "问：有何评论？", "答复是明确的：不接受。"));
    expect(doc?.turns.map((t) => t.paragraphs[0])).toEqual(["有何评论？", "答复是明确的：不接受。"]);
  });

  it("pairs a question put without a question mark, as the ministry's records often put it", () => {
    const [doc] = ingestText(
      "cmfa/qa.jsonl",
      line(7, "据报道，代表团今天抵京，请证实。", "我没有听说这一访问。"),
    );
    expect(doc?.turns.map((t) => t.kind)).toEqual(["question", "answer"]);
    expect(doc?.qa).toEqual([{ question: 0, answers: [1] }]);
  });

  it("reads a JSON array of records as JSON Lines", () => {
    const docs = ingestText(
      "cmfa/qa.json",
      `[${line(4, "问题？", "回答。")}, ${line(5, "另一个问题？", "另一个回答。")}]`,
    );
    expect(docs).toHaveLength(2);
  });

  it("skips a line that is not JSON with a coded notice naming it, and reads the other records", () => {
    const outcome = ingestBytes(
      "cmfa/qa.jsonl",
      Buffer.from(`${line(6, "问题？", "回答。")}\n{"问": broken\n${line(8, "问题？", "回答。")}`, "utf8"),
    );
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.documents.map((d) => d.publisherRef)).toEqual(["6", "8"]);
      expect(outcome.notices?.map((n) => n.code)).toEqual(["RECORD_SKIPPED"]);
      expect(outcome.notices?.[0]?.message).toContain("line 2");
    }
  });
});
