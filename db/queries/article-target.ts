import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../types";
import { executePrepared } from "../prepared";
import type { Role } from "../../lib/permissions";
import { SESSION_USER_COLUMNS, sessionUserOf, type SessionUser, type SessionUserRow } from "./users";

export type ArticleTarget = {
  project: { id: string; slug: string };
  /** Null when the article does not exist or the caller may not see it (analysts: only when assigned). */
  article: { id: string; assignmentStatus: string | null } | null;
  labels: string[];
};

type TargetRow = { project_id: string | null; slug: string | null; article_id: string | null; assignment_status: string | null; labels: string[] | null };

/**
 * The project named by its slug if the user `u` (a row with id and role) may see it (admins all,
 * others as members), its article by external id, the user's assignment of it and the project's
 * label keys: the same rules as getProjectForUser and getArticleForViewer, which pages use.
 */
function targetOf(slug: string, externalId: string): SQL {
  return sql`left join lateral (
      select p.id as project_id, p.slug, a.id as article_id, s.status as assignment_status,
             array(select l.key from labels l where l.project_id = p.id) as labels
      from projects p
      left join articles a on a.project_id = p.id and a.external_id = ${externalId}
      left join assignments s on s.article_id = a.id and s.user_id = u.id
      where p.slug = ${slug}
        and (u.role = 'admin' or exists (select 1 from project_members m where m.project_id = p.id and m.user_id = u.id))
      limit 1
    ) t on true`;
}

function targetFrom(row: TargetRow, role: Role): ArticleTarget | null {
  if (!row.project_id) return null;
  const visible = row.article_id !== null && (role !== "analyst" || row.assignment_status !== null);
  return {
    project: { id: row.project_id, slug: row.slug! },
    article: visible ? { id: row.article_id!, assignmentStatus: row.assignment_status } : null,
    labels: row.labels ?? [],
  };
}

/**
 * What the editor's requests (read a layer, send changes) need to know first, in one round trip.
 * Null when the project is not the user's to see.
 */
export async function articleTargetFor(db: Database, user: { id: string; role: Role }, slug: string, externalId: string): Promise<ArticleTarget | null> {
  const [row] = await executePrepared<TargetRow>(
    db,
    sql`select t.* from (select ${user.id}::uuid as id, ${user.role}::text as role) u ${targetOf(slug, externalId)}`,
  );
  return row ? targetFrom(row, user.role) : null;
}

/**
 * A session's user (to be checked against the session) together with the article target, in one
 * round trip: what a signed-in editor's request costs before its own work.
 */
export async function sessionUserWithArticleTarget(
  db: Database,
  userId: string,
  slug: string,
  externalId: string,
): Promise<{ user: SessionUser; target: ArticleTarget | null } | null> {
  const [row] = await executePrepared<TargetRow & SessionUserRow>(
    db,
    sql`select ${SESSION_USER_COLUMNS}, t.* from users u ${targetOf(slug, externalId)} where u.id = ${userId}::uuid`,
  );
  if (!row) return null;
  return { user: sessionUserOf(row), target: targetFrom(row, row.role) };
}
