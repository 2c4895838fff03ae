import { describe, expect, it } from "vitest";
import { planDecision, type DecisionInput, type GoldSpanState } from "./plan";
import { groupUnits } from "./units";
import { feedbackAgainstGold, projectFeedback } from "./feedback";
import { byDisagreement, isReadyForReview } from "./queue";
import type { AnalystLayer, ReviewSpan } from "./types";

// "Kessler said we will not sign. Brandt: no deal."
//  Kessler 0–7 · we will not sign 13–29 · Brandt 31–37 · no deal 39–46
const TEXT = "Kessler said we will not sign. Brandt: no deal.";
const LABELS = new Set(["QUOTE", "CLAIM", "ACTOR"]);
const cp = (start: number, end: number) => [...TEXT].slice(start, end).join("");

function span(id: string, label: string, start: number, end: number, extra: Partial<ReviewSpan> = {}): ReviewSpan {
  return { id, label, start, end, text: cp(start, end), actor: null, speaker: null, ...extra };
}
const kessler = { spanId: "x", start: 0, end: 7, text: "Kessler", name: "Mara Kessler" };

const layers: AnalystLayer[] = [
  { analystId: "alice", email: "alice@x", spans: [span("a1", "ACTOR", 0, 7, { actor: "Mara Kessler" }), span("a2", "QUOTE", 13, 29, { speaker: kessler })] },
  { analystId: "bob", email: "bob@x", spans: [span("b1", "ACTOR", 0, 7, { actor: "Mara Kessler" }), span("b2", "QUOTE", 13, 30, { speaker: kessler }), span("b3", "ACTOR", 31, 37)] },
];
const units = groupUnits(layers);
const plan = (decision: DecisionInput, gold: GoldSpanState[] = []) => planDecision({ text: TEXT, labels: LABELS, units, gold, decision });
const ok = (result: ReturnType<typeof plan>) => {
  if (!result.ok) throw new Error(result.message);
  return result.plan;
};

describe("planning the gold a decision implies", () => {
  it("groups the fixture as expected", () => {
    expect(units.map((u) => [u.key, u.kind])).toEqual([
      ["0-7:ACTOR", "unanimous"],
      ["13-30:QUOTE", "bounds"],
      ["31-37:ACTOR", "missing"],
    ]);
  });

  it("accepting a unanimous ACTOR keeps its actor link and both analysts' spans as sources", () => {
    const p = ok(plan({ decision: "accept", unit: "0-7:ACTOR", analystId: "alice" }));
    expect(p.spans).toEqual([
      { ref: "new1", label: "ACTOR", start: 0, end: 7, text: "Kessler", actor: "Mara Kessler", sourceIds: ["a1", "b1"], wantedSpeaker: null },
    ]);
    expect(p.sourceIds).toEqual(["a1", "b1"]);
    expect(p.links).toEqual([]);
  });

  it("accepting one analyst's QUOTE takes their bounds and links the speaker already in gold", () => {
    const gold: GoldSpanState[] = [{ id: "g-actor", label: "ACTOR", start: 0, end: 7, hasSpeaker: false, wantedSpeaker: null }];
    const p = ok(plan({ decision: "accept", unit: "13-30:QUOTE", analystId: "bob" }, gold));
    expect(p.spans).toMatchObject([{ label: "QUOTE", start: 13, end: 30, text: "we will not sign.", sourceIds: ["b2"], wantedSpeaker: { start: 0, end: 7 } }]);
    expect(p.sourceIds).toEqual(["a2", "b2"]);
    expect(p.links).toEqual([{ from: { planned: "new1" }, to: { gold: "g-actor" } }]);
  });

  it("a QUOTE accepted before its speaker is linked when the speaker's ACTOR is accepted", () => {
    const first = ok(plan({ decision: "accept", unit: "13-30:QUOTE", analystId: "alice" }));
    expect(first.links).toEqual([]);
    const gold: GoldSpanState[] = [{ id: "g-quote", label: "QUOTE", start: 13, end: 29, hasSpeaker: false, wantedSpeaker: first.spans[0].wantedSpeaker }];
    const second = ok(plan({ decision: "accept", unit: "0-7:ACTOR", analystId: "bob" }, gold));
    expect(second.links).toEqual([{ from: { gold: "g-quote" }, to: { planned: "new1" } }]);
  });

  it("edit makes the reviewer's span from the unit's spans of that label, keeping a speaker", () => {
    const p = ok(plan({ decision: "edit", unit: "13-30:QUOTE", label: "CLAIM", start: 13, end: 29 }));
    expect(p.spans).toEqual([
      { ref: "new1", label: "CLAIM", start: 13, end: 29, text: "we will not sign", actor: null, sourceIds: ["a2", "b2"], wantedSpeaker: null },
    ]);
    const q = ok(plan({ decision: "edit", unit: "13-30:QUOTE", label: "QUOTE", start: 12, end: 30, basedOn: "bob" }));
    expect(q.spans[0]).toMatchObject({ text: " we will not sign.", sourceIds: ["a2", "b2"], wantedSpeaker: { start: 0, end: 7 } });
  });

  it("add makes a span none made; reject makes nothing but names the unit's spans", () => {
    const added = ok(plan({ decision: "add", label: "QUOTE", start: 39, end: 46 }));
    expect(added).toMatchObject({ unitKey: "added:39-46:QUOTE", sourceIds: [], spans: [{ text: "no deal", sourceIds: [] }] });
    const rejected = ok(plan({ decision: "reject", unit: "31-37:ACTOR" }));
    expect(rejected).toMatchObject({ decision: "reject", unitKey: "31-37:ACTOR", sourceIds: ["b3"], spans: [], links: [] });
  });

  it("accepting a version with no span plans nothing", () => {
    const p = ok(plan({ decision: "accept", unit: "31-37:ACTOR", analystId: "alice" }));
    expect(p.spans).toEqual([]);
  });

  it("does not make a span gold already has", () => {
    const gold: GoldSpanState[] = [{ id: "g", label: "ACTOR", start: 0, end: 7, hasSpeaker: false, wantedSpeaker: null }];
    expect(ok(plan({ decision: "accept", unit: "0-7:ACTOR", analystId: "alice" }, gold)).spans).toEqual([]);
  });

  it("refuses unknown units, analysts, labels and bounds outside the text", () => {
    expect(plan({ decision: "reject", unit: "1-2:QUOTE" })).toMatchObject({ ok: false, code: "unknown_unit" });
    expect(plan({ decision: "accept", unit: "0-7:ACTOR", analystId: "chen" })).toMatchObject({ ok: false, code: "unknown_analyst" });
    expect(plan({ decision: "add", label: "PERSON", start: 0, end: 7 })).toMatchObject({ ok: false, code: "unknown_label" });
    expect(plan({ decision: "add", label: "QUOTE", start: 40, end: 99 })).toMatchObject({ ok: false, code: "invalid_span" });
    expect(plan({ decision: "add", label: "QUOTE", start: 5, end: 5 })).toMatchObject({ ok: false, code: "invalid_span" });
  });
});

