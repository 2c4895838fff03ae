import { describe, expect, it } from "vitest";
import { EditorRuleError } from "./editor-rule-error";
import { LayerStore } from "./layer-store";
import { ARTICLE, spanOver } from "./test-support/fixtures";
import { connect, layerOf } from "./test-support/connect";
import { FakeServer } from "./test-support/fake-server";

const QUOTE = spanOver("QUOTE", "“We will not back down,”");
const ACTOR = spanOver("ACTOR", "Mayor Ana Ruiz 👩🏽‍⚖️");
const CLAIM = spanOver("CLAIM", "the budget is balanced");

function setup() {
  const server = new FakeServer(ARTICLE);
  return { server, ...connect(server) };
}

describe("LayerStore user actions", () => {
  it("creates a span at once, with a client-made id, version 1 and a change to send", () => {
    const { store, queued, server, flush } = setup();
    const { changes, id } = store.createSpan(ACTOR);
    const span = store.getSnapshot().spanById.get(id!);
    expect(span).toEqual({ id, version: 1, ...ACTOR, attributes: {}, note: null, actor: null });
    expect(changes).toEqual([{ id: expect.any(String), op: "create", span: { id, ...ACTOR } }]);
    expect(changes[0].id).not.toBe(id);
    expect(queued).toEqual(changes);
    const before = store.getSnapshot();
    expect(flush()).toEqual({ notices: [], cancelled: [] });
    expect(server.layer().spans).toEqual([span]);
    // The server said what was predicted: nothing to redraw.
    expect(store.getSnapshot()).toBe(before);
  });

  it("predicts each version from the earlier local changes, sent or not", () => {
    const { store, server, flush } = setup();
    const id = store.createSpan(QUOTE).id!;
    const relabel = store.updateSpan(id, { label: "CLAIM" }).changes[0];
    const note = store.updateSpan(id, { note: "check the tape" }).changes[0];
    expect(relabel).toMatchObject({ op: "update", span: { id, version: 1, label: "CLAIM" } });
    expect(note).toMatchObject({ op: "update", span: { id, version: 2, note: "check the tape" } });
    expect(store.getSnapshot().spanById.get(id)).toMatchObject({ version: 3, label: "CLAIM", note: "check the tape" });
    const gone = store.deleteSpan(id).changes[0];
    expect(gone).toMatchObject({ op: "delete", span: { id, version: 3 } });
    expect(flush().notices).toEqual([]);
    expect(server.layer().spans).toEqual([]);
    expect(server.spans.get(id)?.version).toBe(4);
  });

  it("sends only the fields that changed, and bounds always with their text", () => {
    const { store, flush, server } = setup();
    const id = store.createSpan(CLAIM).id!;
    const wider = spanOver("CLAIM", "The council claims the budget is balanced");
    const { changes } = store.updateSpan(id, { start: wider.start, end: wider.end, text: wider.text });
    expect(changes[0].op === "update" && changes[0].span).toEqual({ id, version: 1, start: wider.start, end: wider.end, text: wider.text });
    expect(store.updateSpan(id, { label: "CLAIM", note: null }).changes).toEqual([]);
    store.updateSpan(id, { attributes: { confidence: "high" }, actor: "Council" });
    flush();
    expect(server.layer().spans).toEqual([{ id, version: 3, ...wider, attributes: { confidence: "high" }, note: null, actor: "Council" }]);
  });

  it("treats the same label on the same bounds as the same span", () => {
    const { store } = setup();
    const first = store.createSpan(QUOTE);
    expect(store.createSpan(QUOTE)).toEqual({ changes: [], id: first.id });
    store.createSpan({ ...QUOTE, label: "CLAIM" });
    expect(store.getSnapshot().spans).toHaveLength(2);
    const claim = store.getSnapshot().spans.find((s) => s.label === "CLAIM")!;
    expect(() => store.updateSpan(claim.id, { label: "QUOTE" })).toThrow(EditorRuleError);
  });

  it("attributes, replaces a speaker with a delete then a create, and removes attributions", () => {
    const { store, flush, server } = setup();
    const quote = store.createSpan(QUOTE).id!;
    const ruiz = store.createSpan(ACTOR).id!;
    const council = store.createSpan(spanOver("ACTOR", "The council")).id!;
    const first = store.attribute(quote, ruiz);
    expect(first.changes).toEqual([{ id: expect.any(String), op: "create_relation", relation: { id: first.id, type: "attributed_to", from: quote, to: ruiz } }]);
    expect(store.attribute(quote, ruiz)).toEqual({ changes: [], id: first.id });
    const second = store.attribute(quote, council);
    expect(second.changes.map((c) => c.op)).toEqual(["delete_relation", "create_relation"]);
    expect(second.changes[0]).toMatchObject({ relation: { id: first.id, version: 1 } });
    expect(store.getSnapshot().speakerOf.get(quote)).toMatchObject({ id: second.id, to: council });
    flush();
    expect(server.layer().relations).toEqual([{ id: second.id, version: 1, type: "attributed_to", from: quote, to: council }]);
    store.removeAttribution(second.id!);
    expect(store.getSnapshot().relations).toEqual([]);
    flush();
    expect(server.layer().relations).toEqual([]);
  });

  it("refuses attributions the rules forbid, changing nothing", () => {
    const { store, queued } = setup();
    const quote = store.createSpan(QUOTE).id!;
    const claim = store.createSpan(CLAIM).id!;
    const actor = store.createSpan(ACTOR).id!;
    queued.length = 0;
    expect(() => store.attribute(actor, quote)).toThrow(/Only a QUOTE or a CLAIM/);
    expect(() => store.attribute(quote, claim)).toThrow(/must be an ACTOR/);
    expect(() => store.deleteSpan("nope")).toThrow(EditorRuleError);
    expect(() => store.createSpan({ ...QUOTE, end: QUOTE.start })).toThrow(EditorRuleError);
    expect(queued).toEqual([]);
  });

  it("deleting a span deletes its attributions locally, as the server does", () => {
    const { store, flush, server } = setup();
    const quote = store.createSpan(QUOTE).id!;
    const claim = store.createSpan(CLAIM).id!;
    const actor = store.createSpan(ACTOR).id!;
    store.attribute(quote, actor);
    store.attribute(claim, actor);
    flush();
    const { changes } = store.deleteSpan(actor);
    expect(changes.map((c) => c.op)).toEqual(["delete"]);
    expect(store.getSnapshot().relations).toEqual([]);
    flush();
    expect(layerOf(server.layer())).toEqual(layerOf(store.getSnapshot()));
  });

  it("a relabel drops the attributions that became invalid, as the server does", () => {
    const { store, flush, server } = setup();
    const quote = store.createSpan(QUOTE).id!;
    const actor = store.createSpan(ACTOR).id!;
    store.attribute(quote, actor);
    store.updateSpan(quote, { label: "CLAIM" });
    expect(store.getSnapshot().relations).toHaveLength(1);
    store.updateSpan(actor, { label: "QUOTE" });
    expect(store.getSnapshot().relations).toEqual([]);
    expect(flush().notices).toEqual([]);
    expect(layerOf(server.layer())).toEqual(layerOf(store.getSnapshot()));
  });

  it("publishes a new snapshot per change, keeps unchanged spans and lists by identity, and sorts spans in text order", () => {
    const { store } = setup();
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    const claim = store.createSpan(CLAIM).id!;
    const quote = store.createSpan(QUOTE).id!;
    const before = store.getSnapshot();
    expect(before.spans.map((s) => s.id)).toEqual([quote, claim]);
    store.updateSpan(quote, { note: "n" });
    const after = store.getSnapshot();
    expect(after).not.toBe(before);
    expect(after.spanById.get(claim)).toBe(before.spanById.get(claim));
    expect(after.relations).toBe(before.relations);
    expect(store.getSnapshot()).toBe(after);
    expect(calls).toBe(3);
    unsubscribe();
    store.deleteSpan(claim);
    expect(calls).toBe(3);
  });

  it("loads the server's layer as it is", () => {
    const server = new FakeServer(ARTICLE);
    const [created] = server.apply([{ id: crypto.randomUUID(), op: "create", span: { ...QUOTE, note: "x" } }]);
    const store = new LayerStore({ layer: server.layer() });
    expect(store.getSnapshot().spans).toEqual([created.ok && created.span]);
    expect(store.getSnapshot().canUndo).toBe(false);
  });
});
