import { sql } from "drizzle-orm";
import type { Database } from "../types";
import { executePrepared } from "../prepared";

export type RateLimitCount = { count: number; retryAfterSeconds: number };

/**
 * Adds requests to the buckets of several keys in one statement and returns each key's count so
 * far in its current fixed window, with the seconds until that window ends. One statement, so
 * concurrent requests on several app instances never lose a count; keys are written in one order,
 * so two instances adding to the same keys never deadlock; the window comes from the database's
 * clock, so instances with skewed clocks still agree on it. A bucket from an earlier window starts
 * again. An instance adds what it counted itself (lib/api/rate-counter.ts) about once a second,
 * all keys in this one statement rather than a write and a commit per key.
 */
export async function countRequests(
  db: Database,
  counts: readonly { key: string; requests: number }[],
  windowSeconds: number,
): Promise<Map<string, RateLimitCount>> {
  const merged = new Map<string, number>();
  for (const { key, requests } of counts) merged.set(key, (merged.get(key) ?? 0) + requests);
  const keys = [...merged.keys()].sort();
  if (keys.length === 0) return new Map();
  const rows = await executePrepared<{ key: string; count: number | string; retry_after: number | string }>(
    db,
    sql`
      with now_window as (
        select to_timestamp(floor(extract(epoch from clock_timestamp()) / ${windowSeconds}::int) * ${windowSeconds}::int) as start
      )
      insert into rate_limit_buckets as b (key, window_start, count)
      select added.key, now_window.start, added.requests
      from unnest(${sql.param(keys)}::text[], ${sql.param(keys.map((key) => merged.get(key)!))}::int[]) with ordinality as added(key, requests, position), now_window
      order by added.position
      on conflict (key) do update set
        count = case when b.window_start >= excluded.window_start then b.count + excluded.count else excluded.count end,
        window_start = greatest(b.window_start, excluded.window_start)
      returning key, count,
        greatest(1, ceil(extract(epoch from window_start) + ${windowSeconds}::int - extract(epoch from clock_timestamp())))::int as retry_after`,
  );
  return new Map(rows.map((row) => [row.key, { count: Number(row.count), retryAfterSeconds: Number(row.retry_after) }]));
}

/** Adds `requests` (one, or those this instance counted itself) to `key`'s bucket: countRequests for one key. */
export async function countRequest(db: Database, key: string, windowSeconds: number, requests = 1): Promise<RateLimitCount> {
  return (await countRequests(db, [{ key, requests }], windowSeconds)).get(key)!;
}
