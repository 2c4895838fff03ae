import { describe, expect, it } from "vitest";
import { LayerStore } from "./layer-store";
import { ARTICLE, spanOver } from "./test-support/fixtures";
import { connect, layerOf } from "./test-support/connect";
import { FakeServer } from "./test-support/fake-server";

const QUOTE = spanOver("QUOTE", "“We will not back down,”");
const RUIZ = spanOver("ACTOR", "Mayor Ana Ruiz 👩🏽‍⚖️");

/** Two tabs on the same layer. */
function twoTabs() {
  const server = new FakeServer(ARTICLE);
  const seed = connect(server);
  const quote = seed.store.createSpan(QUOTE).id!;
  const ruiz = seed.store.createSpan(RUIZ).id!;
  seed.flush();
  return { server, quote, ruiz, a: connect(server), b: connect(server) };
}

describe("reconcile", () => {
  it("adopts the saved version when another tab changed the span, says so, and forgets undo entries on it", () => {
    const { server, quote, ruiz, a, b } = twoTabs();
    b.store.updateSpan(quote, { label: "CLAIM" });
    b.flush();
    a.store.updateSpan(ruiz, { note: "mayor" });
    a.store.updateSpan(quote, { note: "stale edit" });
    const report = a.flush();
    expect(report.notices).toEqual([
      { code: "stale_version", spanId: quote, message: "This span was changed in another tab; showing the saved version." },
    ]);
    expect(a.store.getSnapshot().spanById.get(quote)).toEqual(server.layer().spans.find((s) => s.id === quote));
    expect(a.store.getSnapshot().spanById.get(ruiz)).toMatchObject({ note: "mayor", version: 2 });
    // The entry for the refused edit is gone; the one for the other span stays.
    expect(a.store.undo().changes[0]).toMatchObject({ op: "update", span: { id: ruiz, note: null } });
    expect(a.store.getSnapshot().canUndo).toBe(false);
    // The next edit is based on the saved version and goes through.
    a.store.updateSpan(quote, { note: "now" });
    expect(a.flush().notices).toEqual([]);
    expect(layerOf(server.layer())).toEqual(layerOf(a.store.getSnapshot()));
  });

  it("cancels the queued changes that built on a refused one, with one message", () => {
    const { server, quote, a, b } = twoTabs();
    b.store.deleteSpan(quote);
    b.flush();
    const first = a.store.updateSpan(quote, { note: "one" }).changes[0];
    const second = a.store.updateSpan(quote, { note: "two" }).changes[0];
    const report = a.flush(1);
    expect(report.notices.map((n) => n.code)).toEqual(["not_found"]);
    expect(report.cancelled).toEqual([second.id]);
    expect(a.store.pendingChanges).toEqual([]);
    expect(a.store.getSnapshot().spanById.has(quote)).toBe(false);
    expect(first.id).not.toBe(second.id);
    expect(layerOf(server.layer())).toEqual(layerOf(a.store.getSnapshot()));
  });

  it("in one batch, the later refusals on the same span stay quiet", () => {
    const { quote, ruiz, a, b } = twoTabs();
    b.store.deleteSpan(quote);
    b.flush();
    a.store.updateSpan(quote, { note: "one" });
    a.store.updateSpan(quote, { note: "two" });
    a.store.attribute(quote, ruiz);
    a.store.deleteSpan(quote);
    const report = a.flush();
    expect(report.notices).toEqual([expect.objectContaining({ code: "not_found", spanId: quote })]);
    expect(a.store.getSnapshot().spanById.has(quote)).toBe(false);
    expect(a.store.getSnapshot().relations).toEqual([]);
  });

  it("rolls back a create the server refuses as a duplicate and shows the saved span instead", () => {
    const server = new FakeServer(ARTICLE);
    const a = connect(server);
    const b = connect(server);
    const mine = a.store.createSpan(QUOTE).id!;
    const theirs = b.store.createSpan(QUOTE).id!;
    b.flush();
    const report = a.flush();
    expect(report.notices.map((n) => n.code)).toEqual(["duplicate_span"]);
    expect(a.store.getSnapshot().spans.map((s) => s.id)).toEqual([theirs]);
    expect(a.store.getSnapshot().spanById.has(mine)).toBe(false);
    expect(a.store.getSnapshot().canUndo).toBe(false);
  });

  it("rolls back a change the server finds invalid to the saved state", () => {
    const server = new FakeServer(ARTICLE);
    const a = connect(server);
    const id = a.store.createSpan(QUOTE).id!;
    a.flush();
    // Text that does not match the offsets: the server refuses.
    a.store.updateSpan(id, { start: QUOTE.start, end: QUOTE.end + 1, text: "not the article" });
    const bad = a.store.createSpan({ ...RUIZ, text: "Mayor Ana Ruiz" });
    const report = a.flush();
    expect(report.notices.map((n) => [n.code, n.message.startsWith("This span could not be saved:")])).toEqual([
      ["invalid_span", true],
      ["invalid_span", true],
    ]);
    expect(a.store.getSnapshot().spans).toEqual(server.layer().spans);
    expect(a.store.getSnapshot().spanById.has(bad.id!)).toBe(false);
  });

  it("rolls back an attribution the server refuses", () => {
    const { quote, ruiz, a, b, server } = twoTabs();
    const council = b.store.createSpan(spanOver("ACTOR", "The council")).id!;
    b.store.attribute(quote, council);
    b.flush();
    a.store.attribute(quote, ruiz);
    const report = a.flush();
    expect(report.notices.map((n) => n.code)).toEqual(["already_attributed"]);
    expect(layerOf(a.store.getSnapshot()).relations).toEqual(layerOf(server.layer()).relations);
  });

  it("keeps the snapshot when the server confirms the prediction", () => {
    const server = new FakeServer(ARTICLE);
    const a = connect(server);
    a.store.createSpan(QUOTE);
    a.store.attribute(a.store.createSpan(QUOTE).id!, a.store.createSpan(RUIZ).id!);
    const before = a.store.getSnapshot();
    a.flush();
    expect(a.store.getSnapshot()).toBe(before);
  });

  it("replaceAll shows a fresh read with the unanswered changes still on top", () => {
    const { server, quote, a, b } = twoTabs();
    b.store.updateSpan(quote, { note: "from b" });
    b.flush();
    const ruizNote = a.store.updateSpan(a.store.getSnapshot().spans[1].id, { note: "queued" });
    a.store.replaceAll(server.layer());
    expect(a.store.getSnapshot().spanById.get(quote)).toMatchObject({ note: "from b" });
    expect(a.store.getSnapshot().spans[1]).toMatchObject({ id: ruizNote.id, note: "queued" });
    expect(a.store.getSnapshot().canUndo).toBe(false);
    a.flush();
    expect(layerOf(server.layer())).toEqual(layerOf(a.store.getSnapshot()));
  });

  it("restorePending re-applies queued changes on top of the server's layer after a reload", () => {
    const server = new FakeServer(ARTICLE);
    const tab = connect(server);
    const quote = tab.store.createSpan(QUOTE).id!;
    tab.store.updateSpan(quote, { label: "CLAIM" });
    tab.store.createSpan(RUIZ);
    const expected = tab.store.getSnapshot().spans;
    // The first change reached the server, its reply was lost; the rest never left.
    server.apply(tab.queued.slice(0, 1));
    const reloaded = new LayerStore({ layer: server.layer() });
    reloaded.restorePending(tab.queued);
    expect(reloaded.getSnapshot().spans).toEqual(expected);
    const report = reloaded.reconcile(server.apply(tab.queued));
    expect(report.notices).toEqual([]);
    expect(server.layer().spans).toEqual(expected);
    expect([...server.applications.values()].every((n) => n === 1)).toBe(true);
  });
});
