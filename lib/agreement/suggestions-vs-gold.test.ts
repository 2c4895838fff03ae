import { describe, expect, it } from "vitest";
import { compareSuggestionsWithGold, type SuggestionFigure } from "./suggestions-vs-gold";

function find(figures: SuggestionFigure[], measure: string, label: string | null, article: string | null) {
  return figures.find((f) => f.measure === measure && f.label === label && f.article === article);
}

describe("a model's suggestions against gold", () => {
  const report = compareSuggestionsWithGold({
    project: "p",
    labels: ["QUOTE", "CLAIM", "ACTOR"],
    articles: [
      {
        externalId: "b",
        gold: [
          { start: 0, end: 10, label: "QUOTE" },
          { start: 20, end: 30, label: "QUOTE" },
          { start: 40, end: 45, label: "ACTOR" },
        ],
        suggestions: [
          { start: 0, end: 10, label: "QUOTE" }, // right
          { start: 21, end: 30, label: "QUOTE" }, // overlaps, not exact
          { start: 40, end: 45, label: "CLAIM" }, // right bounds, wrong label
        ],
      },
      {
        externalId: "a",
        gold: [{ start: 5, end: 9, label: "QUOTE" }],
        suggestions: [{ start: 5, end: 9, label: "QUOTE" }],
      },
    ],
  });

  it("names the two layers it compares and keeps the project's labels", () => {
    expect(report.annotators).toEqual(["suggestions", "gold"]);
    expect(report.labels).toEqual(["QUOTE", "CLAIM", "ACTOR"]);
    for (const f of report.figures) expect(f.annotators).toEqual(["suggestions", "gold"]);
  });

  it("gives precision, recall and F1 per label, per article and summed over the project", () => {
    const f = report.figures;
    // article b, QUOTE: 1 of 2 suggestions exact, 1 of 2 gold found
    expect(find(f, "precision", "QUOTE", "b")).toMatchObject({ value: 0.5, units: 2 });
    expect(find(f, "recall", "QUOTE", "b")).toMatchObject({ value: 0.5, units: 2 });
    expect(find(f, "f1_exact", "QUOTE", "b")).toMatchObject({ value: 0.5, units: 4 });
    expect(find(f, "f1_overlap", "QUOTE", "b")).toMatchObject({ value: 1, units: 4 });
    // project, QUOTE: 2 of 3 suggestions, 2 of 3 gold
    expect(find(f, "precision", "QUOTE", null)!.value).toBeCloseTo(2 / 3, 12);
    expect(find(f, "recall", "QUOTE", null)).toMatchObject({ units: 3 });
    expect(find(f, "f1_exact", "QUOTE", null)!.value).toBeCloseTo(2 / 3, 12);
    // ACTOR never suggested: precision undefined, recall 0; CLAIM not in gold: recall undefined, precision 0
    expect(find(f, "precision", "ACTOR", null)).toMatchObject({ value: null, units: 0 });
    expect(find(f, "recall", "ACTOR", null)).toMatchObject({ value: 0, units: 1 });
    expect(find(f, "recall", "CLAIM", null)).toMatchObject({ value: null, units: 0 });
    expect(find(f, "precision", "CLAIM", null)).toMatchObject({ value: 0, units: 1 });
    // all labels pooled (a match still needs the label): 2 of 4 suggestions, 2 of 4 gold
    expect(find(f, "precision", null, null)).toMatchObject({ value: 0.5, units: 4 });
    expect(find(f, "recall", null, null)).toMatchObject({ value: 0.5, units: 4 });
    expect(find(f, "f1_exact", null, null)).toMatchObject({ value: 0.5, units: 8 });
  });

  it("orders figures by measure, label (then null), project figure first, articles ascending", () => {
    const quotePrecision = report.figures.filter((f) => f.measure === "precision" && f.label === "QUOTE");
    expect(quotePrecision.map((f) => f.article)).toEqual([null, "a", "b"]);
    expect([...new Set(report.figures.map((f) => f.measure))]).toEqual(["precision", "recall", "f1_exact", "f1_overlap"]);
    expect(report.figures).toHaveLength(4 * 4 * 3);
  });

  it("has only undefined or zero figures when there is nothing to compare", () => {
    const empty = compareSuggestionsWithGold({ project: "p", labels: ["QUOTE"], articles: [] });
    expect(empty.figures.every((f) => f.value === null && f.units === 0)).toBe(true);
  });
});
