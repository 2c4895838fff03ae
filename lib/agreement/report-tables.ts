import { disagreementScoresFromReport } from "./disagreement-score";
import { MEASURES } from "./figure-sink";
import { compareStrings } from "./spans/label-spans";
import type { AgreementFigure, AgreementMeasure, AgreementReport } from "./types";

/**
 * The report of computeAgreement arranged for people to read (the agreement page and the
 * CLI's table): project figures per measure and label, per pair, and per article. Nothing here
 * is a new measure: where several pairs' figures are summarised into one, the rule is stated
 * in POOLING and shown next to the figure.
 */

export { MEASURES };

/** A figure's value and units; null where the report has no such figure. */
export type Cell = { value: number | null; units: number } | null;

/** How one number stands for several pairs' figures. */
export type Pooling = "figure" | "summed" | "mean";

export const MEASURE_INFO: Record<AgreementMeasure, { name: string; unit: [string, string]; explanation: string }> = {
  f1_exact: {
    name: "F1, exact bounds",
    unit: ["span", "spans"],
    explanation: "Spans match when label, start and end are all the same: 2 × matches ÷ (spans of A + spans of B).",
  },
  f1_overlap: {
    name: "F1, any overlap",
    unit: ["span", "spans"],
    explanation:
      "A span counts as found when it shares at least one character with a span of the same label in the other layer; the harmonic mean of the two shares found.",
  },
  cohen_kappa: {
    name: "Cohen's κ",
    unit: ["token", "tokens"],
    explanation:
      "Two analysts, chance-corrected: each whitespace-separated token is coded 1 when any of its characters lies in a span of the label.",
  },
  fleiss_kappa: {
    name: "Fleiss' κ",
    unit: ["token", "tokens"],
    explanation: "The same token coding, chance-corrected over all analysts compared at once (Fleiss 1971).",
  },
  alpha_u: {
    name: "Krippendorff's α-u",
    unit: ["code point", "code points"],
    explanation:
      "Unitizing alpha on the character continuum, each analyst's overlapping spans of a label merged first; “all labels” is 1 − ΣDo ÷ ΣDe over the labels.",
  },
  f1_attribution: {
    name: "F1, attribution",
    unit: ["span", "spans"],
    explanation:
      "Like exact F1 over QUOTE and CLAIM spans that have a speaker (the canonical actor of the ACTOR span they are attributed to): the speaker must match too.",
  },
  speaker_agreement: {
    name: "Speaker agreement",
    unit: ["span pair", "span pairs"],
    explanation:
      "Of the QUOTE and CLAIM spans both analysts marked identically and both attributed, the share naming the same speaker.",
  },
};

/** How the project table turns each measure's per-pair figures into one number. */
export const POOLING: Record<AgreementMeasure, { pooling: Pooling; note: string }> = {
  f1_exact: { pooling: "summed", note: "counts summed over articles and pairs" },
  f1_overlap: { pooling: "mean", note: "mean over pairs" },
  cohen_kappa: { pooling: "mean", note: "mean over pairs (Light's κ)" },
  fleiss_kappa: { pooling: "figure", note: "all analysts, articles every one of them annotated" },
  alpha_u: { pooling: "figure", note: "all analysts, articles every one of them annotated" },
  f1_attribution: { pooling: "summed", note: "counts summed over articles and pairs" },
  speaker_agreement: { pooling: "summed", note: "counts summed over articles and pairs" },
};

const PAIRWISE = new Set<AgreementMeasure>(["f1_exact", "f1_overlap", "cohen_kappa", "f1_attribution", "speaker_agreement"]);

/** "0.667", or "—" for no value. */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return (Math.abs(value) < 0.0005 ? 0 : value).toFixed(3);
}

/** "6 spans", "1 token", "120 code points". */
export function formatUnits(measure: AgreementMeasure, units: number): string {
  const [one, many] = MEASURE_INFO[measure].unit;
  return `${units.toLocaleString("en")} ${units === 1 ? one : many}`;
}

/**
 * One number for several pairwise figures of a measure and label. summed: the figures'
 * counts added up, which for 2·matches ÷ units and same ÷ pairs is Σ(value × units) ÷ Σunits;
 * mean: the plain mean of the defined values, units summed.
 */
