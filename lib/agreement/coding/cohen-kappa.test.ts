import { describe, expect, it } from "vitest";
import { cohenKappaFromRatings, cohenKappaFromTable } from "./cohen-kappa";

describe("Wikipedia, \"Cohen's kappa\", simple example (50 proposals)", () => {
  // rows: reader A yes/no; columns: reader B yes/no
  const table = [
    [20, 5],
    [10, 15],
  ];

  it("has p_o 0.70, p_e 0.50 and kappa 0.400", () => {
    const result = cohenKappaFromTable(table);
    expect(result.status).toBe("defined");
    expect(result.observed).toBeCloseTo(0.7, 3);
    expect(result.expected).toBeCloseTo(0.5, 3);
    expect(result.value).toBeCloseTo(0.4, 3);
  });

  it("gives the same from the two readers' answers", () => {
    const a = [...Array(25).fill("yes"), ...Array(25).fill("no")];
    const b = [...Array(20).fill("yes"), ...Array(5).fill("no"), ...Array(10).fill("yes"), ...Array(15).fill("no")];
    expect(cohenKappaFromRatings(a, b).value).toBeCloseTo(0.4, 3);
  });
});

describe("Cohen (1960), Educational and Psychological Measurement 20, p. 45 (DKPro coding/Cohen1960Test)", () => {
  it("has A_O 0.70, A_E 0.41 and kappa 0.492", () => {
    const result = cohenKappaFromTable([
      [88, 14, 18],
      [10, 40, 10],
      [2, 6, 12],
    ]);
    expect(result.observed).toBeCloseTo(0.7, 3);
    expect(result.expected).toBeCloseTo(0.41, 3);
    expect(result.value).toBeCloseTo(0.492, 3);
  });
});

describe("Cohen's kappa on degenerate data", () => {
  it("is undefined, not thrown, when there are no items", () => {
    expect(cohenKappaFromTable([])).toMatchObject({ status: "undefined", reason: "no-items", value: null });
    expect(cohenKappaFromRatings([], [])).toMatchObject({ status: "undefined", reason: "no-items" });
  });

  it("is undefined when both raters use one category only (A_e = 1)", () => {
    expect(cohenKappaFromRatings([0, 0, 0], [0, 0, 0])).toMatchObject({
      status: "undefined",
      reason: "expected-agreement-one",
      observed: 1,
      expected: 1,
      value: null,
    });
  });

  it("skips items one rater left uncoded", () => {
    const result = cohenKappaFromRatings(["x", null, "y", "x"], ["x", "y", "y", undefined]);
    // Two paired items, both agreeing, categories x and y: p_o 1, p_e 0.5, kappa 1.
    expect(result.value).toBe(1);
  });

  it("is 0 when one rater is constant but the other is not", () => {
    // p_o = 0.5, p_e = 0.5: chance-level agreement.
    expect(cohenKappaFromRatings([1, 1, 1, 1], [1, 1, 0, 0]).value).toBe(0);
  });
});
