import { describe, expect, it } from "vitest";
import {
  krippendorffAlphaUnitizing,
  krippendorffAlphaUnitizingAll,
  unitizingDisagreement,
} from "./krippendorff-alpha-unitizing";
import { segmentDistance } from "./segment-distance";
import { intervalsByRater, type UnitizingStudy, type UnitizingUnit } from "./unitizing-study";

/** Builds a study from (begin, length, rater, category) tuples, as DKPro's addUnit takes them. */
function study(begin: number, length: number, raterCount: number, units: [number, number, number, string][]): UnitizingStudy {
  return { begin, length, raterCount, units: units.map(([b, l, rater, category]) => ({ begin: b, length: l, rater, category })) };
}

describe("Krippendorff 2004, Quality & Quantity 38, Fig. 2 (DKPro unitizing/Krippendorff2004Test)", () => {
  // Observer i is rater 0, observer j is rater 1. Continuum [150, 450).
  const fig2 = study(150, 300, 2, [
    [225, 70, 0, "c"],
    [370, 30, 0, "c"],
    [220, 80, 1, "c"],
    [355, 20, 1, "c"],
    [400, 20, 1, "c"],
    [180, 60, 0, "k"],
    [300, 50, 0, "k"],
    [180, 60, 1, "k"],
    [300, 50, 1, "k"],
  ]);

  it("prints the appendix's squared distances: 50, 850 and 400 for a unit inside a gap", () => {
    expect(segmentDistance(225, 70, true, 220, 80, true)).toBe(50);
    expect(segmentDistance(370, 30, true, 355, 20, true)).toBe(850);
    expect(segmentDistance(400, 50, false, 400, 20, true)).toBe(400);
  });

  it("category c: D_o 13/900 exactly, D_e 0.0532, alpha 0.7286", () => {
    const result = krippendorffAlphaUnitizing(fig2, "c");
    expect(result.status).toBe("defined");
    // 50 + 850 + 400 = 1300; D_o = 2·1300 / (2·1·300²) = 13/900.
    expect(result.observed).toBe(13 / 900);
    expect(result.expected).toBeCloseTo(0.0532, 4);
    expect(result.value).toBeCloseTo(0.7286, 4);
  });

  it("category k: D_o 0, D_e 0.0490, alpha 1.0", () => {
    const result = krippendorffAlphaUnitizing(fig2, "k");
    expect(result.observed).toBe(0);
    expect(result.expected).toBeCloseTo(0.049, 4);
    expect(result.value).toBe(1);
  });

  it("all categories: 0.8587 (the paper prints 0.8591 from rounded D's)", () => {
    expect(krippendorffAlphaUnitizingAll(fig2).value).toBeCloseTo(0.8587, 4);
  });
});