export function poolFigures(measure: AgreementMeasure, figures: readonly AgreementFigure[]): Cell {
  if (figures.length === 0) return null;
  const units = figures.reduce((sum, f) => sum + f.units, 0);
  if (figures.length === 1) return { value: figures[0].value, units };
  const pooling = POOLING[measure].pooling;
  if (pooling === "summed") {
    const weighted = figures.reduce((sum, f) => sum + (f.value ?? 0) * f.units, 0);
    return { value: units === 0 ? null : weighted / units, units };
  }
  const defined = figures.filter((f) => f.value !== null);
  return { value: defined.length === 0 ? null : defined.reduce((sum, f) => sum + f.value!, 0) / defined.length, units };
}

/** Columns of the tables: the project's labels, then null for all labels together. */
export function labelColumns(report: AgreementReport): (string | null)[] {
  return [...report.labels, null];
}

export type MeasureRow = { measure: AgreementMeasure; cells: Cell[] };

/** The project figures: one row per measure, one cell per label column. */
export function projectRows(report: AgreementReport): MeasureRow[] {
  const columns = labelColumns(report);
  const everyone = report.annotators.join("\u0000");
  const projectFigures = report.figures.filter((f) => f.article === null);
  return MEASURES.map((measure) => ({
    measure,
    cells: columns.map((label) => {
      const matching = projectFigures.filter((f) => f.measure === measure && f.label === label);
      if (PAIRWISE.has(measure)) return poolFigures(measure, matching);
      const all = matching.find((f) => f.annotators.join("\u0000") === everyone);
      return all ? { value: all.value, units: all.units } : null;
    }),
  }));
}

export type PairRows = { pair: [string, string]; rows: MeasureRow[] };

/** Each pair's project figures (the pairwise measures), pairs in the report's order. */
export function pairRows(report: AgreementReport): PairRows[] {
  const columns = labelColumns(report);
  const pairs = new Map<string, Map<string, AgreementFigure>>();
  for (const f of report.figures) {
    if (f.article !== null || !PAIRWISE.has(f.measure)) continue;
    const key = f.annotators.join("\u0000");
    let figures = pairs.get(key);
    if (!figures) pairs.set(key, (figures = new Map()));
    figures.set(`${f.measure}\u0000${f.label ?? ""}`, f);
  }
  return [...pairs].map(([key, figures]) => ({
    pair: key.split("\u0000") as [string, string],
    rows: MEASURES.filter((m) => PAIRWISE.has(m)).map((measure) => ({
      measure,
      cells: columns.map((label) => {
        const f = figures.get(`${measure}\u0000${label ?? ""}`);
        return f ? { value: f.value, units: f.units } : null;
      }),
    })),
  }));
}

export type ArticleRow = {
  article: string;
  /** Everyone compared on the article. */
  annotators: string[];
  /** 1 − the mean pairwise exact F1 (articleDisagreementScore); null when nobody marked anything. */
  disagreement: number | null;
  /** f1_exact per label column, summed over the article's pairs. */
  f1Exact: Cell[];
  /** alpha_u over everyone who annotated the article, per label column. */
  alphaU: Cell[];
};

/** One row per compared article, most disagreement first (articles without a score last), then by external id. */
export function articleRows(report: AgreementReport): ArticleRow[] {
  const columns = labelColumns(report);
  const byArticle = new Map<string, AgreementFigure[]>();
  for (const f of report.figures) {
    if (f.article === null) continue;
    let figures = byArticle.get(f.article);
    if (!figures) byArticle.set(f.article, (figures = []));
    figures.push(f);
  }
  const scores = disagreementScoresFromReport(report);
  const rows = [...byArticle].map(([article, figures]): ArticleRow => {
    const annotators = [...new Set(figures.flatMap((f) => f.annotators))].sort(compareStrings);
    return {
      article,
      annotators,
      disagreement: scores.get(article) ?? null,
      f1Exact: columns.map((label) => poolFigures("f1_exact", figures.filter((f) => f.measure === "f1_exact" && f.label === label))),
      alphaU: columns.map((label) => {
        const f = figures.find((x) => x.measure === "alpha_u" && x.label === label);
        return f ? { value: f.value, units: f.units } : null;
      }),
    };
  });
  return rows.sort(
    (a, b) =>
      (a.disagreement === null ? 1 : 0) - (b.disagreement === null ? 1 : 0) ||
      (b.disagreement ?? 0) - (a.disagreement ?? 0) ||
      compareStrings(a.article, b.article),
  );
}
