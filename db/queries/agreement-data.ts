import { sql } from "drizzle-orm";
import type { Database } from "../types";
import { rowsOf } from "../rows";
import { listProjectLabels } from "./project-labels";
import {
  compareSuggestionsWithGold,
  computeAgreement,
  type AgreementArticle,
  type AgreementReport,
  type AgreementSpan,
  type SuggestionArticle,
  type SuggestionReport,
} from "../../lib/agreement";

/** Articles per query for texts, spans and relations: bounded memory per round trip, few round trips. */
const BATCH_ARTICLES = 500;

/**
 * The analysts' layers of a project as the agreement code reads them (never gold, never
 * suggestions), for every article that at least one analyst annotated.
 *
 * An analyst "annotated" an article (has a layer for it, DESIGN.md "Agreement output") when
 * their assignment for it is marked done, or when their layer there holds at least one live
 * span. A done assignment with no span is an empty layer: the analyst read the article and
 * found nothing, which is agreement data too. An untouched `todo` assignment is no layer.
 *
 * A QUOTE or CLAIM span's speaker is the canonical actor of the ACTOR span of the same layer it
 * is `attributed_to` (the actor it was merged into, if any), or that ACTOR span's covered text
 * when it links no actor; null when it is not attributed.
 *
 * No query per article: who annotated what and the project's actors (one query each), then one
 * query per batch of articles for their texts, spans and relations. The queries are shaped to
 * run on per-article index lookups whatever the planner's statistics say (the embedded
 * database is never analyzed, and a join planned on "one row" estimates goes quadratic), and
 * speakers are resolved here rather than by joins in SQL. Articles come in ascending external
 * id, spans by start, end and label.
 */
export async function loadAgreementArticles(db: Database, projectId: string): Promise<AgreementArticle[]> {
  const [members, actorRows] = await Promise.all([
    db.execute(sql`
      select ar.id as article_id, ar.external_id, u.id as user_id, u.email
      from articles ar
      cross join lateral (
        select s.user_id from assignments s where s.article_id = ar.id and s.status = 'done'
        union
        select a.layer_user_id from annotations a
        where a.article_id = ar.id and a.layer_kind = 'analyst' and a.deleted_at is null
      ) owner
      join users u on u.id = owner.user_id
      where ar.project_id = ${projectId}
      order by ar.external_id, u.email`),
    db.execute(sql`
      select actor.id, coalesce(survivor.name, actor.name) as name
      from actors actor left join actors survivor on survivor.id = actor.merged_into_id
      where actor.project_id = ${projectId}`),
  ]);
  const actorNames = new Map(rowsOf<{ id: string; name: string }>(actorRows).map((row) => [row.id, row.name]));

  const byId = new Map<string, AgreementArticle>();
  for (const row of rowsOf<{ article_id: string; external_id: string; user_id: string; email: string }>(members)) {
    let article = byId.get(row.article_id);
    if (!article) byId.set(row.article_id, (article = { externalId: row.external_id, text: "", layers: {} }));
    article.layers[row.email] = [];
  }
  const emails = new Map(rowsOf<{ user_id: string; email: string }>(members).map((row) => [row.user_id, row.email]));

  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += BATCH_ARTICLES) {
    const list = sql.join(ids.slice(i, i + BATCH_ARTICLES).map((id) => sql`${id}::uuid`), sql`, `);
    // One row per article with its spans and links as JSON: the embedded database pays per row
    // returned far more than per value, and the correlated subqueries run on the article indexes.
    const rows = rowsOf<{ id: string; text: string; spans: string | null; links: string | null }>(
      await db.execute(sql`
        select ar.id, ar.text,
          (select json_agg(json_build_array(a.id, a.layer_user_id, a.label, a.start, a."end", a.actor_id,
                                            case when a.label = 'ACTOR' then a.text end))::text
             from annotations a
             where a.article_id = ar.id and a.layer_kind = 'analyst' and a.deleted_at is null) as spans,
          (select json_agg(json_build_array(r.from_id, r.to_id))::text
             from relations r
             where r.article_id = ar.id and r.layer_kind = 'analyst' and r.deleted_at is null and r.type = 'attributed_to') as links
        from articles ar
        where ar.id in (${list})`),
    );
    for (const row of rows) {
      const article = byId.get(row.id)!;
      article.text = row.text;
      addLayers(article, row.spans ? JSON.parse(row.spans) : [], row.links ? JSON.parse(row.links) : [], emails, actorNames);
    }
  }
  return [...byId.values()];
}

