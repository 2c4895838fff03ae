import { sql } from "drizzle-orm";
import type { Database } from "../types";
import { executePrepared } from "../prepared";
import type { Role } from "../../lib/permissions";

export type ArticleTarget = {
  project: { id: string; slug: string };
  /** Null when the article does not exist or the caller may not see it (analysts: only when assigned). */
  article: { id: string; assignmentStatus: string | null } | null;
  labels: string[];
};

/**
 * What the editor's requests (read a layer, send changes) need to know first, in one round trip: the project if
 * the caller may see it (admins all, others as members), the article if they may see it, their
 * assignment's status and the project's label keys. Null when the project is not theirs to see.
 * The same rules as getProjectForUser and getArticleForViewer, which pages use.
 */
export async function articleTargetFor(db: Database, user: { id: string; role: Role }, slug: string, externalId: string): Promise<ArticleTarget | null> {
  const admin = user.role === "admin";
  const analyst = user.role === "analyst";
  const [row] = await executePrepared<{ project_id: string; slug: string; article_id: string | null; assignment_status: string | null; labels: string[] }>(
    db,
    sql`
    select p.id as project_id, p.slug,
           a.id as article_id, s.status as assignment_status,
           array(select l.key from labels l where l.project_id = p.id) as labels
    from projects p
    left join articles a on a.project_id = p.id and a.external_id = ${externalId}
    left join assignments s on s.article_id = a.id and s.user_id = ${user.id}::uuid
    where p.slug = ${slug}
      and (${admin}::boolean or exists (select 1 from project_members m where m.project_id = p.id and m.user_id = ${user.id}::uuid))
    limit 1`,
  );
  if (!row) return null;
  const visible = row.article_id !== null && (!analyst || row.assignment_status !== null);
  return {
    project: { id: row.project_id, slug: row.slug },
    article: visible ? { id: row.article_id!, assignmentStatus: row.assignment_status } : null,
    labels: row.labels,
  };
}
