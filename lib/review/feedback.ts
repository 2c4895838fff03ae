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

type Counts = Pick<PrecisionRecall, "referenceSpans" | "candidateSpans" | "matchedCandidate" | "matchedReference">;

/** Figures of several articles summed into one (micro average: counts add up, then P, R and F1). */
export function sumFeedback(label: string | null, rows: readonly Counts[]): PrecisionRecall {
  const total = (key: keyof Counts) => rows.reduce((sum, row) => sum + row[key], 0);
  const referenceSpans = total("referenceSpans");
  const candidateSpans = total("candidateSpans");
  const matchedCandidate = total("matchedCandidate");
  const matchedReference = total("matchedReference");
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

/**
 * Each analyst against gold over many articles: per article as feedbackAgainstGold, then the
 * counts summed per analyst and label. Only articles with gold, and each analyst only on the
 * articles they annotated, count.
 */
export function projectFeedback(
  articles: readonly { gold: readonly Span[]; layers: readonly { email: string; spans: readonly Span[] }[] }[],
  labels: readonly string[],
): AnalystFeedback[] {
  const perAnalyst = new Map<string, AnalystFeedback[]>();
  for (const article of articles) {
    if (article.gold.length === 0) continue;
    for (const row of feedbackAgainstGold(article.gold, article.layers, labels)) {
      const rows = perAnalyst.get(row.email) ?? [];
      rows.push(row);
      perAnalyst.set(row.email, rows);
    }
  }
  return [...perAnalyst.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([email, rows]) => ({
      email,
      byLabel: labels.map((label) => sumFeedback(label, rows.map((row) => row.byLabel.find((cell) => cell.label === label)!))),
      all: sumFeedback(null, rows.map((row) => row.all)),
    }));
}
