import { describe, expect, it } from "vitest";
import { speakerCandidates } from "./speaker-candidates";

const actors = Array.from({ length: 100 }, (_, k) => ({ id: `a${k}`, start: k * 100, end: k * 100 + 5 }));

describe("speakerCandidates", () => {
  it("offers every ACTOR span of a short article", () => {
    expect(speakerCandidates(actors.slice(0, 10), { start: 0, end: 1 }, null)).toHaveLength(10);
  });

  it("offers the nearest ones in text order, and always the current speaker", () => {
    const offered = speakerCandidates(actors, { start: 5010, end: 5050 }, "a99", 4);
    expect(offered.map((a) => a.id)).toEqual(["a49", "a50", "a51", "a52", "a99"]);
  });
});
