import { fromDisagreements, undefinedCoefficient } from "../coding/chance-corrected";
import type { CoefficientResult } from "../types";
import { expectedDisagreement } from "./expected-disagreement";
import { pairDistanceSum } from "./observed-disagreement";
import { sortAndMerge, type SortedUnits } from "./rater-units";
import { categoriesOf, intervalsByRater, type UnitInterval, type UnitizingStudy } from "./unitizing-study";

/**
 * Krippendorff's unitizing alpha (alpha_u; Krippendorff 1995, 2004) as DKPro Statistics'
 * KrippendorffAlphaUnitizingAgreement computes it: per category, alpha = 1 − D_o/D_e; for all
 * categories together, 1 − ΣD_o/ΣD_e (DKPro divides both sums by the number of categories,
 * which cancels).
 *
 * Deliberate differences from DKPro:
 * - where D_e is 0 (no unit of positive length), the value is null instead of 0 or 1;
 * - fewer than two raters, or an empty continuum, give null instead of NaN or an exception;
 * - one rater's overlapping units of a category are merged (DKPro forbids them);
 * - the expected disagreement is computed in O(n log n) rather than units × gaps;
 * - DKPro's observed-disagreement sweep stops once neither rater has a unit left to start, which
 *   skips one comparison when a rater's last unit has length zero and starts where the other
 *   rater's last unit starts (see the test "alpha_u where DKPro's sweep stops early"). Without
 *   zero-length units the two agree exactly (tested against a literal port on random studies).
 */

export type UnitizingDisagreement = { observed: number; expected: number };

/**
 * D_o and D_e of one category from each rater's units on the continuum
 * [continuumBegin, continuumBegin + continuumLength); null where they are undefined.
 */
export function unitizingDisagreement(
  continuumBegin: number,
  continuumLength: number,
  unitsByRater: readonly (readonly UnitInterval[])[],
): UnitizingDisagreement | null {
  return disagreementOfSortedUnits(continuumBegin, continuumLength, unitsByRater.map(sortAndMerge));
}

/**
 * As unitizingDisagreement, for units already sorted by begin and disjoint within each rater (the
 * shape sortAndMerge returns), so that callers holding them that way skip the sort.
 */
export function disagreementOfSortedUnits(
  continuumBegin: number,
  continuumLength: number,
  raters: readonly SortedUnits[],
): UnitizingDisagreement | null {
  const raterCount = raters.length;
  if (degeneracy(raterCount, continuumLength) !== null) return null;
  let distanceSum = 0;
  for (let r1 = 0; r1 < raterCount; r1++) {
    for (let r2 = r1 + 1; r2 < raterCount; r2++) distanceSum += pairDistanceSum(raters[r1], raters[r2]);
  }
  const observed = (2 * distanceSum) / (raterCount * (raterCount - 1) * continuumLength * continuumLength);
  const expected = expectedDisagreement(raters, continuumBegin, continuumLength);
  return { observed, expected };
}

/** Why a study with these dimensions has no D_o at all, or null when it has one. */
function degeneracy(raterCount: number, continuumLength: number): "too-few-raters" | "no-items" | null {
  if (raterCount < 2) return "too-few-raters";
  if (!(continuumLength > 0)) return "no-items";
  return null;
}

/** 1 − D_o/D_e from a disagreement pair (or sums of them); null-safe. */
export function alphaFromDisagreement(
  disagreement: UnitizingDisagreement | null,
  raterCount: number,
  continuumLength: number,
): CoefficientResult {
  if (disagreement === null) {
    return undefinedCoefficient("disagreement", degeneracy(raterCount, continuumLength) ?? "no-items");
  }
  return fromDisagreements(disagreement.observed, disagreement.expected);
}

/** alpha_u for one category of a study. */
export function krippendorffAlphaUnitizing(study: UnitizingStudy, category: string): CoefficientResult {
  const disagreement = unitizingDisagreement(study.begin, study.length, intervalsByRater(study, category));
  return alphaFromDisagreement(disagreement, study.raterCount, study.length);
}

/** alpha_u for several categories together: 1 − ΣD_o/ΣD_e (by default over the categories used). */
export function krippendorffAlphaUnitizingAll(
  study: UnitizingStudy,
  categories: readonly string[] = categoriesOf(study),
): CoefficientResult {
  if (degeneracy(study.raterCount, study.length) !== null) {
    return alphaFromDisagreement(null, study.raterCount, study.length);
  }
  const parts = categories.map((c) => unitizingDisagreement(study.begin, study.length, intervalsByRater(study, c)));
  return alphaFromDisagreement(sumDisagreements(parts), study.raterCount, study.length);
}

/**
 * ΣD_o and ΣD_e over categories of one study. A part is null only when the study itself is
 * degenerate (too few raters, empty continuum), which then holds for every part.
 */
export function sumDisagreements(parts: readonly (UnitizingDisagreement | null)[]): UnitizingDisagreement | null {
  let observed = 0;
  let expected = 0;
  for (const part of parts) {
    if (part === null) return null;
    observed += part.observed;
    expected += part.expected;
  }
  return { observed, expected };
}
