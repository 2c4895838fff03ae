/**
 * The actor register (a project's canonical entities) as CSV and as JSONL.
 * CSV columns: name, aliases (joined with " | "), kind, external_id,
 * description. JSONL: one {"name", "aliases", "kind", "external_id",
 * "description"} a line, aliases as a list.
 */
import type { ActorRecord } from "../model";
import type { Source } from "../stream";
import { csvRow } from "./csv";

export const ACTORS_CSV_COLUMNS = ["name", "aliases", "kind", "external_id", "description"] as const;
export const ALIAS_SEPARATOR = " | ";

export function actorJsonLine(actor: ActorRecord): string {
  const { name, aliases, kind, external_id, description } = actor;
  return JSON.stringify({ name, aliases, kind, external_id, description });
}

export async function* writeActorsJsonl(actors: Source<ActorRecord>): AsyncGenerator<string> {
  for await (const actor of actors) yield actorJsonLine(actor) + "\n";
}

export async function* writeActorsCsv(actors: Source<ActorRecord>, options: { bom?: boolean } = {}): AsyncGenerator<string> {
  yield (options.bom ? "\uFEFF" : "") + csvRow([...ACTORS_CSV_COLUMNS]);
  for await (const actor of actors) {
    yield csvRow([actor.name, actor.aliases.join(ALIAS_SEPARATOR), actor.kind, actor.external_id, actor.description]);
  }
}
