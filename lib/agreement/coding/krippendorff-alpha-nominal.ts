import type { CoefficientResult } from "../types";
import { fromDisagreements, undefinedCoefficient } from "./chance-corrected";

/**
 * Krippendorff's alpha for nominal data with missing values (Krippendorff 2004, ch. 11; "Computing
 * Krippendorff's Alpha-Reliability", 2011), via the coincidence matrix.
 *
 * `units[u][r]` is rater r's value for unit u, or null/undefined where missing. A unit with fewer
 * than two values is not pairable and contributes nothing.
 * D_o = (1/n) Σ_{c≠k} o_ck and D_e = (1/(n(n−1))) Σ_{c≠k} n_c·n_k, where o_ck counts the ordered
 * value pairs within a unit weighted by 1/(m_u − 1) and n = Σ n_c is the number of pairable values.
 */
export function krippendorffAlphaNominal<T>(units: readonly (readonly (T | null | undefined)[])[]): CoefficientResult {
  const marginals = new Map<T, number>(); // n_c
  let pairable = 0; // n
  let disagreeing = 0; // Σ_{c≠k} o_ck
  for (const unit of units) {
    const values = unit.filter((v): v is T => v !== null && v !== undefined);
    const m = values.length;
    if (m < 2) continue;
    const counts = new Map<T, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    // Ordered pairs of different values within the unit: m² − Σ count², each weighted 1/(m − 1).
    let sameValuePairs = 0;
    for (const [value, count] of counts) {
      sameValuePairs += count * count;
      marginals.set(value, (marginals.get(value) ?? 0) + count);
    }
    disagreeing += (m * m - sameValuePairs) / (m - 1);
    pairable += m;
  }
  if (pairable < 2) return undefinedCoefficient("disagreement", "too-few-raters");
  let sumOfSquares = 0;
  for (const n of marginals.values()) sumOfSquares += n * n;
  const observed = disagreeing / pairable;
  const expected = (pairable * pairable - sumOfSquares) / (pairable * (pairable - 1));
  return fromDisagreements(observed, expected);
}
