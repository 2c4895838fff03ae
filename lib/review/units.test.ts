import { describe, expect, it } from "vitest";
import { groupUnits } from "./units";
import type { AnalystLayer, ReviewSpan } from "./types";

let n = 0;
function span(label: string, start: number, end: number, extra: Partial<ReviewSpan> = {}): ReviewSpan {
  return { id: `s${++n}`, label, start, end, text: "x".repeat(end - start), actor: null, speaker: null, ...extra };
}
const speaker = (name: string, start = 0, end = 7) => ({ spanId: `sp-${name}`, start, end, text: name, name });
const layer = (email: string, spans: ReviewSpan[]): AnalystLayer => ({ analystId: email, email, spans });

describe("grouping analysts' spans into units", () => {
  it("finds a unanimous unit when every analyst made the same span and speaker", () => {
    const units = groupUnits([
      layer("a", [span("QUOTE", 10, 20, { speaker: speaker("Kessler") })]),
      layer("b", [span("QUOTE", 10, 20, { speaker: speaker("Kessler") })]),
    ]);
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ key: "10-20:QUOTE", start: 10, end: 20, kind: "unanimous", issues: [] });
    expect(units[0].versions.map((v) => v.spans.length)).toEqual([1, 1]);
  });

  it("classifies different bounds of one label as bounds differ, with the union as the unit", () => {
    const [unit] = groupUnits([layer("a", [span("QUOTE", 10, 20)]), layer("b", [span("QUOTE", 12, 25)])]);
    expect(unit).toMatchObject({ start: 10, end: 25, kind: "bounds", issues: ["bounds"], key: "10-25:QUOTE" });
  });

  it("classifies a different label on mostly the same text as label differs", () => {
    const [unit, ...rest] = groupUnits([layer("a", [span("QUOTE", 10, 30)]), layer("b", [span("CLAIM", 11, 30)])]);
    expect(rest).toEqual([]);
    expect(unit).toMatchObject({ kind: "label", issues: ["label"], key: "10-30:CLAIM+QUOTE" });
  });

  it("keeps a CLAIM nested in another analyst's long QUOTE as a unit of its own", () => {
    const units = groupUnits([layer("a", [span("QUOTE", 0, 100)]), layer("b", [span("QUOTE", 0, 100), span("CLAIM", 40, 50)])]);
    expect(units.map((u) => [u.key, u.kind])).toEqual([
      ["0-100:QUOTE", "unanimous"],
      ["40-50:CLAIM", "missing"],
    ]);
  });

  it("marks a span only some analysts made as missing in some layers", () => {
    const units = groupUnits([layer("a", [span("ACTOR", 0, 7)]), layer("b", []), layer("c", [span("ACTOR", 0, 7)])]);
    expect(units).toHaveLength(1);
    expect(units[0].kind).toBe("missing");
    expect(units[0].versions.map((v) => v.spans.length)).toEqual([1, 0, 1]);
  });

  it("classifies different speakers as attribution differs: different actors, or different text when unlinked", () => {
    const [linked] = groupUnits([
      layer("a", [span("QUOTE", 10, 20, { speaker: speaker("Mara Kessler") })]),
      layer("b", [span("QUOTE", 10, 20, { speaker: speaker("Jon Brandt", 30, 36) })]),
    ]);
    expect(linked).toMatchObject({ kind: "attribution", issues: ["attribution"] });
    const [unattributed] = groupUnits([
      layer("a", [span("CLAIM", 10, 20, { speaker: speaker("Kessler") })]),
      layer("b", [span("CLAIM", 10, 20)]),
    ]);
    expect(unattributed.kind).toBe("attribution");
    // the same canonical actor through different ACTOR spans is the same speaker
    const [same] = groupUnits([
      layer("a", [span("QUOTE", 10, 20, { speaker: speaker("Mara Kessler", 0, 7) })]),
      layer("b", [span("QUOTE", 10, 20, { speaker: speaker("Mara Kessler", 40, 47) })]),
    ]);
    expect(same.kind).toBe("unanimous");
  });

  it("lists every issue, the first being the unit's kind", () => {
    const [unit] = groupUnits([
      layer("a", [span("QUOTE", 10, 20, { speaker: speaker("Kessler") })]),
      layer("b", [span("QUOTE", 10, 22, { speaker: speaker("Brandt") })]),
      layer("c", []),
    ]);
    expect(unit.issues).toEqual(["missing", "bounds", "attribution"]);
    expect(unit.kind).toBe("missing");
  });

  it("chains spans through other analysts' spans, never joins one analyst's spans directly", () => {
    // b's two QUOTEs meet in one unit through a's long QUOTE; a's two adjacent ACTORs stay apart
    const units = groupUnits([
      layer("a", [span("QUOTE", 0, 50), span("ACTOR", 60, 65), span("ACTOR", 64, 70)]),
      layer("b", [span("QUOTE", 0, 20), span("QUOTE", 25, 50)]),
    ]);
    expect(units.map((u) => [u.key, u.kind])).toEqual([
      ["0-50:QUOTE", "bounds"],
      ["60-65:ACTOR", "missing"],
      ["64-70:ACTOR", "missing"],
    ]);
    expect(units[0].versions[1].spans).toHaveLength(2);
  });

  it("does not join spans that only touch", () => {
    const units = groupUnits([layer("a", [span("QUOTE", 0, 10)]), layer("b", [span("QUOTE", 10, 20)])]);
    expect(units).toHaveLength(2);
    expect(units.every((u) => u.kind === "missing")).toBe(true);
  });

  it("gives each unit a distinct key even when two have the same bounds and labels", () => {
    const units = groupUnits([layer("a", [span("QUOTE", 0, 10), span("CLAIM", 0, 10)])]);
    expect(units.map((u) => u.key)).toEqual(["0-10:CLAIM", "0-10:QUOTE"]);
  });

  it("handles many spans quickly", () => {
    const spans = (offset: number) => Array.from({ length: 5000 }, (_, i) => span(i % 2 ? "QUOTE" : "ACTOR", i * 20 + offset, i * 20 + 10));
    const started = performance.now();
    const units = groupUnits([layer("a", spans(0)), layer("b", spans(1)), layer("c", spans(0))]);
    expect(units).toHaveLength(5000);
    expect(units.every((u) => u.kind === "bounds")).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
