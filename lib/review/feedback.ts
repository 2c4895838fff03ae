import { precisionRecallF1, type PrecisionRecall } from "../agreement/precision-recall";
import type { AgreementSpan } from "../agreement/types";

export type AnalystFeedback = { email: string; byLabel: PrecisionRecall[]; all: PrecisionRecall };

/**
 * Each analyst's layer against gold: precision (their spans that gold has, same label and
 * bounds), recall (gold spans they made) and F1, per label and for all labels together.
 */
export function feedbackAgainstGold(
  gold: readonly AgreementSpan[],
  layers: readonly { email: string; spans: readonly AgreementSpan[] }[],
  labels: readonly string[],
): AnalystFeedback[] {
  return layers.map((layer) => {
    const { byLabel, all } = precisionRecallF1(gold, layer.spans, { labels });
    return { email: layer.email, byLabel, all };
  });
}
