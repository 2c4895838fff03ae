import { describe, expect, it } from "vitest";
import { collectText } from "../stream";
import { smallCorpus } from "../test-support/corpus";
import { csvCell, guardCsvCell, parseCsv, unguardCsvCell } from "./csv";
import { writeSpansCsv } from "./spans-csv";

describe("CSV of spans", () => {
  it("writes the columns, one row per span, CRLF records", async () => {
    const out = await collectText(writeSpansCsv(smallCorpus()));
    expect(out.split("\r\n")).toEqual([
      "article,layer,label,start,end,text,actor,attributed_to",
      'waltz-abc-2025-01-12,alice@example.org,QUOTE,16,29,"""we will act""",,Mike Waltz',
      "waltz-abc-2025-01-12,alice@example.org,ACTOR,0,10,Mike Waltz,Mike Waltz,",
      "waltz-abc-2025-01-12,alice@example.org,CLAIM,52,68,the talks failed,,He",
      "waltz-abc-2025-01-12,alice@example.org,ACTOR,41,43,He,,",
      'waltz-abc-2025-01-12,gold,QUOTE,16,29,"""we will act""",,Mike Waltz',
      "waltz-abc-2025-01-12,gold,ACTOR,0,10,Mike Waltz,Mike Waltz,",
      "",
    ]);
  });

  it("starts with a BOM only when asked", async () => {
    expect((await collectText(writeSpansCsv([], { bom: true }))).startsWith("\uFEFFarticle,")).toBe(true);
  });
});

describe("CSV cells", () => {
  it("quotes per RFC 4180 and keeps line ends inside fields", () => {
    expect(csvCell('say "hi", then\r\nleave')).toBe('"say ""hi"", then\r\nleave"');
    expect(parseCsv(`a,${csvCell('x,"y"\r\nz')}\r\n`)).toEqual([["a", 'x,"y"\r\nz']]);
  });

  it.each([
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+1 (555) 010", "'+1 (555) 010"],
    ["-Ssaid", "'-Ssaid"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["-5", "-5"],
    ["+3.5e2", "+3.5e2"],
    ["'=x", "''=x"],
    ["'plain", "'plain"],
    ["plain", "plain"],
  ])("guards %j against formula injection as %j, reversibly", (value, guarded) => {
    expect(guardCsvCell(value)).toBe(guarded);
    expect(unguardCsvCell(guarded)).toBe(value);
  });
});
