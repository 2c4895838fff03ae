import { FigureSink } from "./figure-sink";
import { GroupAccumulator } from "./group-accumulator";
import { PairAccumulator } from "./pair-accumulator";
import { prepareArticle } from "./prepared-article";
import { compareStrings } from "./spans/label-spans";
import type { AgreementInput, AgreementReport } from "./types";

/** Attribution measures exist for these labels only (and for both together). */
export const ATTRIBUTED_LABELS = ["QUOTE", "CLAIM"] as const;

/**
 * The agreement report of `sourcemark agreement --json` (DESIGN.md "Agreement output").
 *
 * Pairwise measures (f1_exact, f1_overlap, cohen_kappa, f1_attribution, speaker_agreement): for
 * every pair of annotators, one figure per article both annotated and one for the project over
 * those articles; a pair with no article in common has no figures. fleiss_kappa and alpha_u: one
 * figure per article over the annotators who annotated it (at least two), and one for the
 * project over all annotators and the articles every one of them annotated.
 *
 * Figures are grouped by measure (in DESIGN.md's order); within a measure, pairwise figures by
 * pair, then label (the project's labels, then null), then article; fleiss_kappa and alpha_u by
 * label, then article. The project figure precedes the article figures, which follow in
 * ascending order of external id. Each article is prepared, counted and dropped in turn: only
 * counts and alpha_u's units are held, not every article's spans and tokens.
 */
export function computeAgreement(input: AgreementInput): AgreementReport {
  const labels = [...new Set(input.labels)];
  const attributed = labels.filter((label) => (ATTRIBUTED_LABELS as readonly string[]).includes(label));
  const articles = [...input.articles].sort((a, b) => compareStrings(a.externalId, b.externalId));
  const annotators = [...new Set(articles.flatMap((article) => Object.keys(article.layers)))].sort(compareStrings);

  const pairs: PairAccumulator[] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      pairs.push(new PairAccumulator([annotators[i], annotators[j]], labels, attributed));
    }
  }
  const group = new GroupAccumulator(annotators, labels);
  for (const article of articles) {
    if (Object.keys(article.layers).length < 2) continue; // nothing to compare on it
    const prepared = prepareArticle(article, labels);
    for (const pair of pairs) pair.add(prepared);
    group.add(prepared);
  }

  const sink = new FigureSink();
  for (const pair of pairs) pair.emit(sink);
  group.emit(sink);
  return { project: input.project, labels, annotators, figures: sink.figures() };
}
