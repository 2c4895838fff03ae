import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../types";
import { articles, assignments, projectMembers, projects, users } from "../schema";
import { planAssignments } from "../../lib/assignment";
import { analyzeGrownTables } from "./planner-statistics";

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

export class AssignmentError extends Error {}

/**
 * Tops every article of the project up to `overlap` distinct analysts, balancing the load.
 * Analysts: the given ids, else every analyst member of the project. One transaction.
 */
export async function assignProject(
  db: Database,
  projectId: string,
  options: { overlap: number; analystIds?: string[] },
): Promise<{ created: number; articles: number; analysts: number; loads: Record<string, number> }> {
  const result = await db.transaction(async (tx) => {
    // Serialise concurrent runs for one project so two admins cannot double-assign.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${projectId}))`);
    const analystIds =
      options.analystIds ??
      (
        await tx
          .select({ id: users.id })
          .from(projectMembers)
          .innerJoin(users, eq(users.id, projectMembers.userId))
          .where(and(eq(projectMembers.projectId, projectId), eq(users.role, "analyst"), eq(users.disabled, false)))
          .orderBy(asc(users.email))
      ).map((row) => row.id);
    const articleRows = await tx
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.projectId, projectId))
      .orderBy(asc(articles.createdAt), asc(articles.externalId));
    const existing = await tx
      .select({ articleId: assignments.articleId, analystId: assignments.userId })
      .from(assignments)
      .innerJoin(articles, eq(articles.id, assignments.articleId))
      .where(eq(articles.projectId, projectId));
    const plan = planAssignments({
      articleIds: articleRows.map((row) => row.id),
      analystIds,
      overlap: options.overlap,
      existing,
    });
    if (!plan.ok) throw new AssignmentError(plan.message);
    for (let i = 0; i < plan.assignments.length; i += 1000) {
      const batch = plan.assignments.slice(i, i + 1000);
      await tx
        .insert(assignments)
        .values(batch.map((a) => ({ articleId: a.articleId, userId: a.analystId })))
        .onConflictDoNothing();
    }
    const loads: Record<string, number> = Object.fromEntries(analystIds.map((id) => [id, 0]));
    for (const a of [...existing, ...plan.assignments]) if (a.analystId in loads) loads[a.analystId]++;
    return { created: plan.assignments.length, articles: articleRows.length, analysts: analystIds.length, loads };
  });
  // An analyst's article list is planned from these statistics (see analyzeGrownTables).
  if (result.created > 0) await analyzeGrownTables(db, ["assignments"]);
  return result;
}

/** Moves the user's assignment (the first time they open or save) to in progress, or to done. */
export async function setAssignmentStatus(
  db: Database,
  articleId: string,
  userId: string,
  status: "todo" | "in_progress" | "done",
): Promise<boolean> {
  const updated = await db
    .update(assignments)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(assignments.articleId, articleId), eq(assignments.userId, userId)))
    .returning({ articleId: assignments.articleId });
  return updated.length > 0;
}

/** Analyst members of a project (the people articles are assigned to). */
export function listProjectAnalysts(db: Database, projectId: string) {
  return db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, projectId), eq(users.role, "analyst")))
    .orderBy(asc(users.email));
}

/** The first save moves an assignment from to do to in progress. */
export async function setAssignmentStatusIfTodo(db: Database, articleId: string, userId: string): Promise<void> {
  await db
    .update(assignments)
    .set({ status: "in_progress", updatedAt: new Date() })
    .where(and(eq(assignments.articleId, articleId), eq(assignments.userId, userId), eq(assignments.status, "todo")));
}

export async function myAssignmentStatus(db: Database, articleId: string, userId: string) {
  const [row] = await db
    .select({ status: assignments.status })
    .from(assignments)
    .where(and(eq(assignments.articleId, articleId), eq(assignments.userId, userId)));
  return row?.status ?? null;
}
