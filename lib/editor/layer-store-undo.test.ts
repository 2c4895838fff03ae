import { describe, expect, it } from "vitest";
import { ARTICLE, spanOver } from "./test-support/fixtures";
import { connect, layerOf } from "./test-support/connect";
import { FakeServer } from "./test-support/fake-server";

const QUOTE = spanOver("QUOTE", "“We will not back down,”");
const CLAIM = spanOver("CLAIM", "the budget is balanced");
const RUIZ = spanOver("ACTOR", "Mayor Ana Ruiz 👩🏽‍⚖️");
const COUNCIL = spanOver("ACTOR", "The council");

function setup() {
  const server = new FakeServer(ARTICLE);
  const session = connect(server);
  /** Sends everything and checks the server now holds exactly what the editor shows. */
  const saved = () => {
    expect(session.flush().notices).toEqual([]);
    expect(layerOf(server.layer())).toEqual(layerOf(session.store.getSnapshot()));
  };
  return { server, ...session, saved };
}

describe("undo and redo", () => {
  it("undoes a create by deleting, redoes it as a new span with the same content", () => {
    const { store, saved } = setup();
    const id = store.createSpan(QUOTE).id!;
    saved();
    const undo = store.undo();
    expect(undo.changes).toEqual([{ id: expect.any(String), op: "delete", span: { id, version: 1 } }]);
    expect(store.getSnapshot().spans).toEqual([]);
    expect(store.getSnapshot()).toMatchObject({ canUndo: false, canRedo: true });
    saved();
    const redo = store.redo();
    expect(redo.changes).toHaveLength(1);
    expect(redo.changes[0]).toMatchObject({ op: "create", span: QUOTE });
    expect(redo.id).not.toBe(id);
    expect(store.getSnapshot().spans).toEqual([expect.objectContaining({ id: redo.id, version: 1, ...QUOTE })]);
    saved();
    // And again: the redone span is the one undone now.
    expect(store.undo().changes[0]).toMatchObject({ op: "delete", span: { id: redo.id, version: 1 } });
    saved();
  });

  it("undoes and redoes a move of the bounds and a relabel, with versions counting on", () => {
    const { store, saved, server } = setup();
    const id = store.createSpan(CLAIM).id!;
    const wider = spanOver("CLAIM", "The council claims the budget is balanced");
    store.updateSpan(id, { start: wider.start, end: wider.end, text: wider.text });
    store.updateSpan(id, { label: "QUOTE" });
    saved();
    expect(store.undo().changes[0]).toMatchObject({ op: "update", span: { id, version: 3, label: "CLAIM" } });
    expect(store.undo().changes[0]).toEqual({ id: expect.any(String), op: "update", span: { id, version: 4, start: CLAIM.start, end: CLAIM.end, text: CLAIM.text } });
    expect(store.getSnapshot().spanById.get(id)).toMatchObject({ ...CLAIM, version: 5 });
    saved();
    store.redo();
    store.redo();
    expect(store.getSnapshot().spanById.get(id)).toMatchObject({ ...wider, label: "QUOTE", version: 7 });
    saved();
    expect(server.spans.get(id)?.version).toBe(7);
  });

  it("undoes a delete by re-creating the span under a new id with its attributions, both ways", () => {
    const { store, saved } = setup();
    const quote = store.createSpan(QUOTE).id!;
    const claim = store.createSpan(CLAIM).id!;
    const ruiz = store.createSpan(RUIZ).id!;
    store.attribute(quote, ruiz);
    store.attribute(claim, ruiz);
    saved();
    store.deleteSpan(ruiz);
    saved();
    const undo = store.undo();
    expect(undo.changes.map((c) => c.op)).toEqual(["create", "create_relation", "create_relation"]);
    const reborn = undo.id!;
    expect(reborn).not.toBe(ruiz);
    const { spanById, speakerOf } = store.getSnapshot();
    expect(spanById.get(reborn)).toMatchObject(RUIZ);
    expect(speakerOf.get(quote)?.to).toBe(reborn);
    expect(speakerOf.get(claim)?.to).toBe(reborn);
    saved();
    // Redo deletes the re-created span (the server drops its attributions with it).
    expect(store.redo().changes).toEqual([{ id: expect.any(String), op: "delete", span: { id: reborn, version: 1 } }]);
    expect(store.getSnapshot().relations).toEqual([]);
    saved();
    store.undo();
    expect(store.getSnapshot().relations).toHaveLength(2);
    saved();
  });

  it("undoes a speaker replacement by bringing the old speaker back", () => {
    const { store, saved } = setup();
    const quote = store.createSpan(QUOTE).id!;
    const ruiz = store.createSpan(RUIZ).id!;
    const council = store.createSpan(COUNCIL).id!;
    store.attribute(quote, ruiz);
    store.attribute(quote, council);
    saved();
    const undo = store.undo();
    expect(undo.changes.map((c) => c.op)).toEqual(["delete_relation", "create_relation"]);
    expect(store.getSnapshot().speakerOf.get(quote)?.to).toBe(ruiz);
    saved();
    store.redo();
    expect(store.getSnapshot().speakerOf.get(quote)?.to).toBe(council);
    saved();
    store.undo();
    store.undo();
    expect(store.getSnapshot().speakerOf.has(quote)).toBe(false);
    saved();
  });

  it("undoes a relabel that dropped an attribution, restoring both", () => {
    const { store, saved } = setup();
    const quote = store.createSpan(QUOTE).id!;
    const ruiz = store.createSpan(RUIZ).id!;
    store.attribute(quote, ruiz);
    saved();
    store.updateSpan(ruiz, { label: "CLAIM" });
    expect(store.getSnapshot().relations).toEqual([]);
    saved();
    const undo = store.undo();
    expect(undo.changes.map((c) => c.op)).toEqual(["update", "create_relation"]);
    expect(store.getSnapshot().speakerOf.get(quote)?.to).toBe(ruiz);
    saved();
    // Redo sends only the relabel: the server drops the attribution itself.
    expect(store.redo().changes.map((c) => c.op)).toEqual(["update"]);
    expect(store.getSnapshot().relations).toEqual([]);
    saved();
  });

  it("follows re-created ids through the whole history", () => {
    const { store, saved } = setup();
    const first = store.createSpan(QUOTE).id!;
    store.updateSpan(first, { note: "draft" });
    store.deleteSpan(first);
    saved();
    store.undo(); // re-creates (new id) with the note
    store.undo(); // removes the note from the re-created span
    store.undo(); // deletes it
    expect(store.getSnapshot().spans).toEqual([]);
    saved();
    const again = store.redo().id!; // create: a third id
    store.redo(); // the note goes onto that one
    expect(store.getSnapshot().spanById.get(again)).toMatchObject({ note: "draft", version: 2 });
    store.redo(); // and it is deleted
    expect(store.getSnapshot()).toMatchObject({ spans: [], canRedo: false, canUndo: true });
    saved();
  });

  it("works on changes not sent yet, and a new action clears redo", () => {
    const { store, queued, saved } = setup();
    const id = store.createSpan(QUOTE).id!;
    store.updateSpan(id, { label: "CLAIM" });
    store.undo();
    expect(queued.map((c) => c.op)).toEqual(["create", "update", "update"]);
    expect(queued[2]).toMatchObject({ span: { id, version: 2, label: "QUOTE" } });
    expect(store.getSnapshot().canRedo).toBe(true);
    store.updateSpan(id, { note: "n" });
    expect(store.getSnapshot().canRedo).toBe(false);
    expect(store.redo()).toEqual({ changes: [], id: null });
    saved();
  });

  it("every undo and redo reaches the outbox with new change ids", () => {
    const { store, queued } = setup();
    store.createSpan(QUOTE);
    store.undo();
    store.redo();
    const ids = queued.map((c) => c.id);
    expect(new Set(ids).size).toBe(3);
  });
});
