import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executePrepared } from "./prepared";
import { testTargets } from "./test-databases";
import type { Connection } from "./connect";

const server = testTargets().filter((target) => target.name === "postgres");

/** Runs `total` statements from `concurrency` callers at once, as concurrent requests do. */
async function runConcurrently(connection: Connection, total: number, concurrency: number) {
  const pids = new Set<number>();
  let started = 0;
  const caller = async () => {
    while (started++ < total) {
      const [row] = await executePrepared<{ pid: number }>(connection.db, sql`select pg_backend_pid() as pid`);
      pids.add(row.pid);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return pids;
}

describe.skipIf(server.length === 0).each(server)("pipelined connections on $name", (target) => {
  let connection: Connection;
  const configured = process.env.DATABASE_PIPELINE_SIZE;

  beforeAll(async () => {
    process.env.DATABASE_PIPELINE_SIZE = "2";
    connection = await target.open();
  });
  afterAll(async () => {
    await connection?.close();
    if (configured === undefined) delete process.env.DATABASE_PIPELINE_SIZE;
    else process.env.DATABASE_PIPELINE_SIZE = configured;
  });

  it("spreads concurrent statements over DATABASE_PIPELINE_SIZE (here 2) connections", async () => {
    const pids = await runConcurrently(connection, 400, 50);
    expect(pids.size).toBe(2);
  });

  it("keeps the driver's queue of busy connections as short as the connections under steady load", async () => {
    // postgres.js looks a connection up in its queue (Array#indexOf) each time it hands it a
    // statement. A client of several connections let that queue gain a hole per statement while
    // all of them stayed busy; a client per connection does not.
    let longest = 0;
    const indexOf = Array.prototype.indexOf;
    Array.prototype.indexOf = function (this: unknown[], value: unknown, fromIndex?: number) {
      const isConnection = typeof value === "object" && value !== null && "execute" in value && "queue" in value;
      if (isConnection) longest = Math.max(longest, this.length);
      return indexOf.call(this, value, fromIndex);
    } as typeof indexOf;
    try {
      await runConcurrently(connection, 3_000, 50);
    } finally {
      Array.prototype.indexOf = indexOf;
    }
    expect(longest).toBeGreaterThan(0);
    expect(longest).toBeLessThanOrEqual(2);
  });
});
