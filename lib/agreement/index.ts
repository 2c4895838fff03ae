/**
 * Inter-annotator agreement for Sourcemark: coding-study coefficients, Krippendorff's unitizing
 * alpha, and the span-level report of DESIGN.md "Agreement output". Plain TypeScript, no
 * framework or database imports, so the web app, the CLI and the tests share it.
 */
export type * from "./types";
export { cohenKappaFromRatings, cohenKappaFromTable } from "./coding/cohen-kappa";
export { fleissKappa, fleissKappaFromTotals } from "./coding/fleiss-kappa";
export { krippendorffAlphaNominal } from "./coding/krippendorff-alpha-nominal";
export type { UnitizingStudy, UnitizingUnit } from "./unitizing/unitizing-study";
export {
  krippendorffAlphaUnitizing,
  krippendorffAlphaUnitizingAll,
  unitizingDisagreement,
  type UnitizingDisagreement,
} from "./unitizing/krippendorff-alpha-unitizing";
export { computeAgreement, ATTRIBUTED_LABELS } from "./compute-agreement";
export { precisionRecallF1, type PrecisionRecall, type PrecisionRecallOptions } from "./precision-recall";
export { articleDisagreementScore, disagreementScoresFromReport } from "./disagreement-score";
export { whitespaceTokens } from "./spans/whitespace-tokens";
export {
  MEASURES,
  MEASURE_INFO,
  POOLING,
  articleRows,
  formatUnits,
  formatValue,
  labelColumns,
  pairRows,
  poolFigures,
  projectRows,
  type ArticleRow,
  type Cell,
  type MeasureRow,
  type PairRows,
  type Pooling,
} from "./report-tables";
export {
  compareSuggestionsWithGold,
  SUGGESTION_MEASURES,
  SUGGESTIONS_VS_GOLD,
  type SuggestionArticle,
  type SuggestionFigure,
  type SuggestionMeasure,
  type SuggestionReport,
} from "./suggestions-vs-gold";
