import { describe, expect, it } from "vitest";
import { readBrat } from "./brat";

const TXT = "習近平 said 「开放」 👍🏽.\nMike Waltz agreed\nlater.";
const input = (ann: string, txt = TXT) => ({ txtFile: "docs/xi%2F1.txt", txt, annFile: "docs/xi%2F1.ann", ann });
const LABELS = ["QUOTE", "CLAIM", "ACTOR"];

describe("readBrat", () => {
  it("reads T, R, N, # and A lines; offsets in code points", () => {
    const ann = [
      "T1\tACTOR 0 3\t習近平",
      "T2\tQUOTE 9 13\t「开放」",
      "R1\tAttributed_To Arg2:T1 Arg1:T2",
      "N1\tReference T1 Wikidata:Q15031\t'Xi Jinping'",
      "#1\tAnnotatorNotes T2\tfirst line",
      "#2\tAnnotatorNotes T2\tsecond line",
      "A1\tNegated T2",
      "A2\tCertainty T2 High",
      "T3\tACTOR 18 28\tMike Waltz",
      "N2\tReference T3 Sourcemark:Mike%20Waltz",
      "",
    ].join("\n");
    const result = readBrat(input(ann), { annotator: "ana@example.org", allowedLabels: LABELS });
    expect(result).toEqual({
      ok: true,
      warnings: [],
      articles: [
        {
          id: "xi/1",
          title: "習近平 said 「开放」 👍🏽.",
          outlet: null,
          url: null,
          published_at: null,
          meta: {},
          text: TXT,
          annotations: [
            {
              annotator: "ana@example.org",
              spans: [
                { id: "T1", start: 0, end: 3, label: "ACTOR", text: "習近平", attributes: {}, note: null, actor: "Xi Jinping" },
                {
                  id: "T2",
                  start: 9,
                  end: 13,
                  label: "QUOTE",
                  text: "「开放」",
                  attributes: { Negated: true, Certainty: "High" },
                  note: "first line\nsecond line",
                  actor: null,
                },
                { id: "T3", start: 18, end: 28, label: "ACTOR", text: "Mike Waltz", attributes: {}, note: null, actor: "Mike Waltz" },
              ],
              relations: [{ type: "attributed_to", from: "T2", to: "T1" }],
            },
          ],
          gold: null,
        },
      ],
    });
  });

  it("reads brat's line-break fragments as one span and its text column with spaces for line breaks", () => {
    const result = readBrat(input("T1\tCLAIM 18 35;36 41\tMike Waltz agreed later\n"), { gold: true });
    expect(result.ok && result.articles[0].gold?.spans[0]).toMatchObject({ start: 18, end: 41, text: "Mike Waltz agreed\nlater" });
    expect(result.ok && result.warnings[0]).toMatchObject({ file: "docs/xi%2F1.ann", line: 1 });
  });

  it.each([
    ["a discontinuous span", "T1\tQUOTE 0 3\t習近平\nT2\tQUOTE 0 2;9 13\t習近 「开放」", 2, /discontinuous spans \(0 2;9 13\) are not supported/],
    ["a span past the end", "T1\tQUOTE 40 60\tx", 1, /lies outside the text/],
    ["end <= start", "T1\tQUOTE 5 5\t", 1, /must be greater than start/],
    ["non-integer offsets", "T1\tQUOTE 0 2.5\tx", 1, /integer offsets/],
    ["covered text mismatch", "T1\tACTOR 0 3\tXi!", 1, /covered text mismatch at \[0, 3\): the article has "習近平", the file gives "Xi!"/],
    ["an unknown label", "T1\tPERSON 0 3\t習近平", 1, /unknown label "PERSON"/],
    ["a relation to an unknown span", "T1\tQUOTE 9 13\t「开放」\nR1\tattributed_to Arg1:T1 Arg2:T9", 2, /unknown span id "T9"/],
    ["an unknown relation type", "T1\tQUOTE 9 13\t「开放」\nT2\tACTOR 0 3\t習近平\nR1\tcites Arg1:T1 Arg2:T2", 3, /unknown relation type "cites"/],
    ["a note on an unknown span", "#1\tAnnotatorNotes T4\tnote", 1, /note refers to unknown span id "T4"/],
    ["a duplicate T id", "T1\tACTOR 0 3\t習近平\nT1\tQUOTE 9 13\t「开放」", 2, /duplicate id/],
  ])("refuses %s with the .ann line", (_name, ann, line, message) => {
    const result = readBrat(input(ann), { annotator: "a@x.org", allowedLabels: LABELS });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ file: "docs/xi%2F1.ann", line });
    expect(result.errors.map((e) => e.message).join("\n")).toMatch(message);
  });

  it("refuses an empty text, naming the .txt", () => {
    const result = readBrat(input("", ""), { gold: true });
    expect(!result.ok && result.errors[0]).toMatchObject({ file: "docs/xi%2F1.txt", message: "text is empty" });
  });

  it("ignores events with a warning", () => {
    const result = readBrat(input("T1\tACTOR 0 3\t習近平\nE1\tSay:T1"), { gold: true });
    expect(result.ok && result.warnings).toEqual([{ file: "docs/xi%2F1.ann", line: 2, message: "E1: events not supported; line ignored" }]);
  });
});
