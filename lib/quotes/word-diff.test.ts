import { describe, expect, it } from "vitest";
import { wordDiff } from "./word-diff";

describe("wordDiff", () => {
  it("marks the words an outlet changed, ignoring case, quotation marks and punctuation", () => {
    const { pieces, missing } = wordDiff("“Promises do not pay rent.”", "\"promises don't pay the rent\"");
    expect(pieces.filter((p) => p.kind === "changed").map((p) => p.text.trim())).toEqual(["don't", "the"]);
    expect(pieces.map((p) => p.text).join("")).toBe("\"promises don't pay the rent\"");
    expect(missing).toEqual(["do", "not"]);
  });

  it("finds nothing changed in the same wording", () => {
    const { pieces, missing } = wordDiff("The door is open.", "“The door is open”");
    expect(pieces.every((p) => p.kind === "same")).toBe(true);
    expect(missing).toEqual([]);
  });
});
