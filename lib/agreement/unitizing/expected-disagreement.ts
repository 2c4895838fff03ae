import { gapLengths, type SortedUnits } from "./rater-units";

/**
 * DKPro's expected disagreement D_e for one category (Krippendorff 1995, 2004):
 *
 *   D_e = (2/L) · Σ_units [ (N_c − 1)(2l³ − 3l² + l)/3 + l² · Σ_{gaps g ≥ l} (g − l + 1) ]
 *         / ( R·L·(R·L − 1) − Σ_units l(l − 1) )
 *
 * over all raters' units (N_c of them) and all raters' gaps. DKPro loops over units × gaps, which
 * is quadratic at project level (every article laid end to end). Here the gaps are sorted once
 * and Σ_{g ≥ l}(g − l + 1) = (Σ_{g ≥ l} g) − (l − 1)·#{g ≥ l} comes from prefix sums and a binary
 * search: O((units + gaps) · log gaps), independent of the continuum length.
 */
export function expectedDisagreement(
  raters: readonly SortedUnits[],
  continuumBegin: number,
  continuumLength: number,
): number {
  const raterCount = raters.length;
  const gaps: number[] = [];
  let unitCount = 0;
  for (const units of raters) {
    gapLengths(units, continuumBegin, continuumBegin + continuumLength, gaps);
    unitCount += units.count;
  }
  const sortedGaps = sortNumbers(gaps);
  // prefix[k] = Σ sortedGaps[..k), so Σ sortedGaps[k..] = total − prefix[k]
  const prefix: number[] = [0];
  for (let k = 0; k < sortedGaps.length; k++) prefix.push(prefix[k] + sortedGaps[k]);
  const total = prefix[sortedGaps.length];

  let numerator = 0;
  let sumOfLengthProducts = 0; // Σ l(l − 1)
  for (const units of raters) {
    for (let u = 0; u < units.count; u++) {
      const l = units.ends[u] - units.begins[u];
      sumOfLengthProducts += l * (l - 1);
      const withinUnits = ((unitCount - 1) * (2 * l * l * l - 3 * l * l + l)) / 3;
      const first = lowerBound(sortedGaps, l);
      const fitting = sortedGaps.length - first;
      const placements = total - prefix[first] - (l - 1) * fitting;
      numerator += withinUnits + l * l * placements;
    }
  }
  const rl = raterCount * continuumLength;
  return ((2 / continuumLength) * numerator) / (rl * (rl - 1) - sumOfLengthProducts);
}

/**
 * Ascending numeric sort. A typed array sorts numbers natively, without calling a comparator,
 * which pays off for a project's tens of thousands of gaps but not for an article's few dozen.
 */
function sortNumbers(numbers: number[]): ArrayLike<number> {
  return numbers.length > 256 ? Float64Array.from(numbers).sort() : numbers.sort((a, b) => a - b);
}

/** Index of the first element ≥ value in an ascending array. */
function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
