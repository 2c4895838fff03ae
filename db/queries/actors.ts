import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../types";
import { actors } from "../schema";
import type { ActorRecord } from "../../lib/formats";

/**
 * A project's actor register for export: canonical actors only (merged ones live on as their
 * survivor's aliases), ordered by name.
 */
export async function listActorRegister(db: Database, projectId: string): Promise<ActorRecord[]> {
  const rows = await db
    .select({
      name: actors.name,
      aliases: actors.aliases,
      kind: actors.kind,
      externalId: actors.externalId,
      description: actors.description,
    })
    .from(actors)
    .where(and(eq(actors.projectId, projectId), isNull(actors.mergedIntoId)))
    .orderBy(asc(actors.name), asc(actors.id));
  return rows.map((row) => ({
    name: row.name,
    aliases: row.aliases,
    kind: row.kind,
    external_id: row.externalId,
    description: row.description === "" ? null : row.description,
  }));
}
