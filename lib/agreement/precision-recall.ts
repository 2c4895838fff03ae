import { compareStrings, prepareLayer, spansOfLabel } from "./spans/label-spans";
import { countExactMatches, countOverlapping } from "./spans/span-matching";
import type { AgreementSpan } from "./types";

/** How a candidate layer (an analyst's, a model's) compares with a reference (gold) layer. */
export type PrecisionRecall = {
  /** A label key, or null for all compared labels together (micro average). */
  label: string | null;
  referenceSpans: number;
  candidateSpans: number;
  /** Candidate spans that found a reference span (exact: same bounds; overlap: a shared code point). */
  matchedCandidate: number;
  /** Reference spans that were found. Equal to matchedCandidate for exact matching. */
  matchedReference: number;
  /** null without candidate spans */
  precision: number | null;
  /** null without reference spans */
  recall: number | null;
  /** null without spans on either side; 0 where precision + recall is 0 */
  f1: number | null;
};

export type PrecisionRecallOptions = {
  /** Labels to compare; by default every label either layer uses, in code-unit order. */
  labels?: readonly string[];
  /** "exact" (default): label, start and end must match. "overlap": as f1_overlap, not one-to-one. */
  match?: "exact" | "overlap";
};

/**
 * Precision, recall and F1 of `candidate` against `reference`, per label and for all labels
 * together. Duplicate spans (same label and bounds) count once, as everywhere in agreement.
 */
export function precisionRecallF1(
  reference: readonly AgreementSpan[],
  candidate: readonly AgreementSpan[],
  options: PrecisionRecallOptions = {},
): { byLabel: PrecisionRecall[]; all: PrecisionRecall } {
  const labels = options.labels
    ? [...new Set(options.labels)]
    : [...new Set([...reference, ...candidate].map((span) => span.label))].sort(compareStrings);
  const referenceLayer = prepareLayer(reference, labels);
  const candidateLayer = prepareLayer(candidate, labels);
  const byLabel = labels.map((label) => {
    const ref = spansOfLabel(referenceLayer, label);
    const cand = spansOfLabel(candidateLayer, label);
    const exact = options.match !== "overlap";
    const matchedCandidate = exact ? countExactMatches(cand, ref) : countOverlapping(cand, ref);
    const matchedReference = exact ? matchedCandidate : countOverlapping(ref, cand);
    return score(label, ref.starts.length, cand.starts.length, matchedCandidate, matchedReference);
  });
  const total = (key: "referenceSpans" | "candidateSpans" | "matchedCandidate" | "matchedReference") =>
    byLabel.reduce((sum, row) => sum + row[key], 0);
  const all = score(null, total("referenceSpans"), total("candidateSpans"), total("matchedCandidate"), total("matchedReference"));
  return { byLabel, all };
}

function score(
  label: string | null,
  referenceSpans: number,
  candidateSpans: number,
  matchedCandidate: number,
  matchedReference: number,
): PrecisionRecall {
  const precision = candidateSpans === 0 ? null : matchedCandidate / candidateSpans;
  const recall = referenceSpans === 0 ? null : matchedReference / referenceSpans;
  let f1: number | null = null;
  if (referenceSpans + candidateSpans > 0) {
    const p = precision ?? 0;
    const r = recall ?? 0;
    f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  }
  return { label, referenceSpans, candidateSpans, matchedCandidate, matchedReference, precision, recall, f1 };
}
