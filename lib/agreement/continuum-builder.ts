import type { PreparedArticle } from "./prepared-article";
import { spansOfLabel } from "./spans/label-spans";
import { disagreementOfSortedUnits, type UnitizingDisagreement } from "./unitizing/krippendorff-alpha-unitizing";
import type { SortedUnits } from "./unitizing/rater-units";

/**
 * The alpha_u continuum of one or more articles laid end to end, in the order they are appended
 * (ascending external id at project level): each annotator of the group is a rater, the union
 * of their spans of a label (overlapping spans merged) are the units, and an article starts
 * where the previous one ends. The order matters: a gap at the end of one article and one at the
 * start of the next are one gap of the continuum, and D_e depends on gap lengths.
 *
 * Only the units are kept, not the articles, so a project's articles can be prepared, appended
 * and dropped one at a time.
 */
export class ContinuumBuilder {
  /** units[label][rater] */
  private readonly units: GrowableUnits[][];
  length = 0;

  constructor(
    private readonly labels: readonly string[],
    private readonly group: readonly string[],
  ) {
    this.units = labels.map(() => group.map(() => new GrowableUnits()));
  }

  /** Appends an article every annotator of the group has a layer for. */
  append(article: PreparedArticle): void {
    this.labels.forEach((label, l) => {
      this.group.forEach((annotator, rater) => {
        const union = spansOfLabel(article.layers.get(annotator)!, label).union;
        const target = this.units[l][rater];
        for (let k = 0; k < union.starts.length; k++) {
          // Spans past the end of the text cannot be in the continuum; clip them rather than let
          // them spill into the next article.
          const start = Math.max(0, Math.min(union.starts[k], article.length));
          const end = Math.max(0, Math.min(union.ends[k], article.length));
          if (end > start) target.push(this.length + start, this.length + end);
        }
      });
    });
    this.length += article.length;
  }

  /** D_o and D_e of one label (by index into the labels given to the constructor). */
  disagreement(labelIndex: number): UnitizingDisagreement | null {
    // Each article's union is sorted and disjoint and articles follow one another, so every
    // rater's units are too: no sort needed.
    return disagreementOfSortedUnits(0, this.length, this.units[labelIndex].map((units) => units.view()));
  }
}

/** An append-only list of units, as SortedUnits wants them. */
class GrowableUnits {
  private readonly begins: number[] = [];
  private readonly ends: number[] = [];

  push(begin: number, end: number): void {
    this.begins.push(begin);
    this.ends.push(end);
  }

  view(): SortedUnits {
    return { begins: this.begins, ends: this.ends, count: this.begins.length };
  }
}
