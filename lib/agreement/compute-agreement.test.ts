import { describe, expect, it } from "vitest";
import { computeAgreement } from "./compute-agreement";
import { krippendorffAlphaUnitizing } from "./unitizing/krippendorff-alpha-unitizing";
import type { AgreementArticle, AgreementFigure, AgreementMeasure, AgreementReport } from "./types";

const LABELS = ["QUOTE", "CLAIM", "ACTOR"];

/** The one figure with these coordinates (fails the test when there is none or several). */
function figure(
  report: AgreementReport,
  measure: AgreementMeasure,
  label: string | null,
  annotators: string[],
  article: string | null,
): AgreementFigure {
  const found = report.figures.filter(
    (f) => f.measure === measure && f.label === label && f.article === article && f.annotators.join() === annotators.join(),
  );
  expect(found, `${measure} ${label} ${annotators} ${article}`).toHaveLength(1);
  return found[0];
}

// Ten 4-letter tokens; token k covers code points [5k, 5k + 4). Length 49.
const TEXT_1 = "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj";
const art1: AgreementArticle = {
  externalId: "art-1",
  text: TEXT_1,
  layers: {
    "a@x": [
      { start: 0, end: 9, label: "QUOTE", speaker: "Merkel" }, // tokens 0–1
      { start: 20, end: 29, label: "QUOTE", speaker: "Macron" }, // tokens 4–5
      { start: 10, end: 14, label: "CLAIM", speaker: null }, // token 2
      { start: 40, end: 44, label: "ACTOR" }, // token 8
    ],
    "b@x": [
      { start: 0, end: 9, label: "QUOTE", speaker: "Merkel" },
      { start: 0, end: 9, label: "QUOTE", speaker: "Merkel" }, // duplicate: counts once
      { start: 22, end: 34, label: "QUOTE", speaker: "Scholz" }, // tokens 4–6, overlaps a's [20,29)
      { start: 10, end: 14, label: "CLAIM", speaker: "Merkel" },
      { start: 40, end: 44, label: "ACTOR" },
      { start: 45, end: 49, label: "ACTOR" }, // token 9, b only
    ],
  },
};
// "one two three": tokens [0,3) [4,7) [8,13). Length 13. c@x annotated it and found nothing.
const art2: AgreementArticle = {
  externalId: "art-2",
  text: "one two three",
  layers: {
    "a@x": [{ start: 0, end: 7, label: "QUOTE", speaker: "X" }],
    "b@x": [{ start: 4, end: 13, label: "QUOTE", speaker: "X" }],
    "c@x": [],
  },
};

