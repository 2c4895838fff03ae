import * as values from "./figure-values";
import type { FigureValue } from "./figure-values";
import type { FigureSink } from "./figure-sink";
import { addPairCounts, countPair, emptyPairCounts, type PairCounts } from "./pair-counts";
import type { PreparedArticle } from "./prepared-article";
import type { AgreementMeasure } from "./types";

type Row = { article: string | null; byLabel: PairCounts[] };

/**
 * The pairwise figures of one annotator pair (f1_exact, f1_overlap, cohen_kappa, f1_attribution,
 * speaker_agreement): one per article both annotated, and one for the project summing the
 * counts of those articles (micro average). Articles are added one at a time; only counts stay.
 */
export class PairAccumulator {
  private readonly rows: Row[] = [];
  private readonly project: PairCounts[];

  constructor(
    private readonly pair: [string, string],
    private readonly labels: readonly string[],
    /** The labels that have attribution figures (QUOTE and CLAIM, where the project has them). */
    private readonly attributed: readonly string[],
  ) {
    this.project = labels.map(() => emptyPairCounts());
  }

  add(article: PreparedArticle): void {
    const [a, b] = this.pair;
    if (!article.layers.has(a) || !article.layers.has(b)) return;
    const byLabel = this.labels.map((label, l) => countPair(article, a, b, l, label));
    byLabel.forEach((counts, l) => addPairCounts(this.project[l], counts));
    this.rows.push({ article: article.externalId, byLabel });
  }

  emit(sink: FigureSink): void {
    if (this.rows.length === 0) return; // no article in common: nothing to compare
    const { labels, attributed, pair } = this;
    const sumOver = (byLabel: PairCounts[], subset: readonly string[]) =>
      subset.reduce((sum, label) => addPairCounts(sum, byLabel[labels.indexOf(label)]), emptyPairCounts());
    // The project first, then the articles; label null sums the labels a measure covers: all
    // labels for the span F1s, QUOTE and CLAIM for the attribution measures.
    const rows = [{ article: null, byLabel: this.project }, ...this.rows].map((row) => ({
      ...row,
      allLabels: sumOver(row.byLabel, labels),
      attributedLabels: sumOver(row.byLabel, attributed),
    }));
    const measures: [AgreementMeasure, (c: PairCounts) => FigureValue, readonly string[], "allLabels" | "attributedLabels" | null][] = [
      ["f1_exact", values.f1Exact, labels, "allLabels"],
      ["f1_overlap", values.f1Overlap, labels, "allLabels"],
      ["cohen_kappa", values.cohenKappa, labels, null], // kappas have no label-null figure
      ["f1_attribution", values.f1Attribution, attributed, "attributedLabels"],
      ["speaker_agreement", values.speakerAgreement, attributed, "attributedLabels"],
    ];
    for (const [measure, value, measureLabels, labelNull] of measures) {
      if (measureLabels.length === 0) continue;
      for (const label of measureLabels) {
        const l = labels.indexOf(label);
        for (const row of rows) sink.add(measure, label, pair, row.article, value(row.byLabel[l]));
      }
      if (labelNull !== null) {
        for (const row of rows) sink.add(measure, null, pair, row.article, value(row[labelNull]));
      }
    }
  }
}
