import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../types";
import { settings } from "../schema";

/**
 * Returns the named secret, creating it on first use. Kept in the database (not a file)
 * so that several app instances against one PostgreSQL share it.
 */
export async function getOrCreateSecret(db: Database, key: string): Promise<string> {
  await db
    .insert(settings)
    .values({ key, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row.value;
}
