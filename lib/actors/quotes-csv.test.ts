import { describe, expect, it } from "vitest";
import { parseCsv, unguardCsvCell } from "../formats/writers/csv";
import { quotesCsv, quotesFileName, QUOTES_CSV_HEADER } from "./quotes-csv";

describe("an actor's quotes as CSV", () => {
  it("writes a header and one row a quote, keeping commas, quotes, line ends and formulas safe", () => {
    const csv = quotesCsv("Marta Kessler", [
      {
        article: { externalId: "a-1", title: "Talks, again", outlet: "Wire", publishedAt: "2026-03-02" },
        layer: "gold",
        label: "QUOTE",
        start: 10,
        end: 20,
        text: 'promises "do not" pay\nrent',
        speakerText: "Kessler",
        before: "=HYPERLINK(x) said “",
        after: "”.",
      },
    ]);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...QUOTES_CSV_HEADER]);
    expect(rows[1].map(unguardCsvCell)).toEqual(["Marta Kessler", "a-1", "Talks, again", "Wire", "2026-03-02", "gold", "QUOTE", "10", "20", 'promises "do not" pay\nrent', "Kessler", "=HYPERLINK(x) said “", "”."]);
    expect(rows[1][11].startsWith("'=")).toBe(true);
  });

  it("names the file after the actor", () => {
    expect(quotesFileName("velmora", "M. Keßler")).toBe("velmora-m-kessler-quotes.csv");
  });
});
