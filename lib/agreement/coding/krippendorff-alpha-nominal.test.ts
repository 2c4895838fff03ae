import { describe, expect, it } from "vitest";
import { krippendorffAlphaNominal } from "./krippendorff-alpha-nominal";

describe("Krippendorff (2004), Content Analysis p. 230 / \"Computing Krippendorff's Alpha-Reliability\" (2011) (DKPro coding/Krippendorff2004Test)", () => {
  // 12 units × 4 observers, "." = missing; values as in the source (1..5).
  const byUnit = "1 1 . 1 | 2 2 3 2 | 3 3 3 3 | 3 3 3 3 | 2 2 2 2 | 1 2 3 4 | 4 4 4 4 | 1 1 2 1 | 2 2 2 2 | . 5 5 5 | . . 1 1 | . . 3 .";
  const units = byUnit.split("|").map((unit) =>
    unit.trim().split(/\s+/).map((v) => (v === "." ? null : Number(v))),
  );

  it("has D_o 0.200, D_e 0.779 and alpha 0.743", () => {
    const result = krippendorffAlphaNominal(units);
    expect(result.basis).toBe("disagreement");
    expect(result.observed).toBeCloseTo(0.2, 3);
    expect(result.expected).toBeCloseTo(0.779, 3);
    expect(result.value).toBeCloseTo(0.743, 3);
  });
});

describe("Krippendorff's alpha (nominal) on degenerate data", () => {
  it("is undefined when no unit has two values", () => {
    expect(krippendorffAlphaNominal([[1, null], [null, 2]])).toMatchObject({
      status: "undefined",
      reason: "too-few-raters",
      value: null,
    });
  });

  it("is undefined when every value is the same (D_e = 0)", () => {
    expect(krippendorffAlphaNominal([["a", "a"], ["a", "a"]])).toMatchObject({
      status: "undefined",
      reason: "no-expected-disagreement",
    });
  });
});
