import { describe, expect, it } from "vitest";
import { editDistance, editScore, normaliseName, rankActors, soundKey } from "./fuzzy";

describe("actor name matching", () => {
  it("normalises accents, case, ß and punctuation", () => {
    expect(normaliseName("  M. Keßler ")).toBe("m kessler");
    expect(normaliseName("José-Luis")).toBe("jose luis");
  });

  it("counts edits by code point, with transpositions", () => {
    expect(editDistance("walz", "waltz")).toBe(1);
    expect(editDistance("volz", "waltz")).toBe(3);
    expect(editDistance("brnadt", "brandt")).toBe(1);
    expect(editDistance("王小明", "王小")).toBe(1);
  });

  it("gives names that sound alike the same sound key", () => {
    expect(soundKey("volz")).toBe(soundKey("waltz"));
    expect(soundKey("kessler")).toBe(soundKey("kesler"));
    expect(soundKey("wolff")).not.toBe(soundKey("waltz"));
  });

  it("scores a misspelt surname against a full name", () => {
    expect(editScore("Volz", "Mike Waltz")).toBeGreaterThan(editScore("Volz", "Walter Mondale"));
    expect(editScore("Mike Waltz", "Mike Waltz")).toBe(1);
  });

  it("ranks Mike Waltz first for Walz, Volz, Waltz and Mike Waltz among similar names", () => {
    const register = [
      { name: "Mike Waltz", aliases: [], trigramScore: 0 },
      { name: "Walter Mondale", aliases: [], trigramScore: 0 },
      { name: "Mike Pence", aliases: [], trigramScore: 0 },
      { name: "Michael Wolff", aliases: [], trigramScore: 0 },
    ];
    for (const query of ["Walz", "Volz", "Waltz", "Mike Waltz"]) {
      expect(rankActors(query, register)[0]?.name, query).toBe("Mike Waltz");
    }
  });

  it("keeps the database's trigram score when it is the better one, and drops weak matches", () => {
    const ranked = rankActors("Kessler", [
      { name: "Marta Kessler", aliases: ["Kesler"], trigramScore: 0.9 },
      { name: "Jonas Brandt", aliases: [], trigramScore: 0 },
    ]);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]).toMatchObject({ name: "Marta Kessler", score: 0.95 });
  });
});
