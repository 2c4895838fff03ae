import { describe, expect, it } from "vitest";
import { precisionRecallF1 } from "./precision-recall";
import type { AgreementSpan } from "./types";

describe("precision, recall and F1 against a gold layer", () => {
  const gold: AgreementSpan[] = [
    { start: 0, end: 10, label: "QUOTE" },
    { start: 20, end: 30, label: "QUOTE" },
    { start: 40, end: 50, label: "ACTOR" },
  ];
  const candidate: AgreementSpan[] = [
    { start: 0, end: 10, label: "QUOTE" },
    { start: 0, end: 10, label: "QUOTE" }, // duplicate counts once
    { start: 22, end: 28, label: "QUOTE" },
    { start: 60, end: 65, label: "QUOTE" },
    { start: 40, end: 50, label: "CLAIM" }, // right bounds, wrong label
  ];

  it("matches exactly by default", () => {
    const { byLabel, all } = precisionRecallF1(gold, candidate);
    const quote = byLabel.find((row) => row.label === "QUOTE")!;
    // 1 of 3 candidate quotes is right; 1 of 2 gold quotes is found: P 1/3, R 1/2, F1 2·1/5
    expect(quote).toMatchObject({ referenceSpans: 2, candidateSpans: 3, matchedCandidate: 1 });
    expect(quote.precision).toBeCloseTo(1 / 3, 12);
    expect(quote.recall).toBe(0.5);
    expect(quote.f1).toBeCloseTo(0.4, 12);
    // No candidate ACTOR: precision undefined, recall 0, F1 0. No gold CLAIM: recall undefined.
    expect(byLabel.find((row) => row.label === "ACTOR")).toMatchObject({ precision: null, recall: 0, f1: 0 });
    expect(byLabel.find((row) => row.label === "CLAIM")).toMatchObject({ precision: 0, recall: null, f1: 0 });
    // All labels: 1 match, 4 candidate, 3 gold spans: P 1/4, R 1/3, F1 2/7
    expect(all.label).toBeNull();
    expect(all.f1).toBeCloseTo(2 / 7, 12);
  });

  it("can match on overlap (as f1_overlap)", () => {
    const { byLabel } = precisionRecallF1(gold, candidate, { labels: ["QUOTE"], match: "overlap" });
    // Candidates [0,10) and [22,28) meet gold quotes, [60,65) does not: P 2/3; both gold quotes found: R 1
    expect(byLabel).toHaveLength(1);
    expect(byLabel[0].precision).toBeCloseTo(2 / 3, 12);
    expect(byLabel[0].recall).toBe(1);
    expect(byLabel[0].f1).toBeCloseTo(0.8, 12);
  });

  it("is undefined for two empty layers", () => {
    expect(precisionRecallF1([], [], { labels: ["QUOTE"] }).all).toMatchObject({ precision: null, recall: null, f1: null });
  });
});
