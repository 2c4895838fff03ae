import { sql } from "drizzle-orm";
import type { Database } from "../types";
import { rowsOf } from "../rows";
import { listProjectLabels } from "./project-labels";
import { articleDisagreementScore, type AgreementSpan } from "../../lib/agreement";
import { byDisagreement, projectFeedback, type AnalystFeedback } from "../../lib/review";

export type ReviewQueueItem = {
  externalId: string;
  title: string;
  outlet: string | null;
  analysts: string[];
  /** 1 − mean pairwise exact F1 over labels (lib/agreement), null when nobody marked anything. */
  disagreement: number | null;
  goldSpans: number;
  decided: number;
};

/**
 * The articles ready for review (every assigned analyst marked it done), most disagreement
 * first. Two queries: the ready articles with their analysts and gold counts, then the analysts'
 * spans of those articles as one JSON value per article.
 */
export async function listReviewQueue(db: Database, projectId: string): Promise<ReviewQueueItem[]> {
  const ready = rowsOf<{ id: string; external_id: string; title: string; outlet: string | null; analysts: string[]; user_ids: string[]; gold: number; decided: number }>(
    await db.execute(sql`
      select ar.id, ar.external_id, ar.title, ar.outlet,
        array_agg(u.email order by u.email) as analysts, array_agg(u.id::text order by u.email) as user_ids,
        (select count(*)::int from annotations g where g.article_id = ar.id and g.layer_kind = 'gold' and g.deleted_at is null) as gold,
        (select count(*)::int from review_decisions d where d.article_id = ar.id and d.undone_at is null) as decided
      from articles ar
      join assignments s on s.article_id = ar.id
      join users u on u.id = s.user_id
      where ar.project_id = ${projectId}
      group by ar.id
      having bool_and(s.status = 'done')`),
  );
  if (ready.length === 0) return [];
  const labels = (await listProjectLabels(db, [projectId])).map((label) => label.key);
  const list = sql.join(ready.map((row) => sql`${row.id}::uuid`), sql`, `);
  const spanRows = rowsOf<{ id: string; spans: string | null }>(
    await db.execute(sql`
      select ar.id,
        (select json_agg(json_build_array(a.layer_user_id, a.label, a.start, a."end"))::text from annotations a
          where a.article_id = ar.id and a.layer_kind = 'analyst' and a.deleted_at is null) as spans
      from articles ar where ar.id in (${list})`),
  );
  const spansOf = new Map(spanRows.map((row) => [row.id, row.spans ? (JSON.parse(row.spans) as [string, string, number, number][]) : []]));
  const items = ready.map((row) => {
    const layers: Record<string, AgreementSpan[]> = {};
    row.user_ids.forEach((userId, i) => {
      layers[row.analysts[i]] = (spansOf.get(row.id) ?? []).filter(([owner]) => owner === userId).map(([, label, start, end]) => ({ label, start, end }));
    });
    return {
      externalId: row.external_id,
      title: row.title,
      outlet: row.outlet,
      analysts: row.analysts,
      disagreement: articleDisagreementScore({ externalId: row.external_id, text: "", layers }, labels),
      goldSpans: row.gold,
      decided: row.decided,
    };
  });
  return items.sort(byDisagreement);
}

/**
 * Each analyst against gold over the project's articles that have gold (lib/review
 * projectFeedback), for the review page. An analyst counts on an article they annotated: their
 * assignment there is done, or their layer has a span. One query.
 */
export async function loadProjectFeedback(db: Database, projectId: string): Promise<{ articles: number; feedback: AnalystFeedback[] }> {
  const rows = rowsOf<{ gold: string; spans: string | null; done: string | null }>(
    await db.execute(sql`
      select
        (select json_agg(json_build_array(g.label, g.start, g."end"))::text from annotations g
          where g.article_id = ar.id and g.layer_kind = 'gold' and g.deleted_at is null) as gold,
        (select json_agg(json_build_array(u.email, a.label, a.start, a."end"))::text from annotations a join users u on u.id = a.layer_user_id
          where a.article_id = ar.id and a.layer_kind = 'analyst' and a.deleted_at is null) as spans,
        (select json_agg(u.email)::text from assignments s join users u on u.id = s.user_id
          where s.article_id = ar.id and s.status = 'done') as done
      from articles ar
      where ar.project_id = ${projectId}
        and exists (select 1 from annotations g where g.article_id = ar.id and g.layer_kind = 'gold' and g.deleted_at is null)`),
  );
  const labels = (await listProjectLabels(db, [projectId])).map((label) => label.key);
  const articles = rows.map((row) => {
    const gold = (JSON.parse(row.gold) as [string, number, number][]).map(([label, start, end]) => ({ label, start, end }));
    const spans = row.spans ? (JSON.parse(row.spans) as [string, string, number, number][]) : [];
    const emails = new Set<string>([...(row.done ? (JSON.parse(row.done) as string[]) : []), ...spans.map(([email]) => email)]);
    const layers = [...emails].map((email) => ({
      email,
      spans: spans.filter(([owner]) => owner === email).map(([, label, start, end]) => ({ label, start, end })),
    }));
    return { gold, layers };
  });
  return { articles: articles.length, feedback: projectFeedback(articles, labels) };
}
