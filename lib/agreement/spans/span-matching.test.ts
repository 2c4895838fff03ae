import { describe, expect, it } from "vitest";
import { prepareLayer, spansOfLabel } from "./label-spans";
import { compareSpeakers, countAttributionMatches, countExactMatches, countOverlapping } from "./span-matching";
import type { AgreementSpan } from "../types";

const quotes = (spans: Omit<AgreementSpan, "label">[]) => spansOfLabel(prepareLayer(spans.map((s) => ({ ...s, label: "Q" })), ["Q"]), "Q");

describe("span matching", () => {
  const a = quotes([
    { start: 0, end: 10, speaker: "X" },
    { start: 20, end: 30, speaker: "Y" },
    { start: 40, end: 45 },
    { start: 50, end: 60, speaker: "Z" },
  ]);
  const b = quotes([
    { start: 0, end: 10, speaker: "X" },
    { start: 20, end: 30, speaker: "W" },
    { start: 42, end: 44, speaker: "V" },
    { start: 43, end: 50 },
    { start: 60, end: 70 },
  ]);

  it("counts exact matches on start and end", () => {
    expect(countExactMatches(a, b)).toBe(2);
  });

  it("counts spans meeting any span of the other side, not one-to-one, touching excluded", () => {
    // a: [0,10) [20,30) [40,45) meet; [50,60) only touches [43,50) and [60,70).
    expect(countOverlapping(a, b)).toBe(3);
    // b: [0,10) [20,30) [42,44) [43,50) meet ([42,44) and [43,50) both meet [40,45)); [60,70) touches.
    expect(countOverlapping(b, a)).toBe(4);
  });

  it("matches attributions on start, end and speaker", () => {
    expect(countAttributionMatches(a, b)).toBe(1);
  });

  it("compares speakers of exact matches that have one on both sides", () => {
    expect(compareSpeakers(a, b)).toEqual({ pairs: 2, same: 1 });
  });
});
