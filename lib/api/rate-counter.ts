/**
 * Counting requests against a limit without a database write per request. Far below its limit a
 * caller's requests are counted here, in the app instance, and added to the shared database
 * bucket in one write per key about once a second (`drain`); the first request of a window, and
 * every request once the caller is past `LOCAL_SHARE` of the limit, is counted in the database
 * at once together with those counted here, so the limit itself is enforced exactly as before. Several instances: each adds at
 * most its last second of counts late, far below the limit. (bench/load: counting every request
 * in the database cut the write path's throughput to a quarter.)
 */
export const LOCAL_SHARE = 0.5;

type Bucket = { window: number; known: number; pending: number; synced: boolean };

/** "local": counted here. A number: count that many in the database now (this request and those counted here before). */
export type CountDecision = "local" | number;

export class RateCounter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly windowSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  private bucket(key: string): Bucket {
    const window = Math.floor(this.now() / 1000 / this.windowSeconds);
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.window !== window) {
      bucket = { window, known: 0, pending: 0, synced: false };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /**
   * Counts one request here ("local"), or says how many to add to the database now: this one and
   * the ones counted here since the last drain, so that near the limit the database's count is
   * this instance's exact count.
   */
  count(key: string, limit: number): CountDecision {
    const bucket = this.bucket(key);
    if (!bucket.synced || bucket.known + bucket.pending + 1 > limit * LOCAL_SHARE) {
      const requests = bucket.pending + 1;
      bucket.known += bucket.pending;
      bucket.pending = 0;
      return requests;
    }
    bucket.pending++;
    return "local";
  }

  /** The database's count for the key after adding this instance's requests to it. */
  learned(key: string, count: number): void {
    const bucket = this.bucket(key);
    bucket.known = Math.max(bucket.known, count);
    bucket.synced = true;
  }

  /** The requests counted here since the last drain, to be added to the database, and forgets them. */
  drain(): { key: string; requests: number }[] {
    const window = Math.floor(this.now() / 1000 / this.windowSeconds);
    const out: { key: string; requests: number }[] = [];
    for (const [key, bucket] of this.buckets) {
      if (bucket.window !== window) {
        this.buckets.delete(key); // a finished window's stragglers no longer matter
        continue;
      }
      if (bucket.pending > 0) out.push({ key, requests: bucket.pending });
      bucket.known += bucket.pending;
      bucket.pending = 0;
    }
    return out;
  }
}
