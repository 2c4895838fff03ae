import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { rateLimitBuckets } from "../schema";
import { countRequest } from "./rate-limit";

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
});
