import { describe, expect, it } from "vitest";
import { computeAgreement } from "./compute-agreement";
import { articleRows, formatUnits, formatValue, labelColumns, pairRows, poolFigures, projectRows } from "./report-tables";
import type { AgreementArticle, AgreementFigure } from "./types";

const LABELS = ["QUOTE", "CLAIM", "ACTOR"];
// Tokens: one [0,3) two [4,7) three [8,13) four [14,18)
const TEXT = "one two three four";
const articles: AgreementArticle[] = [
  {
    externalId: "agree",
    text: TEXT,
    layers: {
      "a@x": [{ start: 0, end: 3, label: "ACTOR" }],
      "b@x": [{ start: 0, end: 3, label: "ACTOR" }],
    },
  },
  {
    externalId: "differ",
    text: TEXT,
    layers: {
      "a@x": [{ start: 4, end: 13, label: "QUOTE" }],
      "b@x": [{ start: 4, end: 18, label: "QUOTE" }],
      "c@x": [{ start: 4, end: 13, label: "QUOTE" }],
    },
  },
  { externalId: "empty", text: TEXT, layers: { "a@x": [], "c@x": [] } },
];
const report = computeAgreement({ project: "p", labels: LABELS, articles });

const fig = (value: number | null, units: number): AgreementFigure => ({ measure: "f1_exact", label: null, annotators: [], article: null, value, units });

describe("formatting", () => {
  it("prints three decimals, a dash for no value, never -0.000", () => {
    expect(formatValue(2 / 3)).toBe("0.667");
    expect(formatValue(null)).toBe("—");
    expect(formatValue(-0.0001)).toBe("0.000");
    expect(formatValue(-0.25)).toBe("-0.250");
  });
  it("names the units of each measure", () => {
    expect(formatUnits("f1_exact", 1)).toBe("1 span");
    expect(formatUnits("cohen_kappa", 1200)).toBe("1,200 tokens");
    expect(formatUnits("alpha_u", 18)).toBe("18 code points");
    expect(formatUnits("speaker_agreement", 2)).toBe("2 span pairs");
  });
});

describe("pooling pairs", () => {
  it("sums counts for the F1s: Σ(value × units) ÷ Σunits", () => {
    // pair 1: 2·1/4, pair 2: 2·3/6 → 2·4/10
    expect(poolFigures("f1_exact", [fig(0.5, 4), fig(1, 6)])).toEqual({ value: 0.8, units: 10 });
    expect(poolFigures("f1_exact", [fig(null, 0), fig(null, 0)])).toEqual({ value: null, units: 0 });
    expect(poolFigures("f1_exact", [])).toBeNull();
  });
  it("averages the defined kappas", () => {
    expect(poolFigures("cohen_kappa", [fig(0.2, 10), fig(0.6, 10), fig(null, 10)])).toEqual({ value: 0.4, units: 30 });
  });
});

describe("tables of a report", () => {
  it("project rows: pairwise measures pooled over pairs, group measures over all analysts", () => {
    expect(labelColumns(report)).toEqual(["QUOTE", "CLAIM", "ACTOR", null]);
    const rows = projectRows(report);
    expect(rows.map((r) => r.measure)).toEqual(["f1_exact", "f1_overlap", "cohen_kappa", "fleiss_kappa", "alpha_u", "f1_attribution", "speaker_agreement"]);
    const f1 = rows[0].cells;
    // QUOTE: a–b 0 of 2 (differ), a–c 2 of 2 (differ), b–c 0 of 2 → 2·1/6
    expect(f1[0]).toEqual({ value: 2 / 6, units: 6 });
    // ACTOR: only a–b annotated "agree" together: 1 of 2 spans each side → 1
    expect(f1[2]).toEqual({ value: 1, units: 2 });
    // no CLAIM anywhere
    expect(f1[1]).toEqual({ value: null, units: 0 });
    // kappas have no all-labels figure; Fleiss' kappa compares all three on "differ" only (4 tokens)
    expect(rows[2].cells[3]).toBeNull();
    expect(rows[3].cells[3]).toBeNull();
    expect(rows[3].cells[0]?.units).toBe(4);
    // attribution measures exist for QUOTE and CLAIM only
    expect(rows[5].cells[2]).toBeNull();
  });

  it("pair rows: each pair's project figures", () => {
    const pairs = pairRows(report);
    expect(pairs.map((p) => p.pair)).toEqual([
      ["a@x", "b@x"],
      ["a@x", "c@x"],
      ["b@x", "c@x"],
    ]);
    const ac = pairs[1].rows.find((r) => r.measure === "f1_exact")!;
    expect(ac.cells[0]).toEqual({ value: 1, units: 2 });
    expect(pairs[0].rows.map((r) => r.measure)).not.toContain("fleiss_kappa");
  });

  it("article rows: most disagreement first, articles nobody marked last", () => {
    const rows = articleRows(report);
    expect(rows.map((r) => r.article)).toEqual(["differ", "agree", "empty"]);
    expect(rows[0].annotators).toEqual(["a@x", "b@x", "c@x"]);
    // QUOTE mean pairwise F1 over the three pairs is 1/3: disagreement 2/3
    expect(rows[0].disagreement).toBeCloseTo(2 / 3, 12);
    expect(rows[0].f1Exact[0]).toEqual({ value: 2 / 6, units: 6 });
    expect(rows[1].disagreement).toBe(0);
    expect(rows[2].disagreement).toBeNull();
    expect(rows[0].alphaU[3]?.units).toBe(18);
  });
});
