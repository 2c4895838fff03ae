import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../types";
import { executePrepared } from "../prepared";
import type { Role } from "../../lib/permissions";
import { SESSION_USER_COLUMNS, sessionUserOf, type SessionUser, type SessionUserRow } from "./users";
import type { ChangeStatement } from "./apply-changes-fast";

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
 * A change written in the same statement as the request's checks (the editor's usual write, one
 * round trip instead of two): it is written only when the row it returns passes every check the
 * caller then makes in code (sessionUser, the route's permission, articleTargetForCaller, the
 * caller's own layer, the project's labels), so a refused request writes nothing.
 */
export type GuardedChange = {
  statement: ChangeStatement;
  /** The session's epoch: a reset password or a disabled user ends it. */
  sessionEpoch: number;
  /** The roles the route's permission allows. */
  roles: readonly Role[];
};

type SessionTarget = { user: SessionUser; target: ArticleTarget | null; applied: unknown | null };

/**
 * A session's user (to be checked against the session) together with the article target, in one
 * round trip: what a signed-in editor's request costs before its own work. With `guarded`, that
 * change is written in the same statement when the checks hold (`applied` is then its answer;
 * null when nothing was written and the full path must take it).
 */
export async function sessionUserWithArticleTarget(
  db: Database,
  userId: string,
  slug: string,
  externalId: string,
  guarded?: GuardedChange,
): Promise<SessionTarget | null> {
  const query = guarded
    ? sql`with u as (select ${SESSION_USER_COLUMNS} from users u where u.id = ${userId}::uuid),
          ut as (select u.*, t.* from u ${targetOf(slug, externalId)}),
          g as (
            select ut.article_id, ut.project_id from ut
            where not ut.disabled and ut.session_epoch = ${guarded.sessionEpoch}::int
              and ut.role = any(string_to_array(${guarded.roles.join(",")}::text, ','))
              and ut.article_id is not null and (ut.role <> 'analyst' or ut.assignment_status is not null)
              and (${guarded.statement.label}::text is null or ${guarded.statement.label}::text = any(ut.labels))
          ), ${guarded.statement.ctes}
          select ut.*, (select result from answer) as applied from ut`
    : sql`select ${SESSION_USER_COLUMNS}, t.*, null::jsonb as applied from users u ${targetOf(slug, externalId)} where u.id = ${userId}::uuid`;
  const [row] = await executePrepared<TargetRow & SessionUserRow & { applied: unknown | null }>(db, query);
  if (!row) return null;
  return { user: sessionUserOf(row), target: targetFrom(row, row.role), applied: row.applied };
}