describe("Krippendorff 1995, Sociological Methodology 25, p. 57 (DKPro unitizing/Krippendorff1995Test)", () => {
  /** The paper's four pairs of observers on a continuum of 24, stretched as DKPro's test does. */
  function example(stretch: number): UnitizingStudy {
    const s = (x: number) => Math.trunc(x * stretch);
    const units: [number, number, number, string][] = [
      // A  Bertha: 0 0|1 1 1 1 1 1 1 1|0 0 0 0|1 1 1 1 1 1|0 0 0 0   Bill: 0 0 0 0|1 1 1 1|0 0 0 0 0 0 0|1 1|0 0 0 0 0 0 0
      [2, 8, 0, "A"], [14, 6, 0, "A"], [4, 4, 1, "A"], [15, 2, 1, "A"],
      // B  John: eighteen 1s then six 0s.   Jill: 1 1|1|1|1|1|1 1 1|1 then fourteen 0s
      [0, 18, 0, "B"], [0, 2, 1, "B"], [2, 1, 1, "B"], [3, 1, 1, "B"], [4, 1, 1, "B"], [5, 1, 1, "B"], [6, 3, 1, "B"], [9, 1, 1, "B"],
      // C  Gerret: 0 0|1 1 1 1 1 1|0 0|1 1|0 0|1 1 1 1|0 0|1 1|0 0   Gill: 1 1|0 0|1 1 1 1|0 0|1 1 1 1|0 0|1 1|0 0|1 1|0 0
      [2, 6, 0, "C"], [10, 2, 0, "C"], [14, 4, 0, "C"], [20, 2, 0, "C"],
      [0, 2, 1, "C"], [4, 4, 1, "C"], [10, 4, 1, "C"], [16, 2, 1, "C"], [20, 2, 1, "C"],
      // D  Heather and Hill cover everything, with different unit boundaries.
      [0, 2, 0, "D"], [2, 8, 0, "D"], [10, 4, 0, "D"], [14, 6, 0, "D"], [20, 4, 0, "D"],
      [0, 4, 1, "D"], [4, 4, 1, "D"], [8, 7, 1, "D"], [15, 2, 1, "D"], [17, 7, 1, "D"],
    ];
    return study(0, s(24), 2, units.map(([b, l, r, c]) => [s(b), s(l), r, c]));
  }

  it("has observed disagreements A 0.03125, B 2.26736, C 0.02777, D 0.38715", () => {
    const unstretched = example(1);
    expect(krippendorffAlphaUnitizing(unstretched, "A").observed).toBeCloseTo(0.03125, 5);
    expect(krippendorffAlphaUnitizing(unstretched, "B").observed).toBeCloseTo(2.26736, 5);
    expect(krippendorffAlphaUnitizing(unstretched, "C").observed).toBeCloseTo(0.02777, 4);
    expect(krippendorffAlphaUnitizing(unstretched, "D").observed).toBeCloseTo(0.38715, 5);
  });

  // The paper treats the continuum as continuous; DKPro's formula counts positions, so its test
  // stretches the continuum (×50,000) until the discrete D_e approaches the paper's. DKPro's test
  // comment doubts the paper's D_e for B and C, so only A and D are asserted.
  it("has alpha A 0.553 and D 0.066 on the stretched continuum", () => {
    const stretched = example(1_200_000 / 24);
    const a = krippendorffAlphaUnitizing(stretched, "A");
    const d = krippendorffAlphaUnitizing(stretched, "D");
    expect(a.expected).toBeCloseTo(0.0699, 3);
    expect(d.expected).toBeCloseTo(0.41445, 3);
    expect(a.value).toBeCloseTo(0.553, 3);
    expect(d.value).toBeCloseTo(0.066, 3);
  });
});

