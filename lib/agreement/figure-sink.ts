import type { FigureValue } from "./figure-values";
import type { AgreementFigure, AgreementMeasure } from "./types";

/** The report's measures, in the order their figures are listed. */
export const MEASURES: readonly AgreementMeasure[] = [
  "f1_exact",
  "f1_overlap",
  "cohen_kappa",
  "fleiss_kappa",
  "alpha_u",
  "f1_attribution",
  "speaker_agreement",
];

/** Collects figures per measure, so that the report lists them grouped by measure. */
export class FigureSink {
  private readonly byMeasure = new Map<AgreementMeasure, AgreementFigure[]>(MEASURES.map((m) => [m, []]));

  add(measure: AgreementMeasure, label: string | null, annotators: string[], article: string | null, v: FigureValue): void {
    this.byMeasure.get(measure)!.push({ measure, label, annotators, article, value: v.value, units: v.units });
  }

  figures(): AgreementFigure[] {
    return MEASURES.flatMap((measure) => this.byMeasure.get(measure)!);
  }
}
