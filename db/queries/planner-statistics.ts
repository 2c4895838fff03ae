import { sql } from "drizzle-orm";
import type { Database } from "../types";
import { rowsOf } from "../rows";

/** A table is re-analysed once it has grown by this share since its statistics were taken. */
const GROWTH = 0.1;
/** Below this growth (8 kB pages) stale statistics cannot mislead the planner much. */
const MIN_PAGES = 16;

/**
 * Re-analyses those of `tables` that grew by more than a tenth since their last ANALYZE, as
 * autovacuum would. Bulk writes need it: embedded PGlite runs no autovacuum, a server may have
 * it off, and without statistics the article list's search takes a plan that reads every
 * article of the project (seconds at 50,000 articles; bench/import-browse.ts). ANALYZE samples a
 * bounded number of rows, so it costs a few seconds at most. Returns the tables analysed.
 */
export async function analyzeGrownTables(db: Database, tables: readonly string[]): Promise<string[]> {
  const sizes = rowsOf<{ name: string; known: number; now: number }>(
    await db.execute(sql`
      select c.relname as name, c.relpages as known,
             (pg_relation_size(c.oid) / current_setting('block_size')::int)::int as now
      from pg_class c
      where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace
        and c.relname in (${sql.join(tables.map((t) => sql`${t}`), sql`, `)})`),
  );
  const grown = sizes.filter((t) => t.now - t.known > Math.max(MIN_PAGES, t.known * GROWTH)).map((t) => t.name);
  if (grown.length) await db.execute(sql.raw(`analyze ${grown.map((name) => `"${name}"`).join(", ")}`));
  return grown;
}
