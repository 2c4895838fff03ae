import { describe, expect, it } from "vitest";
import { idFromText } from "../text-hash";
import { readDoccanoJsonl } from "./doccano-jsonl";

const LABELS = ["QUOTE", "CLAIM", "ACTOR"];
const TEXT = "習近平 said 「开放」 👍🏽.";

describe("readDoccanoJsonl", () => {
  it("reads [start, end, label] triples into the importing analyst's layer, offsets in code points", () => {
    const line = JSON.stringify({ id: 7, text: TEXT, label: [[0, 3, "ACTOR"], [9, 13, "QUOTE"]], source: "wire", Comments: [] });
    const result = readDoccanoJsonl(line, { file: "d.jsonl", annotator: "ana@example.org", allowedLabels: LABELS });
    expect(result).toEqual({
      ok: true,
      warnings: [],
      articles: [
        {
          id: "7",
          title: TEXT,
          outlet: null,
          url: null,
          published_at: null,
          meta: { source: "wire", Comments: [] },
          text: TEXT,
          annotations: [
            {
              annotator: "ana@example.org",
              spans: [
                { id: "t1", start: 0, end: 3, label: "ACTOR", text: "習近平", attributes: {}, note: null, actor: null },
                { id: "t2", start: 9, end: 13, label: "QUOTE", text: "「开放」", attributes: {}, note: null, actor: null },
              ],
              relations: [],
            },
          ],
          gold: null,
        },
      ],
    });
  });

  it('accepts "labels", "data", and the entities/relations variant, into gold when asked', () => {
    const lines = [
      JSON.stringify({ data: "Bob said yes", labels: [[0, 3, "ACTOR"]] }),
      JSON.stringify({
        id: "e",
        text: TEXT,
        title: "Xi",
        entities: [
          { id: 11, start_offset: 0, end_offset: 3, label: "ACTOR" },
          { id: 12, start_offset: 9, end_offset: 13, label: "QUOTE" },
        ],
        relations: [{ id: 1, from_id: 12, to_id: 11, type: "Attributed-To" }],
      }),
    ].join("\n");
    const result = readDoccanoJsonl(lines, { file: "d.jsonl", gold: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first, second] = result.articles;
    expect(first.id).toBe(idFromText("Bob said yes"));
    expect(first.annotations).toEqual([]);
    expect(first.gold?.spans.map((s) => s.text)).toEqual(["Bob"]);
    expect(second.title).toBe("Xi");
    expect(second.gold?.spans.map((s) => s.id)).toEqual(["11", "12"]);
    expect(second.gold?.relations).toEqual([{ type: "attributed_to", from: "12", to: "11" }]);
  });

  it.each([
    ["a truncated line", '{"text": "abc", "label": [[0, 1', /malformed JSON/],
    ["missing text", { label: [[0, 1, "QUOTE"]] }, /missing text/],
    ["a span past the end", { text: "abc", label: [[1, 4, "QUOTE"]] }, /label\[0\]: span \[1, 4\) lies outside the text/],
    ["end <= start", { text: "abc", label: [[2, 2, "QUOTE"]] }, /end \(2\) must be greater than start \(2\)/],
    ["a non-integer offset", { text: "abc", label: [[0.5, 2, "QUOTE"]] }, /offsets must be integers/],
    ["a malformed triple", { text: "abc", label: [[0, 2]] }, /expected \[start, end, label\]/],
    ["document categories", { text: "abc", label: ["positive"] }, /document category/],
    ["an unknown label", { text: "abc", label: [[0, 2, "PERSON"]] }, /unknown label "PERSON"/],
    [
      "a relation to an unknown entity",
      { text: "abc", entities: [{ id: 1, start_offset: 0, end_offset: 1, label: "QUOTE" }], relations: [{ from_id: 1, to_id: 9, type: "attributed_to" }] },
      /unknown span id "9"/,
    ],
    [
      "an unknown relation type",
      {
        text: "abc",
        entities: [{ id: 1, start_offset: 0, end_offset: 1, label: "QUOTE" }, { id: 2, start_offset: 2, end_offset: 3, label: "ACTOR" }],
        relations: [{ from_id: 1, to_id: 2, type: "cites" }],
      },
      /unknown relation type "cites"/,
    ],
    ["a duplicate id", { id: "one", text: "other text" }, /duplicate article id "one"/],
  ])("refuses %s, naming file and line, yielding nothing", (_name, bad, message) => {
    const text = [JSON.stringify({ id: "one", text: "fine" }), typeof bad === "string" ? bad : JSON.stringify(bad)].join("\n");
    const result = readDoccanoJsonl(text, { file: "d.jsonl", annotator: "a@x.org", allowedLabels: LABELS });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const error of result.errors) expect(error).toMatchObject({ file: "d.jsonl", line: 2 });
    expect(result.errors.map((e) => e.message).join("\n")).toMatch(message);
  });

  it("merges duplicate triples with a warning", () => {
    const result = readDoccanoJsonl(JSON.stringify({ text: "abc", label: [[0, 2, "QUOTE"], [0, 2, "QUOTE"]] }), { file: "d.jsonl", annotator: "a@x.org" });
    expect(result.ok && result.articles[0].annotations[0].spans.length).toBe(1);
    expect(result.ok && result.warnings[0]).toMatchObject({ line: 1, message: expect.stringContaining("same label and bounds") });
  });

  it("needs to know whose layer the spans are", () => {
    expect(() => readDoccanoJsonl("", { file: "d.jsonl" })).toThrow(TypeError);
    expect(() => readDoccanoJsonl("", { file: "d.jsonl", annotator: "gold" })).toThrow(/reserved/);
  });
});