describe("computeAgreement on hand-computed layers", () => {
  // Articles given out of order: the report must not depend on it.
  const report = computeAgreement({ project: "demo", labels: LABELS, articles: [art2, art1] });
  const ab = ["a@x", "b@x"];

  it("f1_exact per label and pooled (art-1)", () => {
    // QUOTE: A {[0,9),[20,29)}, B {[0,9),[22,34)} (duplicate dropped): 1 match, 2·1/4
    expect(figure(report, "f1_exact", "QUOTE", ab, "art-1")).toMatchObject({ value: 0.5, units: 4 });
    expect(figure(report, "f1_exact", "CLAIM", ab, "art-1")).toMatchObject({ value: 1, units: 2 });
    // ACTOR: A {[40,44)}, B {[40,44),[45,49)}: 2·1/3
    expect(figure(report, "f1_exact", "ACTOR", ab, "art-1").value).toBeCloseTo(2 / 3, 12);
    // all labels: 3 matches of 9 spans: 6/9
    expect(figure(report, "f1_exact", null, ab, "art-1")).toMatchObject({ value: 6 / 9, units: 9 });
  });

  it("f1_overlap per label and pooled (art-1)", () => {
    // QUOTE: both of A's spans meet a B span and vice versa: P = R = 1
    expect(figure(report, "f1_overlap", "QUOTE", ab, "art-1").value).toBe(1);
    // ACTOR: P = 1/1, R = 1/2 (b's [45,49) meets nothing): 2·1·0.5/1.5 = 2/3
    expect(figure(report, "f1_overlap", "ACTOR", ab, "art-1").value).toBeCloseTo(2 / 3, 12);
    // all: P = (2+1+1)/4 = 1, R = (2+1+1)/5 = 0.8: 2·0.8/1.8 = 8/9
    expect(figure(report, "f1_overlap", null, ab, "art-1")).toMatchObject({ units: 9 });
    expect(figure(report, "f1_overlap", null, ab, "art-1").value).toBeCloseTo(8 / 9, 12);
  });

  it("cohen_kappa on the ten tokens of art-1", () => {
    // QUOTE: A codes tokens 0,1,4,5; B 0,1,4,5,6. p_o = 9/10; p_e = .4·.5 + .6·.5 = .5; kappa .8
    expect(figure(report, "cohen_kappa", "QUOTE", ab, "art-1")).toMatchObject({ units: 10 });
    expect(figure(report, "cohen_kappa", "QUOTE", ab, "art-1").value).toBeCloseTo(0.8, 12);
    // CLAIM: both code token 2 only: p_o 1, p_e .82: kappa 1
    expect(figure(report, "cohen_kappa", "CLAIM", ab, "art-1").value).toBeCloseTo(1, 12);
    // ACTOR: A token 8, B tokens 8,9. p_o .9; p_e = .1·.2 + .9·.8 = .74: kappa .16/.26
    expect(figure(report, "cohen_kappa", "ACTOR", ab, "art-1").value).toBeCloseTo(0.16 / 0.26, 12);
  });

  it("has no label-null kappa", () => {
    const nullKappas = report.figures.filter((f) => f.label === null && (f.measure === "cohen_kappa" || f.measure === "fleiss_kappa"));
    expect(nullKappas).toEqual([]);
  });

  it("fleiss_kappa per article over the analysts who annotated it", () => {
    // art-1 has two analysts: Fleiss is Scott's pi. QUOTE: p_o .9, pooled yes 9/20,
    // p_e = .45² + .55² = .505: (.9 − .505)/.495
    const quote = figure(report, "fleiss_kappa", "QUOTE", ab, "art-1");
    expect(quote.units).toBe(10);
    expect(quote.value).toBeCloseTo(0.395 / 0.495, 12);
  });

  it("alpha_u per label on the code-point continuum of art-1 (length 49)", () => {
    // QUOTE: D_o = 2·(2² + 5²) / (2·1·49²) = 29/2401 (the [0,9) pair scores 0).
    // D_e: units 9,9,9,12 (N_c 4); gaps 11,20 (a) and 13,15 (b);
    //   l = 9:  3·(2·729 − 243 + 9)/3 + 81·(3+5+7+12) = 1224 + 2187, three times
    //   l = 12: 3·(3456 − 432 + 12)/3 + 144·(2+4+9)   = 3036 + 2160
    //   (2/49)·15429 / (98·97 − (3·72 + 132)) = 15429/224371
    const quote = figure(report, "alpha_u", "QUOTE", ab, "art-1");
    expect(quote.units).toBe(49);
    expect(quote.value).toBeCloseTo(1 - 29 / 2401 / (15429 / 224371), 12);
    // CLAIM: the same single unit: D_o 0, alpha 1
    expect(figure(report, "alpha_u", "CLAIM", ab, "art-1").value).toBe(1);
    // ACTOR: b's [45,49) lies in a's gap: D_o = 2·16/(2·2401); D_e = 3816/232015
    expect(figure(report, "alpha_u", "ACTOR", ab, "art-1").value).toBeCloseTo(1 - 16 / 2401 / (3816 / 232015), 12);
    // all labels: 1 − ΣD_o/ΣD_e, with CLAIM's D_e = 232/21119
    expect(figure(report, "alpha_u", null, ab, "art-1").value).toBeCloseTo(
      1 - (29 / 2401 + 16 / 2401) / (15429 / 224371 + 3816 / 232015 + 232 / 21119),
      12,
    );
  });

  it("f1_attribution and speaker_agreement for QUOTE, CLAIM and both", () => {
    // QUOTE attributions: A ([0,9) Merkel, [20,29) Macron), B ([0,9) Merkel, [22,34) Scholz): 2·1/4
    expect(figure(report, "f1_attribution", "QUOTE", ab, "art-1")).toMatchObject({ value: 0.5, units: 4 });
    // CLAIM: A's claim has no speaker, so only B has an attribution: 0/1
    expect(figure(report, "f1_attribution", "CLAIM", ab, "art-1")).toMatchObject({ value: 0, units: 1 });
    expect(figure(report, "f1_attribution", null, ab, "art-1")).toMatchObject({ value: 0.4, units: 5 });
    // speaker_agreement: [0,9) matches with Merkel on both sides: 1/1. The CLAIM match lacks
    // a speaker in A: no pair, null.
    expect(figure(report, "speaker_agreement", "QUOTE", ab, "art-1")).toMatchObject({ value: 1, units: 1 });
    expect(figure(report, "speaker_agreement", "CLAIM", ab, "art-1")).toMatchObject({ value: null, units: 0 });
    expect(figure(report, "speaker_agreement", null, ab, "art-1")).toMatchObject({ value: 1, units: 1 });
    // No attribution figures for ACTOR.
    expect(report.figures.some((f) => f.label === "ACTOR" && f.measure.startsWith("f1_attr"))).toBe(false);
    expect(report.figures.some((f) => f.label === "ACTOR" && f.measure === "speaker_agreement")).toBe(false);
  });

  it("project figures sum the counts of the shared articles (micro average)", () => {
    // QUOTE f1_exact: art-1 1 match of 4 spans, art-2 0 of 2: 2·1/6
    expect(figure(report, "f1_exact", "QUOTE", ab, null)).toMatchObject({ units: 6 });
    expect(figure(report, "f1_exact", "QUOTE", ab, null).value).toBeCloseTo(1 / 3, 12);
    // cohen_kappa QUOTE over 13 tokens: art-2 a codes tokens 0,1 and b codes 1,2, so the table is
    // both 4+1, A only 0+1, B only 1+1, neither 5+0 → p_o 10/13; A yes 6/13, B yes 7/13
    const po = 10 / 13;
    const pe = (6 / 13) * (7 / 13) + (7 / 13) * (6 / 13);
    expect(figure(report, "cohen_kappa", "QUOTE", ab, null)).toMatchObject({ units: 13 });
    expect(figure(report, "cohen_kappa", "QUOTE", ab, null).value).toBeCloseTo((po - pe) / (1 - pe), 12);
  });

  it("an analyst without a layer on an article is left out of figures that compare them there", () => {
    // c@x annotated art-2 only.
    const ac = ["a@x", "c@x"];
    expect(report.figures.some((f) => f.annotators.includes("c@x") && f.article === "art-1")).toBe(false);
    // Project figures comparing c use art-2 alone: a's one QUOTE against nothing: 2·0/1.
    expect(figure(report, "f1_exact", "QUOTE", ac, null)).toMatchObject({ value: 0, units: 1 });
    expect(figure(report, "f1_exact", "QUOTE", ac, "art-2")).toMatchObject({ value: 0, units: 1 });
    // fleiss_kappa and alpha_u for the project compare all three, over art-2 only (13 tokens / code points).
    expect(figure(report, "fleiss_kappa", "QUOTE", ["a@x", "b@x", "c@x"], null).units).toBe(3);
    expect(figure(report, "alpha_u", "QUOTE", ["a@x", "b@x", "c@x"], null).units).toBe(13);
    // ... while art-1's fleiss_kappa compares the two who annotated it.
    expect(figure(report, "fleiss_kappa", "QUOTE", ab, "art-1").units).toBe(10);
  });

  it("has null values where nobody marked anything", () => {
    // Neither a nor c marked a CLAIM on art-2.
    expect(figure(report, "f1_exact", "CLAIM", ["a@x", "c@x"], "art-2")).toMatchObject({ value: null, units: 0 });
    expect(figure(report, "f1_overlap", "CLAIM", ["a@x", "c@x"], "art-2")).toMatchObject({ value: null, units: 0 });
    // All tokens coded 0 by both: expected agreement 1.
    expect(figure(report, "cohen_kappa", "CLAIM", ["a@x", "c@x"], "art-2")).toMatchObject({ value: null, units: 3 });
    expect(figure(report, "alpha_u", "CLAIM", ["a@x", "b@x", "c@x"], "art-2")).toMatchObject({ value: null, units: 13 });
    expect(figure(report, "f1_attribution", "CLAIM", ["a@x", "c@x"], "art-2")).toMatchObject({ value: null, units: 0 });
  });
});

