import { getDb } from "@/db/client";
import { getArticleForViewer } from "@/db/queries/articles";
import { apiRoute, projectForCaller } from "@/app/_server/api";
import { ApiError } from "@/lib/api/errors";

export const GET = apiRoute<{ slug: string; id: string }>(null, async ({ user, params }) => {
  const project = await projectForCaller(user, params.slug);
  const article = await getArticleForViewer(getDb(), user, project.id, params.id);
  if (!article) throw new ApiError("not_found", `No article "${params.id}" in project "${project.slug}".`);
  return {
    id: article.externalId,
    title: article.title,
    outlet: article.outlet,
    url: article.url,
    published_at: article.publishedAt,
    meta: article.metadata,
    text: article.text,
    version: article.version,
  };
});
