import { describe, expect, it } from "vitest";
import { collectText } from "../stream";
import { smallCorpus } from "../test-support/corpus";
import { iobColumn, tokenize, writeConll } from "./conll";

describe("CoNLL IOB2 writer", () => {
  it("writes TOKEN START END and one IOB2 column per label, with doc comments", async () => {
    const out = await collectText(writeConll(smallCorpus(), { layer: "alice@example.org" }));
    expect(out.split("\n")).toEqual([
      "# global.columns = TOKEN START END QUOTE CLAIM ACTOR",
      "# doc_id = waltz-abc-2025-01-12",
      "# layer = alice@example.org",
      "Mike\t0\t4\tO\tO\tB-ACTOR",
      "Waltz\t5\t10\tO\tO\tI-ACTOR",
      "said\t11\t15\tO\tO\tO",
      '"we\t16\t19\tB-QUOTE\tO\tO',
      "will\t20\t24\tI-QUOTE\tO\tO",
      'act"\t25\t29\tI-QUOTE\tO\tO',
      "on\t30\t32\tO\tO\tO",
      "Sunday.\t33\t40\tO\tO\tO",
      "He\t41\t43\tO\tO\tB-ACTOR",
      "claimed\t44\t51\tO\tO\tO",
      "the\t52\t55\tO\tB-CLAIM\tO",
      "talks\t56\t61\tO\tI-CLAIM\tO",
      "failed.\t62\t69\tO\tI-CLAIM\tO",
      "",
      "",
    ]);
  });

  it("separates paragraphs with a blank line and counts CRLF as one line break", () => {
    const tokens = tokenize("One\r\ntwo\r\n\r\nthree\n\nfour\u2029five  six");
    expect(tokens.map((t) => [t.text, t.start, t.end, t.paragraphStart])).toEqual([
      ["One", 0, 3, false],
      ["two", 5, 8, false],
      ["three", 12, 17, true],
      ["four", 19, 23, true],
      ["five", 24, 28, true],
      ["six", 30, 33, false],
    ]);
  });

  it("widens spans to whole tokens and joins same-label spans that share a token", () => {
    const tokens = tokenize("aa bb cc dd ee");
    expect(iobColumn(tokens, [{ start: 1, end: 4 }, { start: 7, end: 8 }, { start: 9, end: 11 }, { start: 4, end: 5 }], "Q")).toEqual([
      "B-Q", "I-Q", "B-Q", "B-Q", "O",
    ]);
    expect(iobColumn(tokens, [{ start: 0, end: 8 }, { start: 3, end: 14 }], "Q")).toEqual(["B-Q", "I-Q", "I-Q", "I-Q", "I-Q"]);
  });

  it("refuses a span whose label has no column", async () => {
    await expect(collectText(writeConll(smallCorpus(), { labels: ["QUOTE"] }))).rejects.toThrow(/label ACTOR has no column/);
  });
});
