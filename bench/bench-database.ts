/**
 * A throwaway, migrated database for a benchmark: `sourcemark_bench_<random>` on the server
 * (dropped by close(), which callers run in `finally`), or an in-memory PGlite. Its Drizzle
 * handle can record the SQL it sends, so the benchmark can EXPLAIN exactly what a query function ran.
 */
import { randomBytes } from "node:crypto";
import { Client, Pool } from "pg";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { Logger } from "drizzle-orm/logger";
import * as schema from "../db/schema";
import type { Database } from "../db/types";
import { migrateDatabase } from "../db/migrate";

export type Target = "pg" | "pglite";
export type RecordedQuery = { sql: string; params: unknown[] };

export type BenchDatabase = {
  target: Target;
  name: string;
  db: Database;
  /** Runs `fn` and returns the SQL statements the Drizzle handle sent meanwhile. */
  record(fn: () => Promise<unknown>): Promise<RecordedQuery[]>;
  /** A raw statement with $n parameters (for EXPLAIN, ANALYZE and the baseline). */
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
};

class Recorder implements Logger {
  recording: RecordedQuery[] | null = null;
  logQuery(sql: string, params: unknown[]) {
    this.recording?.push({ sql, params });
  }
}

async function withRecorder(recorder: Recorder, fn: () => Promise<unknown>) {
  recorder.recording = [];
  try {
    await fn();
    return recorder.recording;
  } finally {
    recorder.recording = null;
  }
}

export async function openBenchDatabase(target: Target, serverUrl: string | undefined): Promise<BenchDatabase> {
  const recorder = new Recorder();
  if (target === "pglite") {
    const pglite = await PGlite.create({ extensions: { pg_trgm } });
    const db = drizzlePglite(pglite, { schema, logger: recorder }) as unknown as Database;
    await migrateDatabase(db, "pglite");
    return {
      target,
      name: "in-memory PGlite",
      db,
      record: (fn) => withRecorder(recorder, fn),
      query: async (sql, params = []) => (await pglite.query<Record<string, unknown>>(sql, params)).rows,
      close: () => pglite.close(),
    };
  }
  if (!serverUrl) throw new Error("--target pg needs DATABASE_URL");
  const name = `sourcemark_bench_${randomBytes(5).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const drop = async () => {
    const cleaner = new Client({ connectionString: serverUrl });
    await cleaner.connect();
    await cleaner.query(`drop database if exists "${name}" with (force)`);
    await cleaner.end();
  };
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new Pool({ connectionString: url.toString(), max: 5 });
  // Dropping the database ends connections in use too; their errors reach the queries.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  try {
    const db = drizzlePg(pool, { schema, logger: recorder }) as unknown as Database;
    await migrateDatabase(db, "pg");
    const [{ server_version: version }] = (await pool.query("show server_version")).rows;
    return {
      target,
      name: `${name} (PostgreSQL ${version})`,
      db,
      record: (fn) => withRecorder(recorder, fn),
      query: async (sql, params = []) => (await pool.query(sql, params)).rows,
      async close() {
        // Dropped first: `with (force)` also ends this pool's connections, so an interrupted
        // import stops at once instead of running to its end.
        await drop();
        await pool.end().catch(() => {});
      },
    };
  } catch (error) {
    await pool.end().catch(() => {});
    await drop();
    throw error;
  }
}
