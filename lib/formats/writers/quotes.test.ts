import { describe, expect, it } from "vitest";
import { writeQuotes, type QuoteRecord } from "./quotes";

const record: QuoteRecord = {
  article: "a-1",
  outlet: "Port Herald",
  published_at: "2026-03-02",
  label: "QUOTE",
  start: 3,
  end: 12,
  text: "=HYPERLINK(\"x\"), 👍🏽",
  speaker: "Marta Kessler",
  cluster: "c0123",
  layer: "gold",
};

describe("writeQuotes", () => {
  it("writes one JSON object a line with DESIGN.md's fields in order", () => {
    const out = writeQuotes([record, { ...record, start: 20, end: 25, speaker: null }], "jsonl");
    const lines = out.split("\n");
    expect(lines).toHaveLength(3);
    expect(Object.keys(JSON.parse(lines[0]))).toEqual(["article", "outlet", "published_at", "label", "start", "end", "text", "speaker", "cluster", "layer"]);
    expect(JSON.parse(lines[1])).toMatchObject({ start: 20, speaker: null });
  });

  it("writes CSV with a header, quoting and guarding cells against formulas", () => {
    const out = writeQuotes([record], "csv");
    expect(out).toBe(
      'article,outlet,published_at,label,start,end,text,speaker,cluster,layer\r\na-1,Port Herald,2026-03-02,QUOTE,3,12,"\'=HYPERLINK(""x""), 👍🏽",Marta Kessler,c0123,gold\r\n',
    );
  });
});
