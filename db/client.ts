import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "./schema";
import type { Database } from "./types";
import { describeDatabaseUrl } from "./database-url";
import { attachPipeline } from "./prepared";

/**
 * The app's one database handle. The app always speaks the Postgres protocol: to the
 * server in DATABASE_URL, or to the embedded PGlite that the launcher serves on a local
 * socket (scripts/serve.mjs sets DATABASE_URL for it). Kept on globalThis because Next
 * bundles server code once per layer and a module-level singleton would exist twice.
 */
type Handle = { pool: Pool; db: Database };
const globalForDb = globalThis as unknown as { sourcemarkDb?: Handle };

export function getDb(): Database {
  if (!globalForDb.sourcemarkDb) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set. Start the app with `npm start` (embedded database) or set DATABASE_URL.",
      );
    }
    describeDatabaseUrl(url); // throws a clear error on a malformed URL
    const pool = new Pool({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // also how long a request waits for a free connection of the pool
      connectionTimeoutMillis: Number(process.env.DATABASE_POOL_WAIT_MS ?? 5_000),
    });
    pool.on("error", (error) => console.error("[db] idle client error:", error.message));
    attachPipeline(pool, url);
    globalForDb.sourcemarkDb = { pool, db: drizzle(pool, { schema }) as unknown as Database };
  }
  return globalForDb.sourcemarkDb.db;
}
