import { getDb } from "@/db/client";
import { attributedQuotes, type QuoteLayer } from "@/db/queries/quotes";
import { quoteRecord } from "@/db/queries/quote-records";
import { apiRoute, projectForCaller, queryOf } from "@/app/_server/api";
import { layerForCaller } from "@/app/_server/article-access";
import { ApiError } from "@/lib/api/errors";
import { can } from "@/lib/permissions";
import { writeQuotes } from "@/lib/formats/writers/quotes";
import { quotesQuerySchema } from "@/lib/validation/quotes";

type Params = { slug: string };

/**
 * Every attributed QUOTE and CLAIM of the project with its speaker and cluster, as
 * `sourcemark quotes` prints it. Gold: reviewers and admins; an analyst's layer: its owner too
 * (without gold in it: for an analyst, their own layer alone).
 */
export const GET = apiRoute<Params>(null, async ({ request, user, params }) => {
  const query = queryOf(request, quotesQuerySchema);
  const project = await projectForCaller(user, params.slug);
  const access = await layerForCaller(user, query.layer, "read");
  if (access.kind === "suggestions") throw new ApiError("bad_request", "Quotes come from gold or an analyst's layer, not from suggestions.");
  // Gold stands in for an analyst's layer only for callers who may read gold (blind annotation).
  const layer: QuoteLayer =
    access.kind === "gold" ? { kind: "gold" } : { kind: "analyst", userId: access.userId, goldFirst: can(user.role, "layers.readOthers") };
  const rows = await attributedQuotes(getDb(), project, layer, { speaker: query.actor });
  const body = writeQuotes(rows.map(quoteRecord), query.format);
  return new Response(body, {
    headers: {
      "content-type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${project.slug}-quotes.${query.format}"`,
    },
  });
});
