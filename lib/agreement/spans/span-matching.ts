import { compareStrings, type LabelSpans } from "./label-spans";
import { countRangesMeetingUnion } from "./code-point-union";

/**
 * Counts behind the pairwise span measures of one label. All lists are sorted and distinct
 * (see label-spans.ts), so each count is one merge-like pass.
 */

/** |A ∩ B| where spans match on start and end (the label is fixed by the caller). */
export function countExactMatches(a: LabelSpans, b: LabelSpans): number {
  let matches = 0;
  let i = 0;
  let j = 0;
  while (i < a.starts.length && j < b.starts.length) {
    const order = a.starts[i] - b.starts[j] || a.ends[i] - b.ends[j];
    if (order === 0) {
      matches++;
      i++;
      j++;
    } else if (order < 0) i++;
    else j++;
  }
  return matches;
}

/**
 * How many spans of A share at least one code point with some span of B (f1_overlap's
 * matched_A). Not a one-to-one matching: several spans of A may meet the same span of B.
 */
export function countOverlapping(a: LabelSpans, b: LabelSpans): number {
  return countRangesMeetingUnion(a.starts, a.ends, b.union);
}

/** |A ∩ B| over attributions, which match on start, end and speaker. */
export function countAttributionMatches(a: LabelSpans, b: LabelSpans): number {
  const x = a.attributions;
  const y = b.attributions;
  let matches = 0;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const order = x[i].start - y[j].start || x[i].end - y[j].end || compareStrings(x[i].speaker, y[j].speaker);
    if (order === 0) {
      matches++;
      i++;
      j++;
    } else if (order < 0) i++;
    else j++;
  }
  return matches;
}

/**
 * Among spans that match exactly and have a speaker in both layers: how many such pairs, and
 * how many name the same speaker (speaker_agreement = same / pairs).
 */
export function compareSpeakers(a: LabelSpans, b: LabelSpans): { pairs: number; same: number } {
  let pairs = 0;
  let same = 0;
  let i = 0;
  let j = 0;
  while (i < a.starts.length && j < b.starts.length) {
    const order = a.starts[i] - b.starts[j] || a.ends[i] - b.ends[j];
    if (order === 0) {
      const speakerA = a.speakers[i];
      const speakerB = b.speakers[j];
      if (speakerA !== null && speakerB !== null) {
        pairs++;
        if (speakerA === speakerB) same++;
      }
      i++;
      j++;
    } else if (order < 0) i++;
    else j++;
  }
  return { pairs, same };
}
