import type { CoefficientResult } from "../types";
import { fromAgreements, undefinedCoefficient } from "./chance-corrected";

/**
 * Fleiss' (1971) kappa from per-subject category counts: `counts[i][j]` is the number of raters
 * who put subject i in category j.
 *
 * Fleiss assumes the same number of ratings m for every subject. Where the totals differ, each
 * subject's P_i uses its own n_i (the usual generalisation), which equals Fleiss' formula when
 * they do not. Subjects with fewer than two ratings carry no pair and are skipped.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): CoefficientResult {
  let subjects = 0;
  let sumOfSubjectAgreement = 0;
  let totalRatings = 0;
  const categoryTotals: number[] = [];
  for (const row of counts) {
    let ratings = 0;
    let agreeingPairs = 0;
    for (const n of row) {
      ratings += n;
      agreeingPairs += n * (n - 1);
    }
    if (ratings < 2) continue;
    subjects++;
    sumOfSubjectAgreement += agreeingPairs / (ratings * (ratings - 1));
    totalRatings += ratings;
    row.forEach((n, j) => {
      categoryTotals[j] = (categoryTotals[j] ?? 0) + n;
    });
  }
  if (subjects === 0) return undefinedCoefficient("agreement", "no-items");
  return fromAgreements(sumOfSubjectAgreement / subjects, expectedFromTotals(categoryTotals, totalRatings));
}

/**
 * P̄_e = Σ_j p_j² with p_j = total_j / total. Exactly 1 when one category holds every rating;
 * checked on the integers so that rounding cannot turn 0/0 into a huge kappa.
 */
export function expectedFromTotals(categoryTotals: readonly (number | undefined)[], totalRatings: number): number {
  let sumOfSquares = 0;
  for (const n of categoryTotals) sumOfSquares += (n ?? 0) * (n ?? 0);
  if (sumOfSquares === totalRatings * totalRatings) return 1;
  return sumOfSquares / (totalRatings * totalRatings);
}

/**
 * Fleiss' kappa from running totals instead of a subject × category table, for studies too large
 * to hold one row per subject (every token of a project): `subjects` subjects each rated by
 * `raters` raters, `agreeingPairs` = Σ_i Σ_j n_ij(n_ij − 1), `categoryTotals[j]` = Σ_i n_ij.
 */
export function fleissKappaFromTotals(totals: {
  subjects: number;
  raters: number;
  agreeingPairs: number;
  categoryTotals: readonly number[];
}): CoefficientResult {
  const { subjects, raters, agreeingPairs, categoryTotals } = totals;
  if (subjects === 0) return undefinedCoefficient("agreement", "no-items");
  if (raters < 2) return undefinedCoefficient("agreement", "too-few-raters");
  const observed = agreeingPairs / (subjects * raters * (raters - 1));
  return fromAgreements(observed, expectedFromTotals(categoryTotals, subjects * raters));
}
