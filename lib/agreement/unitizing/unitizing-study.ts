/**
 * A unitizing study (Krippendorff 1995, 2004; DKPro Statistics' UnitizingAnnotationStudy): raters
 * mark units on one continuum [begin, begin + length), each unit with a category. Whatever a rater
 * leaves unmarked in a category is that rater's gap in the category.
 */
export type UnitizingUnit = {
  begin: number;
  length: number;
  /** 0-based rater index, below the study's raterCount. */
  rater: number;
  category: string;
};

export type UnitizingStudy = {
  begin: number;
  length: number;
  raterCount: number;
  units: readonly UnitizingUnit[];
};

/** A unit as [begin, end), end exclusive: the shape the computations work on. */
export type UnitInterval = readonly [begin: number, end: number];

/** The intervals each rater marked in `category`, indexed by rater. */
export function intervalsByRater(study: UnitizingStudy, category: string): UnitInterval[][] {
  const byRater: UnitInterval[][] = Array.from({ length: study.raterCount }, () => []);
  for (const unit of study.units) {
    if (unit.category !== category) continue;
    byRater[unit.rater]?.push([unit.begin, unit.begin + unit.length]);
  }
  return byRater;
}

/** The categories that occur in the study, in order of first appearance. */
export function categoriesOf(study: UnitizingStudy): string[] {
  return [...new Set(study.units.map((unit) => unit.category))];
}
