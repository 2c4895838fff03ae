import { getDb } from "@/db/client";
import { searchArticles } from "@/db/queries/articles";
import { apiRoute, projectForCaller } from "@/app/_server/api";
import { articleFiltersSchema } from "@/lib/validation/articles";

export const GET = apiRoute<{ slug: string }>(null, async ({ request, user, params }) => {
  const project = await projectForCaller(user, params.slug);
  const filters = articleFiltersSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const page = await searchArticles(getDb(), user, project.id, filters);
  return {
    articles: page.items.map((article) => ({
      id: article.externalId,
      title: article.title,
      outlet: article.outlet,
      published_at: article.publishedAt,
      assignees: article.assignees.map((a) => ({ email: a.email, status: a.status })),
      label_counts: article.labelCounts,
    })),
    next_cursor: page.nextCursor,
  };
});
