import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { rateLimitBuckets } from "../schema";
import { countRequest, countRequests } from "./rate-limit";

describe.each(testTargets())("rate limit buckets on $name", (target) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await target.open();
  });
  afterAll(async () => {
    await connection?.close();
  });

  it("counts every request of a window once, also when they arrive together", async () => {
    const db = connection.db;
    const counts = await Promise.all(Array.from({ length: 20 }, () => countRequest(db, "token:together", 3600)));
    // every request got its own count: 1..20, none lost or doubled
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const c of counts) {
      expect(c.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(c.retryAfterSeconds).toBeLessThanOrEqual(3600);
    }
    // another key has its own bucket
    expect((await countRequest(db, "user:other", 3600)).count).toBe(1);
  });

  it("starts again at 1 in a new window", async () => {
    const db = connection.db;
    await countRequest(db, "token:old", 60);
    await countRequest(db, "token:old", 60);
    // move the bucket an hour back: its window is over
    await db.update(rateLimitBuckets).set({ windowStart: sql`window_start - interval '1 hour'` }).where(eq(rateLimitBuckets.key, "token:old"));
    expect((await countRequest(db, "token:old", 60)).count).toBe(1);
    expect((await countRequest(db, "token:old", 60)).count).toBe(2);
  });

  it("adds several requests counted elsewhere at once", async () => {
    const db = connection.db;
    expect((await countRequest(db, "user:batched", 3600, 40)).count).toBe(40);
    expect((await countRequest(db, "user:batched", 3600)).count).toBe(41);
    expect((await countRequest(db, "user:batched", 3600, 9)).count).toBe(50);
  });

  it("adds several keys' counts in one statement, each to its own bucket", async () => {
    const db = connection.db;
    await countRequest(db, "user:many-b", 3600, 5);
    const counts = await countRequests(
      db,
      [
        { key: "user:many-b", requests: 2 },
        { key: "user:many-a", requests: 3 },
        { key: "user:many-b", requests: 1 },
        { key: "user:it's; -- \\ \"quoted\", {braces}", requests: 4 },
      ],
      3600,
    );
    expect(Object.fromEntries([...counts].map(([key, value]) => [key, value.count]))).toEqual({
      "user:many-a": 3,
      "user:many-b": 8,
      "user:it's; -- \\ \"quoted\", {braces}": 4,
    });
    expect([...counts.values()].every((c) => c.retryAfterSeconds >= 1 && c.retryAfterSeconds <= 3600)).toBe(true);
    expect((await countRequests(db, [], 3600)).size).toBe(0);
  });

  it("never loses a count when instances add to the same keys at once", async () => {
    const db = connection.db;
    const keys = ["user:shared-1", "user:shared-2", "user:shared-3"];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => countRequests(db, (i % 2 ? [...keys].reverse() : keys).map((key) => ({ key, requests: 1 })), 3600)),
    );
    const after = await countRequests(db, keys.map((key) => ({ key, requests: 0 })), 3600);
    expect(keys.map((key) => after.get(key)!.count)).toEqual([12, 12, 12]);
  });
});
