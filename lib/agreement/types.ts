/**
 * Types shared by the agreement code: the coefficient results of coding and unitizing studies,
 * the annotation layers the span-level measures read, and the JSON report DESIGN.md fixes
 * ("Agreement output").
 */

/** Why a coefficient has no value. Degenerate data is reported, never thrown. */
export type UndefinedReason =
  /** No items (or no continuum) to compare. */
  | "no-items"
  /** Fewer than two raters, or no item rated by two of them. */
  | "too-few-raters"
  /** Expected agreement is 1 (every rating in one category): kappa is 0/0. */
  | "expected-agreement-one"
  /** Expected disagreement is 0 (nothing that could be disagreed on): alpha is 0/0. */
  | "no-expected-disagreement";

/**
 * A chance-corrected coefficient together with the two quantities it is made of. `basis` says
 * whether `observed`/`expected` are agreements (the kappas: value = (A_o − A_e) / (1 − A_e)) or
 * disagreements (the alphas: value = 1 − D_o / D_e).
 */
export type CoefficientResult =
  | {
      status: "defined";
      basis: "agreement" | "disagreement";
      observed: number;
      expected: number;
      value: number;
    }
  | {
      status: "undefined";
      basis: "agreement" | "disagreement";
      reason: UndefinedReason;
      /** null where the quantity itself cannot be computed (e.g. 0/0 with no items). */
      observed: number | null;
      expected: number | null;
      value: null;
    };

/** One span of an analyst's layer. Offsets are Unicode code points, `end` exclusive. */
export type AgreementSpan = {
  start: number;
  end: number;
  label: string;
  /**
   * For QUOTE and CLAIM spans: the canonical actor name of the ACTOR span it is `attributed_to`
   * (that span's covered text where it links no actor), or null/absent when it is not attributed.
   */
  speaker?: string | null;
};

/** One article with the analysts' layers. A key exists only if that analyst annotated the article. */
export type AgreementArticle = {
  externalId: string;
  text: string;
  /** annotator email → spans of that analyst's layer (never the gold or suggestion layer). */
  layers: Record<string, AgreementSpan[]>;
};

export type AgreementInput = {
  project: string;
  /** The project's label keys, in display order. Spans of other labels are ignored. */
  labels: string[];
  articles: AgreementArticle[];
};

export type AgreementMeasure =
  | "f1_exact"
  | "f1_overlap"
  | "cohen_kappa"
  | "fleiss_kappa"
  | "alpha_u"
  | "f1_attribution"
  | "speaker_agreement";

/** One row of the report (DESIGN.md "Agreement output"); the key order is the documented one. */
export type AgreementFigure = {
  measure: AgreementMeasure;
  /** A label key, or null for all labels together. */
  label: string | null;
  /** The pair (sorted) or, for fleiss_kappa and alpha_u, all analysts the figure compares. */
  annotators: string[];
  /** An article's external id, or null for the whole project. */
  article: string | null;
  value: number | null;
  units: number;
};

export type AgreementReport = {
  project: string;
  labels: string[];
  annotators: string[];
  figures: AgreementFigure[];
};
