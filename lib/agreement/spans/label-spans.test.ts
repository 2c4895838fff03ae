import { describe, expect, it } from "vitest";
import { prepareLayer, spansOfLabel } from "./label-spans";

describe("a layer's spans by label", () => {
  const layer = prepareLayer(
    [
      { start: 5, end: 9, label: "QUOTE", speaker: "Zelensky" },
      { start: 0, end: 4, label: "QUOTE" },
      { start: 5, end: 9, label: "QUOTE", speaker: "Biden" },
      { start: 5, end: 9, label: "QUOTE", speaker: null },
      { start: 0, end: 4, label: "QUOTE", speaker: "" },
      { start: 2, end: 3, label: "ACTOR" },
      { start: 0, end: 1, label: "NOT_A_PROJECT_LABEL" },
    ],
    ["QUOTE", "CLAIM", "ACTOR"],
  );

  it("keeps one span per label and bounds, sorted", () => {
    const quotes = spansOfLabel(layer, "QUOTE");
    expect(quotes.starts).toEqual([0, 5]);
    expect(quotes.ends).toEqual([4, 9]);
  });

  it("gives a duplicated span the first speaker in code-unit order, whatever the input order", () => {
    // An empty speaker is no speaker.
    expect(spansOfLabel(layer, "QUOTE").speakers).toEqual([null, "Biden"]);
  });

  it("keeps each distinct (span, speaker) as an attribution", () => {
    expect(spansOfLabel(layer, "QUOTE").attributions).toEqual([
      { start: 5, end: 9, speaker: "Biden" },
      { start: 5, end: 9, speaker: "Zelensky" },
    ]);
  });

  it("drops labels outside the project and answers empty for labels without spans", () => {
    expect([...layer.keys()].sort()).toEqual(["ACTOR", "QUOTE"]);
    expect(spansOfLabel(layer, "CLAIM").starts).toEqual([]);
  });
});
