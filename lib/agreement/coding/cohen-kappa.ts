import type { CoefficientResult } from "../types";
import { fromAgreements, undefinedCoefficient } from "./chance-corrected";

/**
 * Cohen's (1960) kappa from a square contingency table: `table[i][j]` counts the items rater A put
 * in category i and rater B in category j.
 */
export function cohenKappaFromTable(table: readonly (readonly number[])[]): CoefficientResult {
  const k = table.length;
  const rowTotals = new Array<number>(k).fill(0);
  const columnTotals = new Array<number>(k).fill(0);
  let total = 0;
  let diagonal = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const n = table[i]?.[j] ?? 0;
      rowTotals[i] += n;
      columnTotals[j] += n;
      total += n;
      if (i === j) diagonal += n;
    }
  }
  if (total === 0) return undefinedCoefficient("agreement", "no-items");
  let marginalProducts = 0;
  for (let i = 0; i < k; i++) marginalProducts += rowTotals[i] * columnTotals[i];
  // Compare the integer sums rather than the quotient so that "A_e is exactly 1" is never lost to
  // rounding (the kappa would then be a huge number instead of undefined).
  const expected = marginalProducts === total * total ? 1 : marginalProducts / (total * total);
  return fromAgreements(diagonal / total, expected);
}

/**
 * Cohen's kappa from two raters' codes for the same items, position by position. Items that
 * either rater left uncoded (null/undefined, or past the end of the shorter array) are skipped.
 */
export function cohenKappaFromRatings<T>(
  ratingsA: readonly (T | null | undefined)[],
  ratingsB: readonly (T | null | undefined)[],
): CoefficientResult {
  const categories = new Map<T, number>();
  const indexOf = (value: T): number => {
    let index = categories.get(value);
    if (index === undefined) {
      index = categories.size;
      categories.set(value, index);
    }
    return index;
  };
  const pairs: [number, number][] = [];
  const n = Math.min(ratingsA.length, ratingsB.length);
  for (let item = 0; item < n; item++) {
    const a = ratingsA[item];
    const b = ratingsB[item];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    pairs.push([indexOf(a), indexOf(b)]);
  }
  const table = Array.from({ length: categories.size }, () => new Array<number>(categories.size).fill(0));
  for (const [i, j] of pairs) table[i][j]++;
  return cohenKappaFromTable(table);
}
