import { z } from "zod";
import { getDb } from "@/db/client";
import { actorAttributions, getActor } from "@/db/queries/actors";
import { apiRoute, projectForCaller } from "@/app/_server/api";
import { ApiError } from "@/lib/api/errors";
import { quotesCsv, quotesFileName } from "@/lib/actors/quotes-csv";
import { layerName } from "@/lib/actors/layer-name";
import { contentDisposition } from "@/lib/export-request";
import { actorQuotesQuerySchema } from "@/lib/validation/actors";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/projects/{slug}/actors/{actor}/quotes[?format=csv]`: every QUOTE and CLAIM
 * attributed to the actor across the project, in the layers the caller may read (an analyst:
 * their own), with article, outlet, date and context.
 */
export const GET = apiRoute<{ slug: string; actor: string }>(null, async ({ request, user, params }) => {
  const parsed = actorQuotesQuerySchema.safeParse({ format: request.nextUrl.searchParams.get("format") ?? undefined });
  if (!parsed.success) throw new ApiError("bad_request", parsed.error.issues[0]?.message ?? "Bad query.");
  if (!z.uuid().safeParse(params.actor).success) throw new ApiError("not_found", "No such actor.");
  const project = await projectForCaller(user, params.slug);
  const db = getDb();
  const actor = await getActor(db, project.id, params.actor);
  if (!actor) throw new ApiError("not_found", "No such actor in this project.");
  const quotes = (await actorAttributions(db, project.id, actor.id, user)).map((q) => ({ ...q, layer: layerName(q.layer) }));
  if (parsed.data.format === "csv") {
    return new Response(quotesCsv(actor.name, quotes), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": contentDisposition(quotesFileName(project.slug, actor.name)),
        "cache-control": "no-store",
      },
    });
  }
  return {
    actor: { id: actor.id, name: actor.name },
    quotes: quotes.map((q) => ({
      article: q.article.externalId,
      title: q.article.title,
      outlet: q.article.outlet,
      published_at: q.article.publishedAt,
      layer: q.layer,
      label: q.label,
      start: q.start,
      end: q.end,
      text: q.text,
      speaker_text: q.speakerText,
      context_before: q.before,
      context_after: q.after,
    })),
  };
});