describe("DKPro unitizing/UnitizingAgreementTest", () => {
  it("rater 0 -11111111-, rater 1 --1-1-1---: D_o 0.9100, D_e 0.5351, alpha -0.7003", () => {
    const result = krippendorffAlphaUnitizing(
      study(0, 10, 2, [[1, 8, 0, "A"], [2, 1, 1, "A"], [4, 1, 1, "A"], [6, 1, 1, "A"]]),
      "A",
    );
    expect(result.observed).toBeCloseTo(0.91, 4);
    // D_e is 0.535185…; DKPro asserts 0.5351 with a tolerance of 0.0001, and so do we.
    expect(Math.abs(result.expected! - 0.5351)).toBeLessThanOrEqual(0.0001);
    expect(result.expected).toBeCloseTo(0.535, 3);
    expect(result.value).toBeCloseTo(-0.7003, 4);
  });

  it("matches DKPro's distance examples", () => {
    expect(segmentDistance(0, 1, false, 0, 2, false)).toBe(0);
    expect(segmentDistance(1, 8, true, 0, 2, false)).toBe(0);
    expect(segmentDistance(1, 8, true, 2, 1, true)).toBe(37);
    expect(segmentDistance(1, 8, true, 4, 1, true)).toBe(25);
    expect(segmentDistance(1, 8, true, 6, 1, true)).toBe(29);
    expect(segmentDistance(1, 8, true, 7, 4, false)).toBe(0);
  });

  it("a single unit among three raters gives alpha 0 (D_o = D_e)", () => {
    expect(krippendorffAlphaUnitizing(study(0, 20, 3, [[0, 1, 0, "X"]]), "X").value).toBeCloseTo(0, 12);
  });

  it("an empty study is undefined (DKPro: NaN), not thrown", () => {
    expect(krippendorffAlphaUnitizingAll(study(0, 20, 3, []))).toMatchObject({
      status: "undefined",
      reason: "no-expected-disagreement",
      value: null,
    });
  });

  it("only zero-length units carry no mass: undefined (DKPro issue #35 returns 0)", () => {
    const result = krippendorffAlphaUnitizing(study(0, 15, 2, [[0, 0, 0, "A"], [0, 0, 1, "A"]]), "A");
    expect(result).toMatchObject({ status: "undefined", value: null, observed: 0, expected: 0 });
  });

  it("a zero-length unit beside agreeing units still gives 1.0", () => {
    const result = krippendorffAlphaUnitizing(study(0, 15, 2, [[0, 0, 0, "A"], [2, 5, 0, "A"], [2, 5, 1, "A"]]), "A");
    expect(result.observed).toBe(0);
    expect(result.value).toBeCloseTo(1, 12);
  });
});

describe("alpha_u on degenerate studies", () => {
  it("is undefined with one rater or an empty continuum", () => {
    expect(krippendorffAlphaUnitizing(study(0, 10, 1, [[0, 5, 0, "A"]]), "A")).toMatchObject({ reason: "too-few-raters", value: null });
    expect(krippendorffAlphaUnitizing(study(0, 0, 2, []), "A")).toMatchObject({ reason: "no-items", value: null });
  });
});

/**
 * A line-by-line port of DKPro's calculateObservedCategoryDisagreement and
 * calculateExpectedCategoryDisagreement (units × gaps), kept here as the oracle for the faster
 * computation. Units must be sorted as DKPro's TreeSet sorts them and not overlap within a rater.
 */
function dkproReference(s: UnitizingStudy, category: string): { observed: number; expected: number } {
  const B = s.begin;
  const L = s.length;
  const R = s.raterCount;
  const units = [...s.units].filter((u) => u.category === category).sort((a, b) => a.begin - b.begin || a.length - b.length || a.rater - b.rater);
  const findNext = (it: { i: number }, r: number): UnitizingUnit | null => {
    while (it.i < units.length) {
      const u = units[it.i++];
      if (u.rater === r) return u;
    }
    return null;
  };
  let observed = 0;
  for (let r1 = 0; r1 < R; r1++) {
    for (let r2 = r1 + 1; r2 < R; r2++) {
      const it1 = { i: 0 };
      const it2 = { i: 0 };
      let next1 = findNext(it1, r1);
      let next2 = findNext(it2, r2);
      let offset1 = B, length1 = 0, offset2 = B, length2 = 0;
      let marked1 = false, marked2 = false;
      let pos = B;
      while (pos < B + L && (next1 !== null || next2 !== null)) {
        if (pos === offset1 + length1) {
          if (next1 !== null && pos === next1.begin) {
            length1 = next1.length; marked1 = true; next1 = findNext(it1, r1);
          } else {
            length1 = (next1 !== null ? next1.begin : B + L) - pos; marked1 = false;
          }
          offset1 = pos;
        }
        if (pos === offset2 + length2) {
          if (next2 !== null && pos === next2.begin) {
            length2 = next2.length; marked2 = true; next2 = findNext(it2, r2);
          } else {
            length2 = (next2 !== null ? next2.begin : B + L) - pos; marked2 = false;
          }
          offset2 = pos;
        }
        observed += segmentDistance(offset1, length1, marked1, offset2, length2, marked2);
        pos = Math.min(offset1 + length1, offset2 + length2);
      }
    }
  }
  observed = (observed * 2) / (R * (R - 1) * L * L);

  const Nc = units.length;
  let squaredLengths = 0;
  for (const u of units) squaredLengths += u.length * (u.length - 1);
  const gaps: number[] = [];
  for (let r = 0; r < R; r++) {
    const it = { i: 0 };
    let next = findNext(it, r);
    let offset = B, length = 0, pos = B;
    while (pos < B + L) {
      if (pos === offset + length) {
        if (next !== null && pos === next.begin) {
          length = next.length; next = findNext(it, r);
        } else {
          length = (next !== null ? next.begin : B + L) - pos; gaps.push(length);
        }
        offset = pos;
      }
      pos = offset + length;
    }
  }
  gaps.sort((a, b) => b - a);
  let result = 0;
  for (const u of units) {
    const l = u.length;
    const sum1 = ((Nc - 1) * (2 * l * l * l - 3 * l * l + l)) / 3;
    let sum2 = 0;
    for (const g of gaps) {
      if (g >= l) sum2 += g - l + 1;
      else break;
    }
    result += sum1 + sum2 * l * l;
  }
  const expected = (result * (2 / L)) / (R * L * (R * L - 1) - squaredLengths);
  return { observed, expected };
}

