import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sliceByCodePoints } from "../text/code-points";
import type { FetchLike } from "./sender";
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

const QUOTE = spanOver("QUOTE", "“We will not back down,”");

/** The n-th distinct one-to-three-code-point span of the article. */
function nthSpan(n: number) {
  const start = n % 150;
  const end = start + 1 + Math.floor(n / 150);
  return { start, end, label: "QUOTE", text: sliceByCodePoints(ARTICLE, start, end) };
}

/** Records how many changes each request carried. */
function recording(server: FakeServer) {
  const sizes: number[] = [];
  const fetch: FetchLike = (url, init) => {
    sizes.push((JSON.parse(init.body) as { changes: unknown[] }).changes.length);
    return server.fetch(url, init);
  };
  return { sizes, fetch };
}

describe("Sender", () => {
  it("saves in order, in requests of at most 100 changes, and reports saving then saved", async () => {
    const server = new FakeServer(ARTICLE);
    const { sizes, fetch } = recording(server);
    const tab = await openSession(server, { fetch });
    server.outage = "refuse";
    for (let n = 0; n < 250; n++) tab.store.createSpan(nthSpan(n));
    await settle();
    expect(tab.status()).toMatchObject({ state: "offline", pending: 250 });
    server.outage = null;
    sizes.length = 0;
    const states: string[] = [];
    tab.sender.subscribe(() => states.push(tab.sender.getSnapshot().state));
    tab.goOnline();
    await settle();
    expect(sizes).toEqual([100, 100, 50]);
    expect(tab.status()).toEqual({ state: "saved", pending: 0 });
    expect(states[0]).toBe("saving");
    expect(states.at(-1)).toBe("saved");
    expect(server.layer().spans).toHaveLength(250);
  });

  it("with deferKick, sends the changes of one task together when the deferred task runs, not while the task runs", async () => {
    const server = new FakeServer(ARTICLE);
    const { sizes, fetch } = recording(server);
    const deferred: (() => void)[] = [];
    const tab = await openSession(server, { fetch, deferKick: (task) => deferred.push(task) });
    deferred.splice(0).forEach((task) => task());
    await settle();
    sizes.length = 0;
    tab.store.createSpan(nthSpan(1));
    tab.store.createSpan(nthSpan(2));
    expect(tab.status()).toEqual({ state: "saving", pending: 2 });
    await settle();
    expect(sizes).toEqual([]);
    expect(deferred).toHaveLength(1);
    expect(tab.store.pendingChanges).toHaveLength(2);
    deferred.splice(0).forEach((task) => task());
    await settle();
    expect(sizes).toEqual([2]);
    expect(tab.status()).toEqual({ state: "saved", pending: 0 });
    expect(server.layer().spans).toHaveLength(2);
  });

  it("goes offline when the server cannot be reached and retries with backoff until it is back", async () => {
    const server = new FakeServer(ARTICLE);
    const tab = await openSession(server);
    server.outage = "refuse";
    tab.store.createSpan(QUOTE);
    await settle();
    expect(tab.status()).toMatchObject({ state: "offline", pending: 1, lastError: expect.stringContaining("cannot be reached") });
    const requests = () => server.requests;
    expect(requests()).toBe(1);
    await vi.advanceTimersByTimeAsync(249);
    expect(requests()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests()).toBe(2);
    await vi.advanceTimersByTimeAsync(500);
    expect(requests()).toBe(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests()).toBe(4);
    // Changes made while waiting do not shorten the wait.
    tab.store.createSpan(spanOver("ACTOR", "Mayor Ana Ruiz"));
    await settle();
    expect(requests()).toBe(4);
    expect(tab.status()).toMatchObject({ state: "offline", pending: 2 });
    server.outage = null;
    await vi.advanceTimersByTimeAsync(2000);
    expect(tab.status()).toEqual({ state: "saved", pending: 0 });
    expect(layerOf(server.layer())).toEqual(layerOf(tab.store.getSnapshot()));
  });

  it("never waits more than 10 s between retries", async () => {
    const server = new FakeServer(ARTICLE);
    const tab = await openSession(server);
    server.outage = 503;
    tab.store.createSpan(QUOTE);
    await vi.advanceTimersByTimeAsync(60_000);
    const before = server.requests;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.requests).toBe(before + 1);
    expect(tab.status()).toMatchObject({ state: "offline", lastError: "Status 503" });
  });

  it("retries at once when the browser says it is back online", async () => {
    const server = new FakeServer(ARTICLE);
    const tab = await openSession(server);
    server.outage = 503;
    tab.store.createSpan(QUOTE);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(tab.status().state).toBe("offline");
    server.outage = null;
    tab.goOnline();
    await settle();
    expect(tab.status()).toEqual({ state: "saved", pending: 0 });
  });

  it("stops on 401 with the changes kept, and sends them after resume()", async () => {
    const server = new FakeServer(ARTICLE);
    const tab = await openSession(server);
    server.outage = 401;
    tab.store.createSpan(QUOTE);
    await settle();
    expect(tab.status()).toMatchObject({ state: "signed_out", pending: 1 });
    const requests = server.requests;
    tab.store.createSpan(spanOver("ACTOR", "Mayor Ana Ruiz"));
    tab.goOnline();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toBe(requests);
    expect(tab.status()).toMatchObject({ state: "signed_out", pending: 2 });
    server.outage = null;
    tab.sender.resume();
    await settle();
    expect(tab.status()).toEqual({ state: "saved", pending: 0 });
    expect(server.layer().spans).toHaveLength(2);
  });

  it("splits a batch the server finds too large", async () => {
    const server = new FakeServer(ARTICLE);
    const { sizes, fetch } = recording(server);
    const tab = await openSession(server, { fetch });
    server.outage = "refuse";
    for (let n = 0; n < 100; n++) tab.store.createSpan(nthSpan(n));
    await settle();
    server.outage = null;
    server.maxChangesPerRequest = 30;
    sizes.length = 0;
    tab.goOnline();
    await settle();
    expect(sizes).toEqual([100, 50, 25, 25, 25, 25]);
    expect(server.layer().spans).toHaveLength(100);
    expect(tab.status()).toEqual({ state: "saved", pending: 0 });
  });

  it("rolls back, with a message, one change the server will never take", async () => {
    const server = new FakeServer(ARTICLE);
    const tab = await openSession(server);
    server.outage = "refuse";
    tab.store.createSpan(QUOTE);
    const bad = tab.store.createSpan({ ...spanOver("ACTOR", "Ana"), label: "actor" }).id!;
    tab.store.createSpan(spanOver("ACTOR", "Ruiz"));
    await settle();
    server.outage = null;
    tab.goOnline();
    await settle();
    expect(tab.notices).toEqual([expect.objectContaining({ code: "bad_request", spanId: bad })]);
    expect(tab.store.getSnapshot().spans).toHaveLength(2);
    expect(layerOf(server.layer())).toEqual(layerOf(tab.store.getSnapshot()));

    server.maxChangesPerRequest = 0;
    const huge = tab.store.createSpan(spanOver("CLAIM", "the budget is balanced")).id!;
    await settle();
    expect(tab.notices.at(-1)).toMatchObject({ code: "too_large", spanId: huge });
    expect(tab.store.getSnapshot().spanById.has(huge)).toBe(false);
    expect(tab.status()).toEqual({ state: "saved", pending: 0 });
  });

  it("writes a change once when the reply was lost and it is sent again", async () => {
    const server = new FakeServer(ARTICLE);
    const tab = await openSession(server);
    server.dropReplies = 1;
    const id = tab.store.createSpan(QUOTE).id!;
    await settle();
    expect(tab.status().state).toBe("offline");
    expect(server.spans.has(id)).toBe(true);
    await vi.advanceTimersByTimeAsync(250);
    expect(tab.status()).toEqual({ state: "saved", pending: 0 });
    expect(server.requests).toBe(2);
    expect([...server.applications.values()]).toEqual([1]);
    expect(server.layer().spans).toHaveLength(1);
    expect(tab.notices).toEqual([]);
  });

  it("abandons a request that never answers and sends it again", async () => {
    const server = new FakeServer(ARTICLE);
    let calls = 0;
    const fetch: FetchLike = (url, init) => (++calls === 1 ? new Promise(() => {}) : server.fetch(url, init));
    const tab = await openSession(server, { fetch, requestTimeoutMs: 5_000 });
    tab.store.createSpan(QUOTE);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(tab.status().state).toBe("saving");
    await vi.advanceTimersByTimeAsync(1);
    expect(tab.status()).toMatchObject({ state: "offline", lastError: expect.stringContaining("no answer within 5 s") });
    await vi.advanceTimersByTimeAsync(250);
    expect(tab.status()).toEqual({ state: "saved", pending: 0 });
  });

  it("stops on other refusals (403) until resumed or until the next change", async () => {
    const server = new FakeServer(ARTICLE);
    const tab = await openSession(server);
    server.outage = 403;
    tab.store.createSpan(QUOTE);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toBe(1);
    expect(tab.status()).toEqual({ state: "error", pending: 1, lastError: "Status 403" });
    server.outage = null;
    tab.sender.resume();
    await settle();
    expect(tab.status()).toEqual({ state: "saved", pending: 0 });
  });

  it("sends the next change on a span only after the previous one was answered", async () => {
    const server = new FakeServer(ARTICLE);
    const b = await openSession(server);
    const id = b.store.createSpan(QUOTE).id!;
    await settle();
    const a = await openSession(server);
    b.store.updateSpan(id, { note: "from b" });
    await settle();
    // Tab A still has version 1: its first edit is stale; its second, based on version 2,
    // must not reach the server, where it would match and overwrite tab B's note.
    a.store.updateSpan(id, { note: "a one" });
    a.store.updateSpan(id, { note: "a two" });
    await settle();
    expect(server.layer().spans[0]).toMatchObject({ note: "from b", version: 2 });
    expect(a.notices).toEqual([expect.objectContaining({ code: "stale_version", message: "This span was changed in another tab; showing the saved version." })]);
    expect(a.store.getSnapshot().spans).toEqual(server.layer().spans);
    expect(a.status()).toEqual({ state: "saved", pending: 0 });
    expect(a.storage.stored).toEqual([]);
  });

  it("keeps the status object while nothing changes", async () => {
    const server = new FakeServer(ARTICLE);
    const tab = await openSession(server);
    const first = tab.status();
    await settle();
    expect(tab.status()).toBe(first);
    expect(first).toEqual({ state: "saved", pending: 0 });
  });
});
