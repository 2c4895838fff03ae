import { ContinuumBuilder } from "./continuum-builder";
import * as values from "./figure-values";
import type { FigureSink } from "./figure-sink";
import { addFleiss, countFleiss, type FleissTotals } from "./fleiss-totals";
import type { PreparedArticle } from "./prepared-article";
import { sumDisagreements, type UnitizingDisagreement } from "./unitizing/krippendorff-alpha-unitizing";

type ArticleRow = {
  externalId: string;
  group: string[];
  length: number;
  fleiss: FleissTotals[];
  alpha: (UnitizingDisagreement | null)[];
};

/**
 * The figures that compare a group rather than a pair: fleiss_kappa and alpha_u. An article
 * figure compares whoever annotated the article (two or more); the project figure compares all
 * annotators over the articles every one of them annotated, laid end to end for alpha_u in the
 * order they are added (ascending external id).
 */
export class GroupAccumulator {
  private readonly rows: ArticleRow[] = [];
  private readonly projectFleiss: FleissTotals[];
  private readonly projectContinuum: ContinuumBuilder;
  private completeArticles = 0;

  constructor(
    private readonly annotators: string[],
    private readonly labels: readonly string[],
  ) {
    this.projectFleiss = labels.map(() => ({ tokens: 0, raters: annotators.length, agreeingPairs: 0, ones: 0 }));
    this.projectContinuum = new ContinuumBuilder(labels, annotators);
  }

  add(article: PreparedArticle): void {
    const group = this.annotators.filter((annotator) => article.layers.has(annotator));
    if (group.length < 2) return;
    const fleiss = this.labels.map((_, l) => countFleiss(article, group, l));
    const continuum = new ContinuumBuilder(this.labels, group);
    continuum.append(article);
    const alpha = this.labels.map((_, l) => continuum.disagreement(l));
    this.rows.push({ externalId: article.externalId, group, length: article.length, fleiss, alpha });
    if (group.length === this.annotators.length) {
      this.completeArticles++;
      fleiss.forEach((totals, l) => addFleiss(this.projectFleiss[l], totals));
      this.projectContinuum.append(article);
    }
  }

  emit(sink: FigureSink): void {
    const { annotators, labels, rows } = this;
    if (annotators.length < 2) return;
    const hasProject = this.completeArticles > 0;
    const projectLength = this.projectContinuum.length;

    labels.forEach((label, l) => {
      if (hasProject) sink.add("fleiss_kappa", label, annotators, null, values.fleissKappa(this.projectFleiss[l]));
      for (const row of rows) sink.add("fleiss_kappa", label, row.group, row.externalId, values.fleissKappa(row.fleiss[l]));
    });

    // alpha_u per label, then label null as 1 − ΣD_o/ΣD_e over the labels.
    const projectAlpha = hasProject ? labels.map((_, l) => this.projectContinuum.disagreement(l)) : [];
    labels.forEach((label, l) => {
      if (hasProject) sink.add("alpha_u", label, annotators, null, values.alphaU(projectAlpha[l], projectLength));
      for (const row of rows) sink.add("alpha_u", label, row.group, row.externalId, values.alphaU(row.alpha[l], row.length));
    });
    if (labels.length === 0) return;
    if (hasProject) sink.add("alpha_u", null, annotators, null, values.alphaU(sumDisagreements(projectAlpha), projectLength));
    for (const row of rows) sink.add("alpha_u", null, row.group, row.externalId, values.alphaU(sumDisagreements(row.alpha), row.length));
  }
}
