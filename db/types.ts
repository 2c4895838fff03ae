import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

/** Fits the node-postgres database, the PGlite database and a transaction of either. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
