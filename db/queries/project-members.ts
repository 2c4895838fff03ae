import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import type { Database } from "../types";
import { projectMembers, users, type Role } from "../schema";

export type ProjectMember = { id: string; email: string; name: string; role: Role; disabled: boolean; addedAt: Date };

export function listProjectMembers(db: Database, projectId: string): Promise<ProjectMember[]> {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      addedAt: projectMembers.addedAt,
    })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(asc(users.name), asc(users.email));
}

/** Users who are not members of the project (the candidates to add). */
export function listUsersOutsideProject(
  db: Database,
  projectId: string,
): Promise<Omit<ProjectMember, "addedAt">[]> {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled })
    .from(users)
    .where(
      sql`not exists (select 1 from ${projectMembers} m where m.project_id = ${projectId} and m.user_id = ${users.id})`,
    )
    .orderBy(asc(users.name), asc(users.email));
}

/** Adds the users; those already members stay as they are. */
export async function addProjectMembers(db: Database, projectId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insert(projectMembers)
    .values(userIds.map((userId) => ({ projectId, userId })))
    .onConflictDoNothing();
}

/** True when the user was added, false when they were a member already. */
export async function addProjectMember(db: Database, projectId: string, userId: string): Promise<boolean> {
  const added = await db
    .insert(projectMembers)
    .values({ projectId, userId })
    .onConflictDoNothing()
    .returning({ userId: projectMembers.userId });
  return added.length > 0;
}

/** True when the user was a member. Their assignments and annotations stay (and return if they are re-added). */
export async function removeProjectMember(db: Database, projectId: string, userId: string): Promise<boolean> {
  const removed = await db
    .delete(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
    .returning({ userId: projectMembers.userId });
  return removed.length > 0;
}

/** Makes the members exactly these users, in one transaction. */
export async function setProjectMembers(db: Database, projectId: string, userIds: string[]): Promise<void> {
  const wanted = [...new Set(userIds)];
  await db.transaction(async (tx) => {
    await tx
      .delete(projectMembers)
      .where(
        wanted.length === 0
          ? eq(projectMembers.projectId, projectId)
          : and(eq(projectMembers.projectId, projectId), notInArray(projectMembers.userId, wanted)),
      );
    await addProjectMembers(tx, projectId, wanted);
  });
}
