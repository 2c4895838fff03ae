import { segmentDistance } from "./segment-distance";
import type { SortedUnits } from "./rater-units";

/**
 * Σ of Krippendorff's squared distances between the segments of two raters in one category: the
 * numerator of D_o for one rater pair, before DKPro's 2 / (R(R−1)L²) scaling.
 *
 * DKPro finds it by sweeping both raters' segment sequences (units and gaps) along the continuum
 * and scoring each pair of segments that share a position. Only two kinds of such pairs score:
 * two overlapping units, and a unit lying wholly inside the other rater's gap. A unit lies wholly
 * inside a gap exactly when no unit of the other rater overlaps it, so one merge-like pass over
 * the two sorted unit lists gives the same sum in O(n₁ + n₂) without materialising the gaps.
 */
export function pairDistanceSum(a: SortedUnits, b: SortedUnits): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  // Whether the current unit of each list has met a unit of the other list yet; a unit is
  // settled (and scored as lying in a gap if it met none) when the pass moves past it.
  let metA = false;
  let metB = false;
  while (i < a.count && j < b.count) {
    const beginA = a.begins[i];
    const endA = a.ends[i];
    const beginB = b.begins[j];
    const endB = b.ends[j];
    if (beginA < endB && beginB < endA) {
      sum += segmentDistance(beginA, endA - beginA, true, beginB, endB - beginB, true);
      metA = true;
      metB = true;
    }
    // The unit that ends first cannot overlap anything later in the other list (units of one
    // rater are disjoint, so begins and ends both ascend).
    const advanceA = endA <= endB;
    const advanceB = endB <= endA;
    if (advanceA) {
      if (!metA) sum += (endA - beginA) * (endA - beginA);
      i++;
      metA = false;
    }
    if (advanceB) {
      if (!metB) sum += (endB - beginB) * (endB - beginB);
      j++;
      metB = false;
    }
  }
  // Whatever is left of one list (the current unit maybe met already) lies in the other's gaps.
  for (; i < a.count; i++, metA = false) if (!metA) sum += (a.ends[i] - a.begins[i]) ** 2;
  for (; j < b.count; j++, metB = false) if (!metB) sum += (b.ends[j] - b.begins[j]) ** 2;
  return sum;
}
