import { z } from "zod";

export const ACTOR_KIND_VALUES = ["person", "organisation", "state", "other"] as const;

const name = z.string().trim().min(1, { error: "An actor needs a name." }).max(300, { error: "Names are limited to 300 characters." });
const aliases = z.array(z.string().trim().min(1).max(300)).max(200, { error: "At most 200 aliases." });
const externalId = z
  .string()
  .trim()
  .max(200)
  .transform((value) => (value === "" ? null : value))
  .nullable();
const description = z.string().trim().max(2000, { error: "Descriptions are limited to 2,000 characters." });

export const actorInputSchema = z.object({
  name,
  aliases: aliases.optional(),
  kind: z.enum(ACTOR_KIND_VALUES, { error: "Kind is person, organisation, state or other." }),
  externalId: externalId.optional(),
  description: description.optional(),
});
export type ActorInput = z.output<typeof actorInputSchema>;

export const actorPatchSchema = actorInputSchema.partial();
export type ActorPatch = z.output<typeof actorPatchSchema>;

export const actorMergeSchema = z.object({
  loserId: z.uuid({ error: "Choose the actor to merge." }),
  survivorId: z.uuid({ error: "Choose the actor to keep." }),
});

/** `GET /api/v1/projects/{slug}/actors?q=&limit=` */
export const actorSearchQuerySchema = z.object({
  q: z.string().trim().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** Aliases typed one a line (or comma-separated) in the register's form. */
export function parseAliasList(value: string): string[] {
  return value
    .split(/[\n,;]/)
    .map((alias) => alias.trim())
    .filter(Boolean);
}

/** `POST …/articles/{id}/suggestions/dismissals` */
export const dismissalSchema = z.object({
  key: z
    .string()
    .max(200)
    .regex(/^(builtin:[A-Z][A-Z0-9_]*:\d+:\d+|model:[0-9a-f-]{36})$/, { error: "Unknown suggestion key." }),
});

/** `GET /api/v1/projects/{slug}/actors/{actor}/quotes?format=` */
export const actorQuotesQuerySchema = z.object({
  format: z.enum(["csv", "json"], { error: "format is csv or json." }).default("json"),
});
