import { describe, expect, it } from "vitest";
import { LABEL_PALETTE, nextLabelColour } from "./label-palette";

describe("nextLabelColour", () => {
  it("takes the first palette colour no label uses, whatever the case of the stored colours", () => {
    expect(nextLabelColour([])).toBe("#0072B2");
    expect(nextLabelColour(["#0072b2", "#E69F00", "#009E73"])).toBe("#CC79A7");
    expect(nextLabelColour(["#E69F00"])).toBe("#0072B2");
  });

  it("starts over once every colour is taken", () => {
    expect(nextLabelColour(LABEL_PALETTE)).toBe(LABEL_PALETTE[0]);
    expect(nextLabelColour([...LABEL_PALETTE, "#123456"])).toBe(LABEL_PALETTE[1]);
  });
});
