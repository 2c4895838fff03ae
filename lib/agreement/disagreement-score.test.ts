import { describe, expect, it } from "vitest";
import { computeAgreement } from "./compute-agreement";
import { articleDisagreementScore, disagreementScoresFromReport } from "./disagreement-score";
import type { AgreementArticle } from "./types";

const labels = ["QUOTE", "CLAIM"];
const article: AgreementArticle = {
  externalId: "x",
  text: "one two three four",
  layers: {
    "a@x": [{ start: 0, end: 3, label: "QUOTE" }, { start: 4, end: 7, label: "CLAIM" }],
    "b@x": [{ start: 0, end: 3, label: "QUOTE" }],
    "c@x": [{ start: 0, end: 3, label: "QUOTE" }, { start: 8, end: 13, label: "CLAIM" }],
  },
};

describe("per-article disagreement score", () => {
  it("is 1 − the mean pairwise f1_exact over labels that have spans", () => {
    // QUOTE: every pair agrees (1, 1, 1). CLAIM: a–b 0, a–c 0, b–c 0 (each pair has a span).
    // mean of six values = 3/6: score 0.5
    expect(articleDisagreementScore(article, labels)).toBe(0.5);
  });

  it("reads the same off a computed report", () => {
    const report = computeAgreement({ project: "p", labels, articles: [article] });
    expect(disagreementScoresFromReport(report).get("x")).toBe(0.5);
  });

  it("is 0 for identical layers and null with one analyst or no spans", () => {
    const same = { ...article, layers: { "a@x": article.layers["b@x"], "b@x": article.layers["b@x"] } };
    expect(articleDisagreementScore(same, labels)).toBe(0);
    expect(articleDisagreementScore({ ...article, layers: { "a@x": article.layers["a@x"] } }, labels)).toBeNull();
    expect(articleDisagreementScore({ ...article, layers: { "a@x": [], "b@x": [] } }, labels)).toBeNull();
  });
});
