import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { Database } from "./types";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

/** Applies pending migrations. Several app instances may start at once: an advisory lock serialises them. */
export async function migrateDatabase(db: Database, driver: "pg" | "pglite"): Promise<void> {
  if (driver === "pglite") {
    await migratePglite(db as unknown as PgliteDatabase<Record<string, never>>, {
      migrationsFolder: MIGRATIONS_FOLDER,
    });
    return;
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727274)`);
    await migratePg(tx as unknown as NodePgDatabase<Record<string, never>>, {
      migrationsFolder: MIGRATIONS_FOLDER,
    });
  });
}
