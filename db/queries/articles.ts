import { asc, eq } from "drizzle-orm";
import type { Database } from "../types";
import { articles } from "../schema";

export type ArticleListItem = {
  id: string;
  externalId: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
};

export function listArticles(db: Database, projectId: string): Promise<ArticleListItem[]> {
  return db
    .select({
      id: articles.id,
      externalId: articles.externalId,
      title: articles.title,
      outlet: articles.outlet,
      publishedAt: articles.publishedAt,
    })
    .from(articles)
    .where(eq(articles.projectId, projectId))
    .orderBy(asc(articles.publishedAt), asc(articles.externalId))
    .limit(200);
}
