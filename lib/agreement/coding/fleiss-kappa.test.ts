import { describe, expect, it } from "vitest";
import { fleissKappa } from "./fleiss-kappa";

describe("Wikipedia, \"Fleiss' kappa\", worked example (10 subjects, 14 raters, 5 categories)", () => {
  it("has P̄ 0.378, P̄_e 0.213 and kappa 0.210", () => {
    const result = fleissKappa([
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ]);
    expect(result.observed).toBeCloseTo(0.378, 3);
    expect(result.expected).toBeCloseTo(0.213, 3);
    expect(result.value).toBeCloseTo(0.21, 3);
  });
});

describe("Fleiss (1971), Psychological Bulletin 76, p. 379 (DKPro coding/Fleiss1971Test)", () => {
  // 30 subjects × 6 raters, categories 1..5: each row lists the six diagnoses.
  const diagnoses = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
    [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
    [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
    [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
    [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
  ];
  const counts = diagnoses.map((row) => [1, 2, 3, 4, 5].map((c) => row.filter((d) => d === c).length));

  it("has P̄ 0.556, P̄_e 0.220 and kappa 0.430", () => {
    const result = fleissKappa(counts);
    expect(result.observed).toBeCloseTo(0.5556, 3);
    expect(result.expected).toBeCloseTo(0.2201, 3);
    expect(result.value).toBeCloseTo(0.43, 3);
  });
});

describe("Fleiss' kappa on degenerate data", () => {
  it("is undefined with no subjects", () => {
    expect(fleissKappa([])).toMatchObject({ status: "undefined", reason: "no-items", value: null });
  });

  it("is undefined when every rating is in one category", () => {
    expect(fleissKappa([[3, 0], [3, 0]])).toMatchObject({ status: "undefined", reason: "expected-agreement-one" });
  });

  it("equals Scott's pi for two raters", () => {
    // Two raters, 4 items: (1,1) (1,0) (0,0) (0,0). p_o = 3/4; p1 = 3/8, p0 = 5/8, p_e = 34/64.
    const result = fleissKappa([[0, 2], [1, 1], [2, 0], [2, 0]]);
    expect(result.value).toBeCloseTo((0.75 - 34 / 64) / (1 - 34 / 64), 12);
  });
});
