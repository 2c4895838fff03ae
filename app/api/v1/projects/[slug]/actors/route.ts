import { getDb } from "@/db/client";
import { listActors, searchActors } from "@/db/queries/actors";
import { apiRoute, projectForCaller } from "@/app/_server/api";
import { ApiError } from "@/lib/api/errors";
import { actorSearchQuerySchema } from "@/lib/validation/actors";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/projects/{slug}/actors[?q=&limit=]`: the project's register of canonical actors
 * (by name, with how many spans link each), or with `q` the actors ranked by fuzzy match of
 * their names and aliases against `q`, each with a `score` between 0 and 1.
 */
export const GET = apiRoute<{ slug: string }>(null, async ({ request, user, params }) => {
  const query = request.nextUrl.searchParams;
  const parsed = actorSearchQuerySchema.safeParse({ q: query.get("q") ?? undefined, limit: query.get("limit") ?? undefined });
  if (!parsed.success) {
    throw new ApiError("bad_request", "The query is not valid.", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  }
  const project = await projectForCaller(user, params.slug);
  const db = getDb();
  const { q, limit } = parsed.data;
  if (q) {
    const matches = await searchActors(db, project.id, q, limit ?? 10);
    return { actors: matches.map((actor) => ({ id: actor.id, name: actor.name, aliases: actor.aliases, kind: actor.kind, external_id: actor.externalId, description: actor.description || null, score: actor.score })) };
  }
  const register = await listActors(db, project.id, user, limit ?? 1000);
  return {
    actors: register.map((actor) => ({ id: actor.id, name: actor.name, aliases: actor.aliases, kind: actor.kind, external_id: actor.externalId, description: actor.description || null, mentions: actor.mentions })),
  };
});
