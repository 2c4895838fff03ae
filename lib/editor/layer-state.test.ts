import { describe, expect, it } from "vitest";
import { applyChange, layerStateFrom, replayChanges } from "./layer-state";
import type { Change, Span } from "./types";

const span = (id: string, version: number, label = "QUOTE"): Span => ({
  id,
  version,
  start: 0,
  end: 5,
  label,
  text: "Hello",
  attributes: {},
  note: null,
  actor: null,
});
const uuid = () => crypto.randomUUID();

describe("applyChange", () => {
  it("predicts versions and leaves untouched maps as they were", () => {
    const state = layerStateFrom({ spans: [span("a", 3)], relations: [] });
    const next = applyChange(state, { id: uuid(), op: "update", span: { id: "a", version: 3, note: "n" } });
    expect(next.spans.get("a")).toMatchObject({ version: 4, note: "n" });
    expect(next.relations).toBe(state.relations);
    expect(state.spans.get("a")!.version).toBe(3);
  });

  it("skips what cannot apply, keeping the same state", () => {
    const state = layerStateFrom({ spans: [span("a", 1)], relations: [] });
    const unknown: Change = { id: uuid(), op: "delete", span: { id: "zzz", version: 1 } };
    const relation: Change = { id: uuid(), op: "create_relation", relation: { id: "r", type: "attributed_to", from: "a", to: "gone" } };
    expect(applyChange(state, unknown)).toBe(state);
    expect(applyChange(state, relation).relations.size).toBe(0);
  });

  it("replays changes the server already applied without going back in time", () => {
    // The server has applied create, update (v2) and update (v3); the outbox still holds them all.
    const changes: Change[] = [
      { id: uuid(), op: "create", span: { id: "a", start: 0, end: 5, label: "QUOTE", text: "Hello" } },
      { id: uuid(), op: "update", span: { id: "a", version: 1, note: "first" } },
      { id: uuid(), op: "update", span: { id: "a", version: 2, label: "CLAIM" } },
    ];
    const server = layerStateFrom({ spans: [{ ...span("a", 3, "CLAIM"), note: "first" }], relations: [] });
    expect(replayChanges(server, changes)).toEqual(server);
    // Only the create was applied: the updates still show, with the versions the server will give.
    const createdOnly = layerStateFrom({ spans: [span("a", 1)], relations: [] });
    expect(replayChanges(createdOnly, changes).spans.get("a")).toMatchObject({ version: 3, label: "CLAIM", note: "first" });
  });

  it("drops attributions on delete and on a relabel that invalidates them", () => {
    const state = layerStateFrom({
      spans: [span("q", 1), span("c", 1, "CLAIM"), span("x", 1, "ACTOR")],
      relations: [
        { id: "r1", version: 1, type: "attributed_to", from: "q", to: "x" },
        { id: "r2", version: 1, type: "attributed_to", from: "c", to: "x" },
      ],
    });
    const relabelled = applyChange(state, { id: uuid(), op: "update", span: { id: "q", version: 1, label: "ACTOR" } });
    expect([...relabelled.relations.keys()]).toEqual(["r2"]);
    const deleted = applyChange(state, { id: uuid(), op: "delete", span: { id: "x", version: 1 } });
    expect(deleted.relations.size).toBe(0);
  });
});