describe("feedback against gold and the queue order", () => {
  it("computes each analyst's precision, recall and F1 per label", () => {
    const gold = [
      { label: "ACTOR", start: 0, end: 7 },
      { label: "QUOTE", start: 13, end: 30 },
    ];
    const [alice, bob] = feedbackAgainstGold(gold, layers, ["QUOTE", "ACTOR"]);
    expect(alice.email).toBe("alice@x");
    expect(alice.byLabel.find((r) => r.label === "QUOTE")).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(alice.all).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(bob.byLabel.find((r) => r.label === "ACTOR")).toMatchObject({ precision: 0.5, recall: 1 });
    expect(bob.all.f1).toBeCloseTo((2 * (2 / 3) * 1) / (2 / 3 + 1));
  });

  it("is ready when every assigned analyst is done; sorts most disagreement first", () => {
    expect(isReadyForReview(["done", "done"])).toBe(true);
    expect(isReadyForReview(["done", "in_progress"])).toBe(false);
    expect(isReadyForReview([])).toBe(false);
    const rows = [
      { externalId: "b", disagreement: 0.2 },
      { externalId: "a", disagreement: null },
      { externalId: "c", disagreement: 0.9 },
      { externalId: "d", disagreement: 0.2 },
    ];
    expect(rows.sort(byDisagreement).map((r) => r.externalId)).toEqual(["c", "b", "d", "a"]);
  });
});

describe("feedback over a project", () => {
  it("sums each analyst's counts over the articles with gold", () => {
    const a = { label: "QUOTE", start: 0, end: 5 };
    const b = { label: "QUOTE", start: 10, end: 15 };
    const [x, y] = projectFeedback(
      [
        { gold: [a], layers: [{ email: "x", spans: [a] }, { email: "y", spans: [b] }] },
        { gold: [a, b], layers: [{ email: "x", spans: [a, b] }] },
        { gold: [], layers: [{ email: "y", spans: [a] }] },
      ],
      ["QUOTE"],
    );
    expect(x).toMatchObject({ email: "x", all: { candidateSpans: 3, referenceSpans: 3, precision: 1, recall: 1, f1: 1 } });
    expect(y).toMatchObject({ email: "y", all: { candidateSpans: 1, referenceSpans: 1, precision: 0, recall: 0, f1: 0 } });
    expect(y.byLabel[0].label).toBe("QUOTE");
  });
});
