import { cohenKappaFromTable } from "./coding/cohen-kappa";
import { fleissKappaFromTotals } from "./coding/fleiss-kappa";
import type { FleissTotals } from "./fleiss-totals";
import type { PairCounts } from "./pair-counts";
import type { UnitizingDisagreement } from "./unitizing/krippendorff-alpha-unitizing";

/**
 * value and units of each measure from its counts, exactly as DESIGN.md "Agreement output"
 * defines them. value is null where the figure is undefined, never NaN.
 */
export type FigureValue = { value: number | null; units: number };

/** 2·|A∩B| / (|A|+|B|); null without spans. */
function dice(matches: number, sizeA: number, sizeB: number): FigureValue {
  const units = sizeA + sizeB;
  return { value: units === 0 ? null : (2 * matches) / units, units };
}

export function f1Exact(c: PairCounts): FigureValue {
  return dice(c.exactMatches, c.spansA, c.spansB);
}

/**
 * P = Σmatched_A / Σ|A|, R = Σmatched_B / Σ|B|, value 2PR/(P+R), 0 where P+R is 0. With spans on
 * one side only, the empty side's ratio is 0/0; it is taken as 0, and the value is 0 either way
 * (R or P is 0), as f1_exact's is.
 */
export function f1Overlap(c: PairCounts): FigureValue {
  const units = c.spansA + c.spansB;
  if (units === 0) return { value: null, units };
  const precision = c.spansA === 0 ? 0 : c.overlappingA / c.spansA;
  const recall = c.spansB === 0 ? 0 : c.overlappingB / c.spansB;
  const value = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { value, units };
}

export function cohenKappa(c: PairCounts): FigureValue {
  const table = [
    [c.tokensBoth, c.tokensOnlyA],
    [c.tokensOnlyB, c.tokensNeither],
  ];
  const units = c.tokensBoth + c.tokensOnlyA + c.tokensOnlyB + c.tokensNeither;
  return { value: cohenKappaFromTable(table).value, units };
}

export function fleissKappa(t: FleissTotals): FigureValue {
  const totalRatings = t.tokens * t.raters;
  const result = fleissKappaFromTotals({
    subjects: t.tokens,
    raters: t.raters,
    agreeingPairs: t.agreeingPairs,
    categoryTotals: [t.ones, totalRatings - t.ones],
  });
  return { value: result.value, units: t.tokens };
}

/** 1 − D_o/D_e (or 1 − ΣD_o/ΣD_e); null where D_e is 0. units: the continuum length. */
export function alphaU(disagreement: UnitizingDisagreement | null, continuumLength: number): FigureValue {
  const ok = disagreement !== null && disagreement.expected > 0;
  return { value: ok ? 1 - disagreement.observed / disagreement.expected : null, units: continuumLength };
}

export function f1Attribution(c: PairCounts): FigureValue {
  return dice(c.attributionMatches, c.attributionsA, c.attributionsB);
}

export function speakerAgreement(c: PairCounts): FigureValue {
  return { value: c.speakerPairs === 0 ? null : c.sameSpeaker / c.speakerPairs, units: c.speakerPairs };
}