describe("the O(n log n) alpha_u against a literal port of DKPro's loops", () => {
  /** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /** Random non-overlapping units of positive length per rater, touching ones included. */
  function randomStudy(seed: number): UnitizingStudy {
    const next = random(seed);
    const raterCount = 2 + Math.floor(next() * 3);
    const length = 5 + Math.floor(next() * 120);
    const begin = Math.floor(next() * 10);
    const units: UnitizingUnit[] = [];
    for (let rater = 0; rater < raterCount; rater++) {
      let pos = begin;
      while (pos < begin + length) {
        pos += Math.floor(next() * 3) === 0 ? 0 : Math.floor(next() * 8);
        const unitLength = Math.min(Math.floor(next() * 10), begin + length - pos);
        if (pos >= begin + length) break;
        if (next() < 0.6 && unitLength > 0) units.push({ begin: pos, length: unitLength, rater, category: "X" });
        pos += Math.max(unitLength, 1);
      }
    }
    return { begin, length, raterCount, units };
  }

  it("gives the same D_o and D_e on 500 random studies", () => {
    for (let seed = 1; seed <= 500; seed++) {
      const s = randomStudy(seed);
      const reference = dkproReference(s, "X");
      const fast = unitizingDisagreement(s.begin, s.length, intervalsByRater(s, "X"));
      expect(fast, `seed ${seed}`).not.toBeNull();
      expect(fast!.observed, `seed ${seed}`).toBeCloseTo(reference.observed, 10);
      if (Number.isNaN(reference.expected)) expect(fast!.expected).toBeNaN();
      else expect(fast!.expected, `seed ${seed}`).toBeCloseTo(reference.expected, 10);
    }
  });
});

describe("alpha_u where DKPro's sweep stops early", () => {
  // DKPro's observed-disagreement loop ends once neither rater has a unit left to start. When one
  // rater's last unit has length zero and starts where the other's last unit starts, the other
  // unit is never compared with the gap that follows, and DKPro reports D_o = 0 for a study in
  // which only one rater marked anything. We score that unit (it lies in the other rater's gap).
  it("scores a unit beside a zero-length unit at the same position", () => {
    const s = study(0, 10, 2, [[5, 0, 0, "A"], [5, 3, 1, "A"]]);
    expect(dkproReference(s, "A").observed).toBe(0);
    // 3² = 9; D_o = 2·9 / (2·1·10²)
    expect(krippendorffAlphaUnitizing(s, "A").observed).toBeCloseTo(0.09, 12);
  });
});
