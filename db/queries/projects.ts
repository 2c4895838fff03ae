import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../types";
import { labels, projectMembers, projects, type Project, type Role } from "../schema";
import { DEFAULT_LABELS, type LabelDefinition } from "../../lib/labels";

export async function createProject(
  db: Database,
  input: {
    name: string;
    slug: string;
    description?: string;
    guidelines?: string;
    overlap?: number;
    labels?: LabelDefinition[];
    createdBy?: string | null;
  },
): Promise<Project> {
  return db.transaction(async (tx) => {
    const [project] = await tx
      .insert(projects)
      .values({
        name: input.name,
        slug: input.slug,
        description: input.description ?? "",
        guidelines: input.guidelines ?? "",
        overlap: input.overlap ?? 2,
        createdBy: input.createdBy ?? null,
      })
      .returning();
    const labelSet = input.labels ?? DEFAULT_LABELS;
    await tx.insert(labels).values(
      labelSet.map((label, position) => ({ ...label, projectId: project.id, position })),
    );
    return project;
  });
}

export async function addProjectMembers(db: Database, projectId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insert(projectMembers)
    .values(userIds.map((userId) => ({ projectId, userId })))
    .onConflictDoNothing();
}

export type ProjectSummary = Pick<Project, "id" | "name" | "slug" | "description"> & { articleCount: number };

/** Projects the user may see: all for admins, memberships for everyone else. */
export async function listProjectsForUser(
  db: Database,
  user: { id: string; role: Role },
): Promise<ProjectSummary[]> {
  const articleCount = sql<number>`(select count(*)::int from articles a where a.project_id = ${projects.id})`;
  const columns = {
    id: projects.id,
    name: projects.name,
    slug: projects.slug,
    description: projects.description,
    articleCount,
  };
  if (user.role === "admin") return db.select(columns).from(projects).orderBy(asc(projects.name));
  return db
    .select(columns)
    .from(projects)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, user.id)))
    .orderBy(asc(projects.name));
}

/** The project if the user may see it, else null (callers answer 404, not 403, for unknown projects). */
export async function getProjectForUser(
  db: Database,
  user: { id: string; role: Role },
  slug: string,
): Promise<Project | null> {
  const [project] = await db.select().from(projects).where(eq(projects.slug, slug)).limit(1);
  if (!project) return null;
  if (user.role === "admin") return project;
  const [membership] = await db
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, project.id), eq(projectMembers.userId, user.id)))
    .limit(1);
  return membership ? project : null;
}

export function listProjectLabels(db: Database, projectIds: string[]) {
  return db.select().from(labels).where(inArray(labels.projectId, projectIds)).orderBy(asc(labels.position));
}
