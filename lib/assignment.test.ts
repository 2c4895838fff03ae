import { describe, expect, it } from "vitest";
import { planAssignments } from "./assignment";

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

function loads(assignments: { analystId: string }[], analysts: string[]) {
  const counts = new Map(analysts.map((a) => [a, 0]));
  for (const a of assignments) counts.set(a.analystId, counts.get(a.analystId)! + 1);
  return [...counts.values()];
}

describe("planAssignments", () => {
  it("gives each article `overlap` distinct analysts with loads within one of each other", () => {
    const articles = ids("art", 101);
    const analysts = ids("an", 7);
    const plan = planAssignments({ articleIds: articles, analystIds: analysts, overlap: 3, existing: [] });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.assignments).toHaveLength(303);
    for (const article of articles) {
      const who = plan.assignments.filter((a) => a.articleId === article).map((a) => a.analystId);
      expect(new Set(who).size).toBe(3);
    }
    const counts = loads(plan.assignments, analysts);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it("keeps existing assignments, tops articles up, and evens out the load", () => {
    const analysts = ["a", "b", "c"];
    const existing = [
      { articleId: "x", analystId: "a" },
      { articleId: "y", analystId: "a" },
      { articleId: "y", analystId: "b" },
    ];
    const plan = planAssignments({ articleIds: ["x", "y", "z"], analystIds: analysts, overlap: 2, existing });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.assignments.find((a) => a.articleId === "x")?.analystId).toBe("c");
    expect(plan.assignments.filter((a) => a.articleId === "y")).toHaveLength(0);
    const z = plan.assignments.filter((a) => a.articleId === "z").map((a) => a.analystId).sort();
    expect(z).toEqual(["b", "c"]);
    const all = [...existing, ...plan.assignments];
    const counts = loads(all, analysts);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it("refuses an overlap larger than the number of analysts", () => {
    const plan = planAssignments({ articleIds: ["x"], analystIds: ["a"], overlap: 2, existing: [] });
    expect(plan).toEqual({ ok: false, message: "Each article needs 2 distinct analysts but only 1 is available." });
  });

  it("is fast for 50,000 articles", () => {
    const started = performance.now();
    const plan = planAssignments({ articleIds: ids("a", 50_000), analystIds: ids("n", 20), overlap: 3, existing: [] });
    expect(plan.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
