import { sql } from "drizzle-orm";
import type { Database } from "../types";
import { rowsOf } from "../rows";

export type RateLimitCount = { count: number; retryAfterSeconds: number };

/**
 * Counts `requests` (one, or those an instance counted itself: lib/api/rate-counter.ts) in `key`'s current fixed window and returns the count so far, with the
 * seconds until the window ends. One statement, so concurrent requests on several app
 * instances never lose a count; the window comes from the database's clock, so instances
 * with skewed clocks still agree on it. A bucket from an earlier window starts again.
 */
export async function countRequest(db: Database, key: string, windowSeconds: number, requests = 1): Promise<RateLimitCount> {
  const rows = rowsOf<{ count: number; retry_after: number | string }>(
    await db.execute(sql`
      with now_window as (
        select to_timestamp(floor(extract(epoch from clock_timestamp()) / ${windowSeconds}) * ${windowSeconds}) as start
      )
      insert into rate_limit_buckets as b (key, window_start, count)
      select ${key}, start, ${requests}::int from now_window
      on conflict (key) do update set
        count = case when b.window_start >= excluded.window_start then b.count + excluded.count else excluded.count end,
        window_start = greatest(b.window_start, excluded.window_start)
      returning count,
        greatest(1, ceil(extract(epoch from window_start) + ${windowSeconds} - extract(epoch from clock_timestamp())))::int as retry_after`),
  );
  return { count: Number(rows[0].count), retryAfterSeconds: Number(rows[0].retry_after) };
}
