import { describe, expect, it } from "vitest";
import { buildSnapshot, findByBounds, patchOrdered } from "./layer-snapshot";
import { LayerStore } from "./layer-store";
import type { LayerState } from "./layer-state";
import type { Span } from "./types";
import { randomSpans } from "./test-support/random-spans";

const HISTORY = { canUndo: false, canRedo: false };

function spanAt(id: string, start: number, end: number, label = "QUOTE"): Span {
  return { id, version: 1, start, end, label, text: "x".repeat(end - start), attributes: {}, note: null, actor: null };
}

const stateOf = (spans: Span[]): LayerState => ({ spans: new Map(spans.map((s) => [s.id, s])), relations: new Map() });

describe("buildSnapshot with the changed span ids", () => {
  it("orders the spans as a full sort does after random adds, moves, relabels and removals", () => {
    const seeded = randomSpans(5, { count: 400, length: 2_000, longest: 30 }, spanAt);
    const { int } = seeded;
    let { spans } = seeded;
    let snapshot = buildSnapshot(stateOf(spans), HISTORY);
    for (let step = 0; step < 300; step++) {
      const changed = new Set<string>();
      const next = new Map(spans.map((s) => [s.id, s]));
      for (let k = 0; k < 1 + int(3); k++) {
        const victim = spans[int(spans.length)];
        const start = int(2_000);
        const kind = int(4);
        // Same bounds as another span now and then: the order then falls to the label and the id.
        const twin = spans[int(spans.length)];
        if (kind === 0) next.set(`n${step}-${k}`, spanAt(`n${step}-${k}`, twin.start, twin.end, "CLAIM")), changed.add(`n${step}-${k}`);
        else if (kind === 1) next.delete(victim.id), changed.add(victim.id);
        else if (kind === 2) next.set(victim.id, { ...victim, start, end: start + 1 + int(40) }), changed.add(victim.id);
        else next.set(victim.id, { ...victim, label: victim.label === "ACTOR" ? "QUOTE" : "ACTOR" }), changed.add(victim.id);
      }
      const state: LayerState = { spans: next, relations: new Map() };
      const incremental = buildSnapshot(state, HISTORY, snapshot, changed);
      const full = buildSnapshot(state, HISTORY);
      expect(incremental.spans.map((s) => s.id)).toEqual(full.spans.map((s) => s.id));
      spans = [...next.values()];
      snapshot = incremental;
    }
  });

  it("falls back to a full sort when the ids given miss a change", () => {
    const a = spanAt("a", 5, 9);
    const b = spanAt("b", 1, 3);
    const before = buildSnapshot(stateOf([a, b]), HISTORY);
    const c = spanAt("c", 0, 2);
    const after = buildSnapshot(stateOf([a, b, c]), HISTORY, before, new Set());
    expect(after.spans.map((s) => s.id)).toEqual(["c", "b", "a"]);
  });
});

describe("findByBounds", () => {
  it("finds the span with these bounds and label, and only that one", () => {
    const spans = [spanAt("a", 0, 4), spanAt("b", 0, 4, "ACTOR"), spanAt("c", 0, 5), spanAt("d", 2, 4)];
    const snapshot = buildSnapshot(stateOf(spans), HISTORY);
    expect(findByBounds(snapshot, { start: 0, end: 4, label: "ACTOR" })?.id).toBe("b");
    expect(findByBounds(snapshot, { start: 0, end: 4, label: "QUOTE" })?.id).toBe("a");
    expect(findByBounds(snapshot, { start: 2, end: 4, label: "QUOTE" })?.id).toBe("d");
    expect(findByBounds(snapshot, { start: 0, end: 4, label: "CLAIM" })).toBeUndefined();
    expect(findByBounds(snapshot, { start: 9, end: 12, label: "QUOTE" })).toBeUndefined();
  });
});

describe("LayerStore snapshots", () => {
  it("keep the spans in text order through tags, moves, deletes, undo and redo", () => {
    const text = "abcdefghijklmnopqrstuvwxyz".repeat(8);
    const layer = { spans: [spanAt("x", 40, 50), spanAt("y", 3, 9, "ACTOR")], relations: [] };
    let n = 0;
    const store = new LayerStore({ layer, newId: () => `id${n++}` });
    const ordered = () => {
      const { spans } = store.getSnapshot();
      const sorted = [...spans].sort((p, q) => p.start - q.start || p.end - q.end || (p.label < q.label ? -1 : p.label > q.label ? 1 : 0) || (p.id < q.id ? -1 : 1));
      expect(spans).toEqual(sorted);
    };
    const slice = (start: number, end: number) => text.slice(start, end);
    const a = store.createSpan({ start: 10, end: 20, label: "QUOTE", text: slice(10, 20) }).id!;
    ordered();
    expect(store.createSpan({ start: 10, end: 20, label: "QUOTE", text: slice(10, 20) }).id).toBe(a);
    store.createSpan({ start: 1, end: 60, label: "CLAIM", text: slice(1, 60) });
    ordered();
    store.updateSpan(a, { start: 45, end: 70, text: slice(45, 70) });
    ordered();
    store.deleteSpan("y");
    ordered();
    store.undo();
    store.undo();
    ordered();
    store.redo();
    ordered();
    expect(store.getSnapshot().spans).toHaveLength(4);
  });
});

describe("patchOrdered and the snapshot's changes", () => {
  it("patches a list derived from the spans as deriving it again would, and says so in the snapshot", () => {
    const spans = [spanAt("a", 0, 4), spanAt("b", 2, 9), spanAt("c", 5, 6)];
    const before = buildSnapshot(stateOf(spans), HISTORY);
    expect(before.changes).toBeUndefined();
    const moved = { ...spans[0], start: 7, end: 8, version: 2 };
    const added = spanAt("d", 1, 3, "ACTOR");
    const after = buildSnapshot(stateOf([moved, spans[1], spans[2], added]), HISTORY, before, new Set(["a", "d"]));
    expect(after.changes).toEqual({ from: before.spans, spanIds: new Set(["a", "d"]) });
    const patched = patchOrdered(before.spans, [spans[0]], [moved, added]);
    expect(patched).toEqual(after.spans);
    expect(patchOrdered(before.spans, [spanAt("zz", 0, 4)], [])).toBeNull();
  });
});
