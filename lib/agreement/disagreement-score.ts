import { prepareLayer, spansOfLabel } from "./spans/label-spans";
import { countExactMatches } from "./spans/span-matching";
import type { AgreementArticle, AgreementReport } from "./types";

/**
 * One number per article for the review queue to sort by: 1 − the mean of the pairwise f1_exact
 * values over every annotator pair and label that has spans (undefined figures are skipped, not
 * counted as agreement). 0 = every pair marked the same spans; 1 = no span in common. null when
 * fewer than two analysts annotated the article or nobody marked anything.
 */
export function articleDisagreementScore(article: AgreementArticle, labels: readonly string[]): number | null {
  const annotators = Object.keys(article.layers).sort();
  const layers = annotators.map((annotator) => prepareLayer(article.layers[annotator], labels));
  const values: number[] = [];
  for (let i = 0; i < layers.length; i++) {
    for (let j = i + 1; j < layers.length; j++) {
      for (const label of labels) {
        const a = spansOfLabel(layers[i], label);
        const b = spansOfLabel(layers[j], label);
        const units = a.starts.length + b.starts.length;
        if (units > 0) values.push((2 * countExactMatches(a, b)) / units);
      }
    }
  }
  return scoreFrom(values);
}

/**
 * The same score, read off a computed report's per-article, per-label f1_exact figures, for
 * callers that already hold the report: external id → score.
 */
export function disagreementScoresFromReport(report: AgreementReport): Map<string, number | null> {
  const valuesByArticle = new Map<string, number[]>();
  for (const figure of report.figures) {
    if (figure.measure !== "f1_exact" || figure.article === null || figure.label === null) continue;
    let values = valuesByArticle.get(figure.article);
    if (!values) valuesByArticle.set(figure.article, (values = []));
    if (figure.value !== null) values.push(figure.value);
  }
  const scores = new Map<string, number | null>();
  for (const [article, values] of valuesByArticle) scores.set(article, scoreFrom(values));
  return scores;
}

function scoreFrom(values: number[]): number | null {
  if (values.length === 0) return null;
  return 1 - values.reduce((sum, v) => sum + v, 0) / values.length;
}
