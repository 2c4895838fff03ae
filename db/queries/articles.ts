import { and, asc, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "../types";
import { annotations, articles, assignments, users, type Role } from "../schema";
import { ARTICLE_PAGE_SIZE, decodeCursor, encodeCursor, type ArticleFilters } from "../../lib/validation/articles";
import { withoutNul } from "../../lib/validation/nul";

export type Viewer = { id: string; role: Role };

export type ArticleListItem = {
  id: string;
  externalId: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  assignees: { userId: string; email: string; name: string; status: "todo" | "in_progress" | "done" }[];
  labelCounts: Record<string, number>;
};

const ORDER_DATE = sql`coalesce(${articles.publishedAt}, '9999-12-31'::date)`;

/** Analysts see only the articles assigned to them; reviewers and admins see all of the project's. */
function visibleTo(viewer: Viewer): SQL | undefined {
  if (viewer.role !== "analyst") return undefined;
  return sql`exists (select 1 from ${assignments} where ${assignments.articleId} = ${articles.id} and ${assignments.userId} = ${viewer.id})`;
}

/** Whose spans count: an analyst's own layer only (blind annotation), else every analyst layer. */
function countedLayers(viewer: Viewer): SQL {
  return viewer.role === "analyst"
    ? sql`${annotations.layerKind} = 'analyst' and ${annotations.layerUserId} = ${viewer.id}`
    : sql`${annotations.layerKind} = 'analyst'`;
}

export async function searchArticles(
  db: Database,
  viewer: Viewer,
  projectId: string,
  filters: ArticleFilters,
): Promise<{ items: ArticleListItem[]; nextCursor: string | null }> {
  const conditions: (SQL | undefined)[] = [eq(articles.projectId, projectId), visibleTo(viewer)];
  // PostgreSQL cannot hold U+0000 in text, so a NUL in the terms is noise: dropped, not an error.
  const q = filters.q ? withoutNul(filters.q).trim() : "";
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(${articles.title} ilike ${like} or ${articles.outlet} ilike ${like} or ${articles.textWords} @@ plainto_tsquery('simple', ${q}))`,
    );
  }
  const assigneeId = viewer.role === "analyst" ? viewer.id : filters.assignee;
  if (filters.status === "unassigned") {
    conditions.push(sql`not exists (select 1 from ${assignments} where ${assignments.articleId} = ${articles.id})`);
  } else if (filters.status || assigneeId) {
    const byStatus = filters.status ? sql` and ${assignments.status} = ${filters.status}` : sql``;
    const byUser = assigneeId ? sql` and ${assignments.userId} = ${assigneeId}` : sql``;
    conditions.push(
      sql`exists (select 1 from ${assignments} where ${assignments.articleId} = ${articles.id}${byStatus}${byUser})`,
    );
  }
  if (filters.label && (filters.labelMin !== undefined || filters.labelMax !== undefined)) {
    const count = sql`(select count(*) from ${annotations} where ${annotations.articleId} = ${articles.id} and ${annotations.label} = ${filters.label} and ${annotations.deletedAt} is null and ${countedLayers(viewer)})`;
    if (filters.labelMin !== undefined) conditions.push(sql`${count} >= ${filters.labelMin}`);
    if (filters.labelMax !== undefined) conditions.push(sql`${count} <= ${filters.labelMax}`);
  }
  const cursor = decodeCursor(filters.cursor);
  if (cursor) conditions.push(sql`(${ORDER_DATE}, ${articles.externalId}) > (${cursor[0]}::date, ${cursor[1]})`);

  const rows = await db
    .select({
      id: articles.id,
      externalId: articles.externalId,
      title: articles.title,
      outlet: articles.outlet,
      publishedAt: articles.publishedAt,
    })
    .from(articles)
    .where(and(...conditions))
    .orderBy(ORDER_DATE, asc(articles.externalId))
    .limit(ARTICLE_PAGE_SIZE + 1);
  const page = rows.slice(0, ARTICLE_PAGE_SIZE);
  const last = page[page.length - 1];
  const nextCursor = rows.length > ARTICLE_PAGE_SIZE && last ? encodeCursor(last.publishedAt, last.externalId) : null;
  return { items: await withDetails(db, viewer, page), nextCursor };
}

async function withDetails(
  db: Database,
  viewer: Viewer,
  page: Omit<ArticleListItem, "assignees" | "labelCounts">[],
): Promise<ArticleListItem[]> {
  if (page.length === 0) return [];
  const ids = page.map((row) => row.id);
  const [assigned, counts] = await Promise.all([
    db
      .select({
        articleId: assignments.articleId,
        userId: assignments.userId,
        status: assignments.status,
        email: users.email,
        name: users.name,
      })
      .from(assignments)
      .innerJoin(users, eq(users.id, assignments.userId))
      .where(
        and(
          inArray(assignments.articleId, ids),
          viewer.role === "analyst" ? eq(assignments.userId, viewer.id) : undefined,
        ),
      )
      .orderBy(asc(users.email)),
    db
      .select({ articleId: annotations.articleId, label: annotations.label, n: sql<number>`count(*)::int` })
      .from(annotations)
      .where(and(inArray(annotations.articleId, ids), sql`${annotations.deletedAt} is null`, countedLayers(viewer)))
      .groupBy(annotations.articleId, annotations.label),
  ]);
  return page.map((row) => ({
    ...row,
    assignees: assigned
      .filter((a) => a.articleId === row.id)
      .map(({ userId, email, name, status }) => ({ userId, email, name, status })),
    labelCounts: Object.fromEntries(counts.filter((c) => c.articleId === row.id).map((c) => [c.label, c.n])),
  }));
}

// Every column but the stored word vector, which serves search only and is as large as the text.
const { textWords: _searchOnly, ...articleColumns } = getTableColumns(articles);

/** One article of a project if the viewer may see it (analysts: only when assigned), else null. */
export async function getArticleForViewer(db: Database, viewer: Viewer, projectId: string, externalId: string) {
  const [article] = await db
    .select(articleColumns)
    .from(articles)
    .where(and(eq(articles.projectId, projectId), eq(articles.externalId, externalId), visibleTo(viewer)))
    .limit(1);
  return article ?? null;
}

export async function countArticles(db: Database, projectId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(articles).where(eq(articles.projectId, projectId));
  return row.n;
}