type SpanTuple = [id: string, userId: string, label: string, start: number, end: number, actorId: string | null, text: string | null];

/** Puts an article's spans into their layers, each QUOTE and CLAIM with its speaker. */
function addLayers(
  article: AgreementArticle,
  spans: SpanTuple[],
  links: [from: string, to: string][],
  emails: Map<string, string>,
  actorNames: Map<string, string>,
) {
  const byId = new Map<string, { tuple: SpanTuple; span: AgreementSpan }>();
  for (const tuple of spans) {
    const [id, userId, label, start, end] = tuple;
    const span: AgreementSpan = { start, end, label };
    if (label === "QUOTE" || label === "CLAIM") span.speaker = null;
    byId.set(id, { tuple, span });
    const email = emails.get(userId);
    if (email) article.layers[email]?.push(span);
  }
  for (const [fromId, toId] of links) {
    const from = byId.get(fromId);
    const to = byId.get(toId);
    // speaker is null only on a QUOTE or CLAIM not yet attributed; the target must be an ACTOR of the same layer
    if (!from || !to || from.span.speaker !== null || to.tuple[2] !== "ACTOR" || from.tuple[1] !== to.tuple[1]) continue;
    const [, , , , , actorId, text] = to.tuple;
    from.span.speaker = (actorId && actorNames.get(actorId)) || text;
  }
  for (const layer of Object.values(article.layers)) layer.sort(bySpan);
}

function bySpan(a: AgreementSpan, b: AgreementSpan): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** The agreement report of a project (DESIGN.md "Agreement output"), as the CLI, the API and the page serve it. */
export async function computeProjectAgreement(db: Database, project: { id: string; slug: string }): Promise<AgreementReport> {
  const [labels, articles] = await Promise.all([listProjectLabels(db, [project.id]), loadAgreementArticles(db, project.id)]);
  return computeAgreement({ project: project.slug, labels: labels.map((label) => label.key), articles });
}

/**
 * The model's suggestions and the gold layer of every article of the project that has a gold
 * layer (at least one live gold span), in ascending external id. Nothing else: analysts'
 * layers never enter this comparison, and suggestions never enter the analysts' one.
 */
export async function loadSuggestionArticles(db: Database, projectId: string): Promise<SuggestionArticle[]> {
  const rows = rowsOf<{ external_id: string; spans: string | null }>(
    await db.execute(sql`
      select ar.external_id,
        (select json_agg(json_build_array(a.layer_kind, a.label, a.start, a."end"))::text
           from annotations a
           where a.article_id = ar.id and a.layer_kind in ('gold', 'suggestions') and a.deleted_at is null) as spans
      from articles ar
      where ar.project_id = ${projectId}
        and exists (select 1 from annotations g where g.article_id = ar.id and g.layer_kind = 'gold' and g.deleted_at is null)
      order by ar.external_id`),
  );
  return rows.map((row) => {
    const article: SuggestionArticle = { externalId: row.external_id, suggestions: [], gold: [] };
    for (const [kind, label, start, end] of (row.spans ? JSON.parse(row.spans) : []) as [string, string, number, number][]) {
      (kind === "gold" ? article.gold : article.suggestions).push({ label, start, end });
    }
    return article;
  });
}

/** The suggestions layer against gold (precision, recall, F1 per label), in the agreement report's shape. */
export async function computeSuggestionAgreement(db: Database, project: { id: string; slug: string }): Promise<SuggestionReport> {
  const [labels, articles] = await Promise.all([listProjectLabels(db, [project.id]), loadSuggestionArticles(db, project.id)]);
  return compareSuggestionsWithGold({ project: project.slug, labels: labels.map((label) => label.key), articles });
}

/** Titles of some of a project's articles, by external id (for listing figures per article). */
export async function articleTitles(db: Database, projectId: string, externalIds: string[]): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const list = sql.join(externalIds.map((id) => sql`${id}`), sql`, `);
  const rows = rowsOf<{ external_id: string; title: string }>(
    await db.execute(sql`select external_id, title from articles where project_id = ${projectId} and external_id in (${list})`),
  );
  return new Map(rows.map((row) => [row.external_id, row.title]));
}
