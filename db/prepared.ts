import { createHash } from "node:crypto";
import type { SQL } from "drizzle-orm";
import type { Database } from "./types";
import postgres from "postgres";
import { GroupCommit } from "./group-commit";

/**
 * The hot statements' own connections, beside a node-postgres pool (attachPipeline): postgres.js
 * pipelines the statements of concurrent requests on a few connections (one socket write and one
 * wake-up of the database for several of them) where node-postgres sends one statement and waits
 * for its answer per connection. Under 50 writing sessions on this 2-core machine that took the
 * editor's write path from 632–857 to 1,033–1,095 writes/s, p99 from 88–137 to 74–77 ms
 * (bench/load, alternating runs), with less CPU per request in the app and in PostgreSQL: here a
 * socket write to the database mostly waits while the woken database process runs on its core.
 */
const PIPELINE = Symbol.for("sourcemark.pipeline");

/**
 * Pipelined connections, each its own single-connection postgres.js client, taken in turn. One
 * client of several connections would do the same, but its queue of busy connections (3.4.9,
 * `Queue` in src/queue.js) keeps a hole for each statement while every connection stays busy, and
 * looks the connection up through all of them on the next: under steady load it grew by one slot a
 * statement, 200,000 `select 1` fell from 30,000 to 13,500 a second, and the app would slow down
 * for as long as it ran. A client of one connection empties that queue on every statement.
 */
type PipelinedConnection = { sql: postgres.Sql; commits: GroupCommit };
type Pipeline = { connections: PipelinedConnection[]; next: number };

/**
 * Kept on the pool object itself, not in a module's map: Next.js bundles this module once per
 * server layer, and the editor's routes load it once more (scripts/fast-routes.ts), so a pool
 * made by one copy must carry its pipeline to the others.
 */
const pipelines = {
  get: (pool: object): Pipeline | undefined => (pool as { [PIPELINE]?: Pipeline })[PIPELINE],
  has: (pool: object): boolean => PIPELINE in pool,
  set: (pool: object, pipeline: Pipeline) => void Object.defineProperty(pool, PIPELINE, { value: pipeline, configurable: true }),
  delete: (pool: object) => void delete (pool as { [PIPELINE]?: Pipeline })[PIPELINE],
};

/** JSON parameters arrive serialised already (as node-postgres takes them): sent as they are. */
const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/**
 * Pipelined connections per pool unless DATABASE_PIPELINE_SIZE says otherwise. Fewer connections
 * put more statements in each write, wake-up and group commit: with PostgreSQL on this 2-core
 * machine, one served 1,321–1,383 writes/s at p99 70 ms and 0.33–0.34 ms of its CPU per request,
 * two 1,098–1,189 at p99 81–88 ms and 0.42–0.43 ms, three 1,052–1,120 at p99 93–95 ms and
 * 0.47–0.52 ms (bench/load, alternating runs). One connection runs on one database core: a
 * database with cores to spare may serve more with more.
 */
export const DEFAULT_PIPELINE_SIZE = 1;

export function pipelineSize(env: Record<string, string | undefined> = process.env): number {
  return Number(env.DATABASE_PIPELINE_SIZE ?? DEFAULT_PIPELINE_SIZE);
}

function pipelinedConnection(url: string): PipelinedConnection {
  const sql = postgres(url, {
    max: 1,
    prepare: true,
    idle_timeout: 30,
    connect_timeout: Number(process.env.DATABASE_POOL_WAIT_MS ?? 5_000) / 1000,
    onnotice: () => {},
    types: {
      json: { to: 114, from: [114], serialize: asText, parse: (text: string) => JSON.parse(text) },
      jsonb: { to: 3802, from: [3802], serialize: asText, parse: (text: string) => JSON.parse(text) },
    },
  });
  return { sql, commits: new GroupCommit(sql) };
}

/** Gives `pool` pipelined connections to `url` for executePrepared; ended by closePipeline. */
export function attachPipeline(pool: object, url: string, size = pipelineSize()): void {
  if (pipelines.has(pool) || process.env.SOURCEMARK_PREPARED_STATEMENTS === "0" || !(size > 0)) return;
  pipelines.set(pool, { connections: Array.from({ length: size }, () => pipelinedConnection(url)), next: 0 });
}

export async function closePipeline(pool: object): Promise<void> {
  const pipeline = pipelines.get(pool);
  pipelines.delete(pool);
  await Promise.all(pipeline?.connections.map((connection) => connection.sql.end({ timeout: 5 })) ?? []);
}

function takeTurn(pipeline: Pipeline): PipelinedConnection {
  const connection = pipeline.connections[pipeline.next];
  pipeline.next = (pipeline.next + 1) % pipeline.connections.length;
  return connection;
}

type Dialect = { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
type PoolLike = { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> };

/** Runs one statement and returns its rows. */
export type Run = <Row>(query: SQL) => Promise<Row[]>;

function preparedPool(db: Database): { pool: PoolLike; dialect: Dialect } | null {
  const handle = db as unknown as { $client?: unknown; dialect?: Dialect };
  const pool = handle.$client as PoolLike | undefined;
  const isPool = pool && typeof pool.query === "function" && "totalCount" in (pool as object);
  if (!isPool || !handle.dialect || process.env.SOURCEMARK_PREPARED_STATEMENTS === "0") return null;
  return { pool, dialect: handle.dialect };
}

function named(dialect: Dialect, query: SQL) {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { name: `sm_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`, text, values: params };
}

/**
 * Runs a statement of the write path as a named prepared statement of its connection, so
 * PostgreSQL parses and plans it once per connection rather than on every call: planning cost
 * more than running for these (EXPLAIN: 0.1–0.3 ms against 0.05–0.1 ms). The name is derived from
 * the text, so each distinct statement is prepared once. Through the pool's pipelined connections
 * when it has them (attachPipeline), else through the pool. Only on a pool to a real server: a
 * transaction, PGlite in process, and PGlite served over its socket (which runs every connection
 * on one session, so names would clash between connections) run it as usual.
 */
export async function executePrepared<Row>(db: Database, query: SQL): Promise<Row[]> {
  const pipelined = onPipeline(db, query);
  if (pipelined) {
    return (await pipelined.connection.sql.unsafe(pipelined.text, pipelined.params as postgres.ParameterOrJSON<never>[], { prepare: true })) as unknown as Row[];
  }
  const prepared = preparedPool(db);
  if (prepared) return (await prepared.pool.query(named(prepared.dialect, query))).rows as Row[];
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/**
 * executePrepared for a statement that writes and may run twice (GroupCommit): on the pipelined
 * connections it is committed together with the other writes that arrive during a commit.
 */
export async function executeInGroupCommit<Row>(db: Database, query: SQL): Promise<Row[]> {
  const pipelined = onPipeline(db, query);
  if (!pipelined) return executePrepared(db, query);
  return pipelined.connection.commits.run<Row>(pipelined.text, pipelined.params);
}

/** The statement's text and parameters and the pipelined connection whose turn it is, if the pool has them. */
function onPipeline(db: Database, query: SQL): { connection: PipelinedConnection; text: string; params: unknown[] } | null {
  const prepared = preparedPool(db);
  const pipeline = prepared && pipelines.get(prepared.pool);
  if (!pipeline) return null;
  const { sql: text, params } = prepared.dialect.sqlToQuery(query);
  return { connection: takeTurn(pipeline), text, params };
}
