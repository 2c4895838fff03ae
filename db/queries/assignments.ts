import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../types";
import { articles, assignments, projectMembers, projects } from "../schema";

export type QueueItem = {
  projectSlug: string;
  projectName: string;
  externalId: string;
  title: string;
  outlet: string | null;
  status: "todo" | "in_progress" | "done";
};

const STATUS_ORDER = sql`case ${assignments.status} when 'in_progress' then 0 when 'todo' then 1 else 2 end`;

/** The user's own assignments in projects they still belong to: in progress first, then to do, then done. */
export function listQueue(db: Database, userId: string): Promise<QueueItem[]> {
  return db
    .select({
      projectSlug: projects.slug,
      projectName: projects.name,
      externalId: articles.externalId,
      title: articles.title,
      outlet: articles.outlet,
      status: assignments.status,
    })
    .from(assignments)
    .innerJoin(articles, eq(articles.id, assignments.articleId))
    .innerJoin(projects, eq(projects.id, articles.projectId))
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, userId)))
    .where(eq(assignments.userId, userId))
    .orderBy(STATUS_ORDER, asc(projects.name), asc(articles.createdAt), asc(articles.externalId));
}