describe("the report's JSON shape (DESIGN.md \"Agreement output\")", () => {
  const report = computeAgreement({ project: "demo", labels: LABELS, articles: [art1, art2] });

  it("has project, labels, annotators and figures, in that order", () => {
    expect(Object.keys(report)).toEqual(["project", "labels", "annotators", "figures"]);
    expect(report.project).toBe("demo");
    expect(report.labels).toEqual(LABELS);
    expect(report.annotators).toEqual(["a@x", "b@x", "c@x"]);
  });

  it("has flat figures with the documented keys and types", () => {
    const measures = ["f1_exact", "f1_overlap", "cohen_kappa", "fleiss_kappa", "alpha_u", "f1_attribution", "speaker_agreement"];
    expect(report.figures.length).toBeGreaterThan(0);
    for (const f of report.figures) {
      expect(Object.keys(f)).toEqual(["measure", "label", "annotators", "article", "value", "units"]);
      expect(measures).toContain(f.measure);
      expect(f.label === null || LABELS.includes(f.label)).toBe(true);
      expect(f.article === null || ["art-1", "art-2"].includes(f.article)).toBe(true);
      expect(f.annotators).toEqual([...f.annotators].sort());
      expect(f.annotators.length).toBeGreaterThanOrEqual(2);
      expect(f.value === null || Number.isFinite(f.value)).toBe(true);
      expect(Number.isInteger(f.units) && f.units >= 0).toBe(true);
    }
    // Every measure appears, and the JSON round trip keeps every figure as is (no NaN/Infinity).
    expect(new Set(report.figures.map((f) => f.measure))).toEqual(new Set(measures));
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("has exactly one figure per coordinate", () => {
    const keys = report.figures.map((f) => JSON.stringify([f.measure, f.label, f.annotators, f.article]));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("computeAgreement edge cases", () => {
  it("touching spans do not overlap", () => {
    const report = computeAgreement({
      project: "p",
      labels: ["QUOTE"],
      articles: [
        {
          externalId: "t",
          text: "aaaa bbbb",
          layers: { "a@x": [{ start: 0, end: 4, label: "QUOTE" }], "b@x": [{ start: 4, end: 9, label: "QUOTE" }] },
        },
      ],
    });
    // No shared code point: P = R = 0, value 0 (defined, since there are spans).
    expect(figure(report, "f1_overlap", "QUOTE", ["a@x", "b@x"], "t")).toMatchObject({ value: 0, units: 2 });
    // [0,4) covers token 0 only; [4,9) covers the space and token 1: disjoint codings, p_o 0, p_e .5
    expect(figure(report, "cohen_kappa", "QUOTE", ["a@x", "b@x"], "t").value).toBeCloseTo(-1, 12);
  });

  it("no spans at all: every value is null", () => {
    const report = computeAgreement({
      project: "p",
      labels: LABELS,
      articles: [{ externalId: "e", text: "some words here", layers: { "a@x": [], "b@x": [] } }],
    });
    expect(report.figures.length).toBeGreaterThan(0);
    expect(report.figures.every((f) => f.value === null)).toBe(true);
  });

  it("fewer than two analysts: no figures", () => {
    const report = computeAgreement({
      project: "p",
      labels: LABELS,
      articles: [{ externalId: "e", text: "x", layers: { "a@x": [{ start: 0, end: 1, label: "QUOTE" }] } }],
    });
    expect(report).toEqual({ project: "p", labels: LABELS, annotators: ["a@x"], figures: [] });
  });

  it("a pair with no article in common gets no figure", () => {
    const report = computeAgreement({
      project: "p",
      labels: ["QUOTE"],
      articles: [
        { externalId: "1", text: "x y", layers: { "a@x": [], "b@x": [] } },
        { externalId: "2", text: "x y", layers: { "a@x": [], "c@x": [] } },
      ],
    });
    expect(report.figures.some((f) => f.annotators.join() === "b@x,c@x")).toBe(false);
    // Nor is there a project-wide fleiss_kappa/alpha_u: no article has all three.
    expect(report.figures.some((f) => f.measure === "alpha_u" && f.article === null)).toBe(false);
  });

  it("ignores spans of labels outside the project's labels", () => {
    const report = computeAgreement({
      project: "p",
      labels: ["QUOTE"],
      articles: [
        {
          externalId: "1",
          text: "x y",
          layers: { "a@x": [{ start: 0, end: 1, label: "OTHER" }], "b@x": [{ start: 0, end: 1, label: "QUOTE" }] },
        },
      ],
    });
    expect(figure(report, "f1_exact", null, ["a@x", "b@x"], "1")).toMatchObject({ value: 0, units: 1 });
  });

  it("merges an analyst's overlapping spans for alpha_u and counts offsets in code points", () => {
    // "😀 ab cd": the emoji is one code point, so "ab" is [2,4) and "cd" [5,7).
    const text = "😀 ab cd";
    const report = computeAgreement({
      project: "p",
      labels: ["QUOTE"],
      articles: [
        {
          externalId: "1",
          text,
          layers: {
            "a@x": [{ start: 2, end: 5, label: "QUOTE" }, { start: 3, end: 7, label: "QUOTE" }],
            "b@x": [{ start: 2, end: 7, label: "QUOTE" }],
          },
        },
      ],
    });
    // a's two spans merge into [2,7), b's single span: perfect unitizing agreement.
    expect(figure(report, "alpha_u", "QUOTE", ["a@x", "b@x"], "1")).toMatchObject({ value: 1, units: 7 });
    // ...but f1_exact compares the spans as marked: no exact match.
    expect(figure(report, "f1_exact", "QUOTE", ["a@x", "b@x"], "1").value).toBe(0);
    // Both code tokens "ab" and "cd"; the emoji token is 0 for both.
    expect(figure(report, "cohen_kappa", "QUOTE", ["a@x", "b@x"], "1")).toMatchObject({ value: 1, units: 3 });
  });

  it("lays the project's articles end to end in ascending order of external id", () => {
    const articles: AgreementArticle[] = [
      { externalId: "b", text: "0123456789", layers: { r0: [{ start: 0, end: 2, label: "Q" }], r1: [] } },
      { externalId: "a", text: "01234", layers: { r0: [{ start: 1, end: 3, label: "Q" }], r1: [{ start: 1, end: 4, label: "Q" }] } },
    ];
    const report = computeAgreement({ project: "p", labels: ["Q"], articles });
    // "a" occupies [0,5) of the continuum, "b" [5,15).
    const expected = krippendorffAlphaUnitizing(
      {
        begin: 0,
        length: 15,
        raterCount: 2,
        units: [
          { begin: 1, length: 2, rater: 0, category: "Q" },
          { begin: 5, length: 2, rater: 0, category: "Q" },
          { begin: 1, length: 3, rater: 1, category: "Q" },
        ],
      },
      "Q",
    );
    expect(figure(report, "alpha_u", "Q", ["r0", "r1"], null)).toMatchObject({ value: expected.value, units: 15 });
  });
});
