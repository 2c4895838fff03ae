import { precisionRecallF1, type PrecisionRecall } from "../agreement/precision-recall";

type Span = { label: string; start: number; end: number };

export type AnalystFeedback = { email: string; byLabel: PrecisionRecall[]; all: PrecisionRecall };

/**
 * Each analyst's layer against gold: precision (their spans that gold has, same label and
 * bounds), recall (gold spans they made) and F1, per label and for all labels together.
 */
export function feedbackAgainstGold(
  gold: readonly Span[],
  layers: readonly { email: string; spans: readonly Span[] }[],
  labels: readonly string[],
): AnalystFeedback[] {
  return layers.map((layer) => {
    const bare = (spans: readonly Span[]) => spans.map(({ label, start, end }) => ({ label, start, end }));
    const { byLabel, all } = precisionRecallF1(bare(gold), bare(layer.spans), { labels });
    return { email: layer.email, byLabel, all };
  });
}
