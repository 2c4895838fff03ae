import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LayerStore } from "./layer-store";
import { MemoryStorage } from "./memory-storage";
import type { Change } from "./types";
import { ARTICLE, spanOver } from "./test-support/fixtures";
import { layerOf } from "./test-support/connect";
import { FakeServer } from "./test-support/fake-server";
import { openSession, settle } from "./test-support/session";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const WORDS = ["We", "will", "not", "back", "down", "said", "Mayor", "Ana", "Ruiz", "Monday", "council", "claims", "budget",
  "balanced", "Critics", "Tomás", "Ńowak", "東京", "spending", "rose", "Officials", "declined", "comment", "🇺🇦"];
const LABELS = ["QUOTE", "CLAIM", "ACTOR"];

/** A deterministic mix of everything an analyst does, until at least `count` changes were made. */
function annotate(store: LayerStore, count: number): Change[] {
  const made: Change[] = [];
  for (let step = 0; made.length < count; step++) {
    const spans = store.getSnapshot().spans;
    const pick = (offset: number) => spans[(step * 7 + offset) % spans.length];
    let result;
    if (step % 9 === 4) result = store.undo();
    else if (step % 9 === 8) result = store.redo();
    else if (step % 6 === 5 && spans.length > 3) result = store.deleteSpan(pick(1).id);
    else if (step % 5 === 3 && spans.length > 0) result = store.updateSpan(pick(2).id, { note: `note ${step}` });
    else if (step % 7 === 2 && spans.length > 0) {
      const span = pick(3);
      const free = LABELS.find((label) => !spans.some((s) => s.label === label && s.start === span.start && s.end === span.end));
      result = free ? store.updateSpan(span.id, { label: free }) : store.undo();
    } else if (step % 4 === 1) {
      const speaker = spans.find((s) => s.label === "ACTOR");
      const said = spans.find((s) => s.label !== "ACTOR" && store.getSnapshot().speakerOf.get(s.id)?.to !== speaker?.id);
      result = speaker && said ? store.attribute(said.id, speaker.id) : store.createSpan(spanOver("ACTOR", WORDS[step % WORDS.length]));
    } else result = store.createSpan(spanOver(LABELS[step % 3], WORDS[step % WORDS.length]));
    made.push(...result.changes);
  }
  return made;
}

function expectWrittenOnce(server: FakeServer, changes: Change[]) {
  expect([...server.applications.values()].every((times) => times === 1)).toBe(true);
  for (const change of changes) expect(server.applications.get(change.id)).toBe(1);
}

describe("bootLayer: the server cut mid-session", () => {
  it("keeps 50 offline changes through a reload and writes each exactly once when the server is back", async () => {
    const server = new FakeServer(ARTICLE);
    const storage = new MemoryStorage();
    const first = await openSession(server, { storage });
    const early = annotate(first.store, 8);
    await settle();
    expect(first.status()).toEqual({ state: "saved", pending: 0 });
    // What a page loaded now would receive (before the server applied anything below).
    const cachedLayer = server.layer();

    // The next request is applied but its reply is lost, then the server goes away.
    server.dropReplies = 1;
    const lostReply = annotate(first.store, 3);
    await settle();
    server.outage = "refuse";
    const offline = annotate(first.store, 50);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(offline.length).toBeGreaterThanOrEqual(50);
    expect(first.status()).toMatchObject({ state: "offline", pending: lostReply.length + offline.length });
    await first.outbox.flush();
    expect(storage.stored.map((c) => c.id)).toEqual([...lostReply, ...offline].map((c) => c.id));
    const expected = layerOf(first.store.getSnapshot());

    // Reload while still offline: the page shows the layer it has, with the queued changes on top.
    first.dispose();
    const second = await openSession(server, { storage, serverLayer: cachedLayer });
    expect(layerOf(second.store.getSnapshot())).toEqual(expected);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(second.status()).toMatchObject({ state: "offline", pending: lostReply.length + offline.length });

    server.outage = null;
    second.goOnline();
    await settle();
    expect(second.status()).toEqual({ state: "saved", pending: 0 });
    expect(second.notices).toEqual([]);
    expect(layerOf(server.layer())).toEqual(expected);
    expect(layerOf(second.store.getSnapshot())).toEqual(expected);
    expect(storage.stored).toEqual([]);
    expectWrittenOnce(server, [...early, ...lostReply, ...offline]);
  });

  it("after a reload with a fresh read, changes the server already applied are not applied again", async () => {
    const server = new FakeServer(ARTICLE);
    const storage = new MemoryStorage();
    const first = await openSession(server, { storage });
    server.dropReplies = 1;
    const sent = annotate(first.store, 20);
    await settle();
    expect(first.status().state).toBe("offline");
    const expected = layerOf(first.store.getSnapshot());
    first.dispose();

    const second = await openSession(server, { storage });
    expect(layerOf(second.store.getSnapshot())).toEqual(expected);
    await vi.advanceTimersByTimeAsync(250);
    await settle();
    expect(second.status()).toEqual({ state: "saved", pending: 0 });
    expect(second.notices).toEqual([]);
    expect(layerOf(server.layer())).toEqual(expected);
    expectWrittenOnce(server, sent);
  });

  it("keeps working after the reload: new edits, undo and redo are saved too", async () => {
    const server = new FakeServer(ARTICLE);
    const storage = new MemoryStorage();
    const first = await openSession(server, { storage });
    server.outage = "refuse";
    annotate(first.store, 10);
    await settle();
    first.dispose();
    server.outage = null;
    const second = await openSession(server, { storage });
    const id = second.store.createSpan(spanOver("CLAIM", "spending rose 12%")).id!;
    second.store.undo();
    second.store.redo();
    await settle();
    expect(id).toBeTruthy();
    expect(second.status()).toEqual({ state: "saved", pending: 0 });
    expect(layerOf(server.layer())).toEqual(layerOf(second.store.getSnapshot()));
    expect(server.layer().spans.some((s) => s.text === "spending rose 12%")).toBe(true);
  });
});
