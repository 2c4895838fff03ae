import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import * as schema from "./schema";
import type { Database } from "./types";
import { acquireLock } from "./data-lock";

export function resolveDataDir(): string {
  return path.resolve(process.env.SOURCEMARK_DATA_DIR || ".data");
}

export type EmbeddedDatabase = {
  pglite: PGlite;
  db: Database;
  dataDir: string;
  setServedPort(port: number | null): void;
  close(): Promise<void>;
};

/** Opens the embedded database in `dataDir` (holding its lock), or in memory when dataDir is null. */
export async function openEmbedded(dataDir: string | null): Promise<EmbeddedDatabase> {
  const lock = dataDir ? acquireLock(dataDir) : null;
  try {
    const pglite = await PGlite.create({
      dataDir: dataDir ? path.join(dataDir, "pgdata") : undefined,
      extensions: { pg_trgm },
    });
    const db = drizzle(pglite, { schema }) as unknown as Database;
    return {
      pglite,
      db,
      dataDir: dataDir ?? ":memory:",
      setServedPort: (port) => lock?.update(port),
      async close() {
        try {
          await pglite.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
