import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "./schema";
import type { Database } from "./types";
import { describeDatabaseUrl, explainConnectionError } from "./database-url";
import { openEmbedded, resolveDataDir, type EmbeddedDatabase } from "./embedded";
import { readLock } from "./data-lock";
import { attachPipeline, closePipeline, pipelineSize } from "./prepared";

export type Connection = {
  db: Database;
  driver: "pg" | "pglite";
  /** Where the data lives, for messages (never includes a password). */
  where: string;
  embedded?: EmbeddedDatabase;
  pool?: Pool;
  close(): Promise<void>;
};

export class DatabaseUnavailableError extends Error {}

/** A pg pool on `url`, checked with one round trip so a bad URL or a down server fails here, clearly. */
export async function connectUrl(url: string, options: { max?: number } = {}): Promise<Connection> {
  let where: string;
  try {
    where = describeDatabaseUrl(url);
  } catch (error) {
    throw new DatabaseUnavailableError((error as Error).message);
  }
  const pool = new Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  pool.on("error", () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(explainConnectionError(error, where));
  }
  attachPipeline(pool, url, Math.min(pipelineSize(), options.max ?? 10));
  return {
    db: drizzle(pool, { schema }) as unknown as Database,
    driver: "pg",
    where,
    pool,
    close: async () => {
      await closePipeline(pool);
      await pool.end();
    },
  };
}

export async function connectEmbedded(dataDir: string | null): Promise<Connection> {
  const embedded = await openEmbedded(dataDir);
  return {
    db: embedded.db,
    driver: "pglite",
    where: `embedded database in ${embedded.dataDir}`,
    embedded,
    close: () => embedded.close(),
  };
}

/**
 * The CLI's database: DATABASE_URL when set; otherwise the embedded data folder, reached
 * through the running app's local socket when the app holds it (never opened twice).
 */
export async function connectForCli(): Promise<Connection> {
  const url = process.env.DATABASE_URL;
  if (url) return connectUrl(url, { max: 4 });
  const dataDir = resolveDataDir();
  const owner = readLock(dataDir);
  if (owner && owner.pid !== process.pid) {
    if (!owner.port) {
      throw new DatabaseUnavailableError(
        `The data folder ${dataDir} is held by process ${owner.pid}, which is still starting. Try again in a few seconds.`,
      );
    }
    // PGlite runs one query at a time; one connection keeps a transaction on one session.
    // Its socket runs every connection on that one session: statement names would clash.
    process.env.SOURCEMARK_PREPARED_STATEMENTS = "0";
    const connection = await connectUrl(`postgres://postgres@127.0.0.1:${owner.port}/postgres`, { max: 1 });
    return { ...connection, where: `embedded database in ${dataDir} (through the running app, pid ${owner.pid})` };
  }
  return connectEmbedded(dataDir);
}
