import { compareStrings } from "./spans/label-spans";
import { precisionRecallF1, type PrecisionRecall } from "./precision-recall";
import type { AgreementSpan } from "./types";

/**
 * How well a model's suggestions find the gold spans (`sourcemark agreement --layer
 * suggestions`, `GET …/agreement?layer=suggestions`), in the flat figure list of DESIGN.md
 * "Agreement output" with `annotators: ["suggestions", "gold"]`:
 *   - `precision`: matched suggestions / suggestions (units: suggestions),
 *   - `recall`: matched gold spans / gold spans (units: gold spans),
 *   - `f1_exact`: 2·|S∩G| / (|S|+|G|), matching on label, start and end (units: |S|+|G|),
 *   - `f1_overlap`: as in the analysts' report (a shared code point with a span of the same label).
 * precision, recall and f1_exact match exactly (label, start, end). Per label and for all labels
 * together (`label: null`, micro average: counts summed), per article and for the project
 * (counts summed over articles). Only articles with a gold layer are compared: an article not
 * yet reviewed says nothing about the model.
 */
export const SUGGESTION_MEASURES = ["precision", "recall", "f1_exact", "f1_overlap"] as const;
export type SuggestionMeasure = (typeof SUGGESTION_MEASURES)[number];
export const SUGGESTIONS_VS_GOLD = ["suggestions", "gold"] as const;

export type SuggestionFigure = {
  measure: SuggestionMeasure;
  label: string | null;
  annotators: ["suggestions", "gold"];
  article: string | null;
  value: number | null;
  units: number;
};

export type SuggestionReport = {
  project: string;
  labels: string[];
  annotators: ["suggestions", "gold"];
  figures: SuggestionFigure[];
};

export type SuggestionArticle = { externalId: string; suggestions: AgreementSpan[]; gold: AgreementSpan[] };

type Counts = { exact: PrecisionRecall; overlap: PrecisionRecall };

export function compareSuggestionsWithGold(input: {
  project: string;
  labels: string[];
  articles: SuggestionArticle[];
}): SuggestionReport {
  const labels = [...new Set(input.labels)];
  const articles = [...input.articles].sort((a, b) => compareStrings(a.externalId, b.externalId));
  // per article: label (or null) → counts
  const perArticle = articles.map((article) => {
    const exact = precisionRecallF1(article.gold, article.suggestions, { labels });
    const overlap = precisionRecallF1(article.gold, article.suggestions, { labels, match: "overlap" });
    const rows = new Map<string | null, Counts>();
    exact.byLabel.forEach((row, i) => rows.set(row.label, { exact: row, overlap: overlap.byLabel[i] }));
    rows.set(null, { exact: exact.all, overlap: overlap.all });
    return { id: article.externalId, rows };
  });

  const figures: SuggestionFigure[] = [];
  for (const measure of SUGGESTION_MEASURES) {
    for (const label of [...labels, null]) {
      const rows = perArticle.map((article) => article.rows.get(label)!);
      figures.push(figure(measure, label, null, sum(rows, label)));
      perArticle.forEach((article, i) => figures.push(figure(measure, label, article.id, rows[i])));
    }
  }
  return { project: input.project, labels, annotators: [...SUGGESTIONS_VS_GOLD], figures };
}

function sum(rows: Counts[], label: string | null): Counts {
  const add = (key: "exact" | "overlap") => {
    const total = { referenceSpans: 0, candidateSpans: 0, matchedCandidate: 0, matchedReference: 0 };
    for (const row of rows) {
      total.referenceSpans += row[key].referenceSpans;
      total.candidateSpans += row[key].candidateSpans;
      total.matchedCandidate += row[key].matchedCandidate;
      total.matchedReference += row[key].matchedReference;
    }
    return scored(label, total);
  };
  return { exact: add("exact"), overlap: add("overlap") };
}

function scored(
  label: string | null,
  c: { referenceSpans: number; candidateSpans: number; matchedCandidate: number; matchedReference: number },
): PrecisionRecall {
  const precision = c.candidateSpans === 0 ? null : c.matchedCandidate / c.candidateSpans;
  const recall = c.referenceSpans === 0 ? null : c.matchedReference / c.referenceSpans;
  let f1: number | null = null;
  if (c.referenceSpans + c.candidateSpans > 0) {
    const p = precision ?? 0;
    const r = recall ?? 0;
    f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  }
  return { label, ...c, precision, recall, f1 };
}

function figure(measure: SuggestionMeasure, label: string | null, article: string | null, counts: Counts): SuggestionFigure {
  const { exact, overlap } = counts;
  const both = exact.referenceSpans + exact.candidateSpans;
  const [value, units] =
    measure === "precision"
      ? [exact.precision, exact.candidateSpans]
      : measure === "recall"
        ? [exact.recall, exact.referenceSpans]
        : measure === "f1_exact"
          ? [exact.f1, both]
          : [overlap.f1, both];
  return { measure, label, annotators: [...SUGGESTIONS_VS_GOLD], article, value, units };
}
