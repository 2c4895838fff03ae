import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../types";
import { isUniqueViolation } from "../errors";
import { labels, projectMembers, projects, type Project, type Role } from "../schema";
import { DEFAULT_LABELS, type LabelDefinition } from "../../lib/labels";

export class DuplicateSlugError extends Error {
  constructor(readonly slug: string) {
    super(`Another project already uses the slug "${slug}". Choose another.`);
  }
}

export type ProjectFields = {
  name: string;
  slug: string;
  description?: string;
  guidelines?: string;
  overlap?: number;
};

export async function createProject(
  db: Database,
  input: ProjectFields & { labels?: LabelDefinition[]; createdBy?: string | null },
): Promise<Project> {
  try {
    return await db.transaction(async (tx) => {
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
        labelSet.map(({ key, name, colour, hotkey, description }, position) => ({
          key,
          name,
          colour,
          hotkey,
          description,
          projectId: project.id,
          position,
        })),
      );
      return project;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateSlugError(input.slug);
    throw error;
  }
}

/** Changes name, slug, description, guidelines or overlap; null when the project is gone. */
export async function updateProject(
  db: Database,
  projectId: string,
  changes: Partial<ProjectFields>,
): Promise<Project | null> {
  try {
    const [project] = await db
      .update(projects)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(projects.id, projectId))
      .returning();
    return project ?? null;
  } catch (error) {
    if (isUniqueViolation(error) && changes.slug) throw new DuplicateSlugError(changes.slug);
    throw error;
  }
}

export async function getProjectBySlug(db: Database, slug: string): Promise<Project | null> {
  const [project] = await db.select().from(projects).where(eq(projects.slug, slug)).limit(1);
  return project ?? null;
}

export async function getProjectById(db: Database, projectId: string): Promise<Project | null> {
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId)).limit(1);
  return project ?? null;
}

export type ProjectSummary = Pick<Project, "id" | "name" | "slug" | "description"> & { articleCount: number };

// Drizzle leaves columns unqualified when one table is selected, and an unqualified "id" inside
// these subqueries would be the inner table's: name the outer column in full.
const summaryColumns = {
  id: projects.id,
  name: projects.name,
  slug: projects.slug,
  description: projects.description,
  articleCount: sql<number>`(select count(*)::int from articles a where a.project_id = "projects"."id")`,
};

/** Projects the user may see: all for admins, memberships for everyone else. */
export async function listProjectsForUser(
  db: Database,
  user: { id: string; role: Role },
): Promise<ProjectSummary[]> {
  if (user.role === "admin") return db.select(summaryColumns).from(projects).orderBy(asc(projects.name));
  return db
    .select(summaryColumns)
    .from(projects)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, user.id)))
    .orderBy(asc(projects.name));
}

/** Every project with its overlap and member count, for the command line (which acts as an admin). */
export function listAllProjects(db: Database): Promise<(ProjectSummary & { overlap: number; memberCount: number })[]> {
  return db
    .select({
      ...summaryColumns,
      overlap: projects.overlap,
      memberCount: sql<number>`(select count(*)::int from project_members m where m.project_id = "projects"."id")`,
    })
    .from(projects)
    .orderBy(asc(projects.slug));
}

/** The project if the user may see it, else null (callers answer 404, not 403, for unknown projects). */
export async function getProjectForUser(
  db: Database,
  user: { id: string; role: Role },
  slug: string,
): Promise<Project | null> {
  const project = await getProjectBySlug(db, slug);
  if (!project) return null;
  if (user.role === "admin") return project;
  return (await isProjectMember(db, project.id, user.id)) ? project : null;
}

export async function isProjectMember(db: Database, projectId: string, userId: string): Promise<boolean> {
  const [membership] = await db
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
    .limit(1);
  return Boolean(membership);
}

export { addProjectMember, addProjectMembers, listProjectMembers, listUsersOutsideProject, removeProjectMember, setProjectMembers } from "./project-members";
export { LabelInUseError, listLabelsWithUsage, listProjectLabels, replaceLabels, UnknownLabelError } from "./project-labels";
