/**
 * Krippendorff's squared distance between two segments of two raters, as DKPro's
 * KrippendorffAlphaUnitizingAgreement.measureDistance defines it. A segment is either a unit
 * (marked = true) or a gap.
 *
 * - unit vs unit that overlap (open intervals): (Δbegin)² + (Δend)²;
 * - unit vs gap that contains the unit: length²;
 * - anything else (gap vs gap, disjoint units, a unit only partly in a gap): 0.
 */
export function segmentDistance(
  begin1: number,
  length1: number,
  marked1: boolean,
  begin2: number,
  length2: number,
  marked2: boolean,
): number {
  const beginDiff = begin1 - begin2;
  const lengthDiff = length1 - length2;
  if (marked1 && marked2 && -length1 < beginDiff && beginDiff < length2) {
    const endDiff = beginDiff + lengthDiff;
    return beginDiff * beginDiff + endDiff * endDiff;
  }
  if (marked1 && !marked2 && -lengthDiff >= beginDiff && beginDiff >= 0) return length1 * length1;
  if (!marked1 && marked2 && -lengthDiff <= beginDiff && beginDiff <= 0) return length2 * length2;
  return 0;
}
