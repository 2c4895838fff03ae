import { and, asc, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "../types";
import { rowsOf } from "../rows";
import { articles } from "../schema";
import type { ImportedArticle, LayerContent, LayerData, SpanData } from "../../lib/formats";

/** Which layers go out: gold, every analyst (not gold), one analyst by id, or everything. */
export type LayerChoice = { kind: "gold" } | { kind: "analysts" } | { kind: "analyst"; userId: string } | { kind: "everything" };

/** Which articles: these external ids only, and/or only those assigned to a user (what an analyst may see). */
export type CorpusFilter = { externalIds?: string[]; assignedTo?: string };

/**
 * Articles per batch. A batch is three queries (articles, spans, relations); at ~50 spans an
 * article it holds ~10,000 span rows, and two batches are in memory at once (see below).
 * bench/export.ts: larger batches were not faster but raised the peak memory.
 */
const BATCH = 200;

/**
 * Streams a project's articles with their layers as native-model articles, in batches
 * in external-id order, so exports of any size run in bounded memory. The next batch is read
 * while the caller works through the current one, so the database and the writer overlap.
 */
export async function* streamCorpus(
  db: Database,
  projectId: string,
  choice: LayerChoice,
  filter: CorpusFilter = {},
): AsyncGenerator<ImportedArticle> {
  const readAhead = (after: string | null) => {
    const batch = loadBatch(db, projectId, choice, filter, after);
    // Handled now, awaited later: a failure while the caller works (or after it stopped early)
    // must not count as an unhandled rejection; the await below still throws it.
    batch.catch(() => {});
    return batch;
  };
  let pending: Promise<Batch> | null = readAhead(null);
  while (pending) {
    const batch: Batch = await pending;
    pending = batch.articles.length === BATCH ? readAhead(batch.articles[batch.articles.length - 1].id) : null;
    yield* batch.articles;
  }
}

type Batch = { articles: ImportedArticle[] };

async function loadBatch(db: Database, projectId: string, choice: LayerChoice, filter: CorpusFilter, after: string | null): Promise<Batch> {
  const rows = await db
    .select({
      id: articles.id,
      externalId: articles.externalId,
      title: articles.title,
      outlet: articles.outlet,
      url: articles.url,
      publishedAt: articles.publishedAt,
      metadata: articles.metadata,
      text: articles.text,
    })
    .from(articles)
    .where(
      and(
        eq(articles.projectId, projectId),
        after === null ? undefined : gt(articles.externalId, after),
        filter.externalIds ? inArray(articles.externalId, filter.externalIds) : undefined,
        filter.assignedTo
          ? // Spelt out: Drizzle leaves a lone table's columns unqualified, which a subquery would rebind.
            sql`exists (select 1 from assignments asg where asg.article_id = "articles"."id" and asg.user_id = ${filter.assignedTo})`
          : undefined,
      ),
    )
    .orderBy(asc(articles.externalId))
    .limit(BATCH);
  if (rows.length === 0) return { articles: [] };
  const layers = await loadLayers(db, rows.map((a) => a.id), choice);
  const emptyGold = choice.kind === "gold" || choice.kind === "everything";
  return {
    articles: rows.map((article) => {
      const own = layers.get(article.id);
      return {
        id: article.externalId,
        title: article.title,
        outlet: article.outlet,
        url: article.url,
        published_at: article.publishedAt,
        meta: article.metadata,
        text: article.text,
        annotations: own?.analysts ?? [],
        gold: own?.gold ?? (emptyGold ? { spans: [], relations: [] } : null),
      };
    }),
  };
}

/** The layers of the choice, for the spans (`a`) or relations (`r`) table of the queries below. */
function layerFilter(choice: LayerChoice, alias: "a" | "r"): SQL {
  const kind = sql.raw(`${alias}.layer_kind`);
  switch (choice.kind) {
    case "gold":
      return sql`${kind} = 'gold'`;
    case "analysts":
      return sql`${kind} = 'analyst'`;
    case "analyst":
      return sql`${kind} = 'analyst' and ${sql.raw(`${alias}.layer_user_id`)} = ${choice.userId}`;
    case "everything":
      return sql`${kind} in ('analyst', 'gold')`;
  }
}

type SpanRow = {
  id: string;
  article_id: string;
  email: string | null;
  start: number;
  end: number;
  label: string;
  text: string;
  attributes: Record<string, unknown> | string;
  note: string | null;
  actor: string | null;
};

/**
 * Plain SQL read as plain rows: at ~50 spans an article this is the export's hot loop, and
 * Drizzle's per-field row mapping and the server's sort cost more than the rest of the batch.
 * Spans are ordered here instead (start, end, label, id in code-point order), which also makes
 * the order independent of the database's collation.
 */
async function loadLayers(db: Database, articleIds: string[], choice: LayerChoice) {
  const list = sql.join(articleIds.map((id) => sql`${id}::uuid`), sql`, `);
  const [spanResult, relationResult] = await Promise.all([
    db.execute(sql`
      select a.id, a.article_id, case when a.layer_kind = 'gold' then null else u.email end as email,
             a.start, a."end", a.label, a.text, a.attributes, a.note, ac.name as actor
      from annotations a
      left join actors ac on ac.id = a.actor_id
      left join users u on u.id = a.layer_user_id
      where a.article_id in (${list}) and a.deleted_at is null and ${layerFilter(choice, "a")}`),
    db.execute(sql`
      select r.from_id, r.to_id from relations r
      where r.article_id in (${list}) and r.deleted_at is null and ${layerFilter(choice, "r")}
      order by r.created_at, r.id`),
  ]);
  const result = new Map<string, { analysts: LayerData[]; gold: LayerContent | null }>();
  const layerOf = (articleId: string, email: string | null): LayerContent => {
    let entry = result.get(articleId);
    if (!entry) result.set(articleId, (entry = { analysts: [], gold: null }));
    if (email === null) return (entry.gold ??= { spans: [], relations: [] });
    let layer = entry.analysts.find((l) => l.annotator === email);
    if (!layer) entry.analysts.push((layer = { annotator: email, spans: [], relations: [] }));
    return layer;
  };
  const spanLayer = new Map<string, LayerContent>();
  for (const row of rowsOf<SpanRow>(spanResult)) {
    const layer = layerOf(row.article_id, row.email);
    spanLayer.set(row.id, layer);
    layer.spans.push({
      id: row.id,
      start: Number(row.start),
      end: Number(row.end),
      label: row.label,
      text: row.text,
      // pg parses jsonb; PGlite hands some builds' jsonb over as text.
      attributes: typeof row.attributes === "string" ? JSON.parse(row.attributes) : row.attributes,
      note: row.note,
      actor: row.actor,
    });
  }
  for (const relation of rowsOf<{ from_id: string; to_id: string }>(relationResult)) {
    const layer = spanLayer.get(relation.from_id);
    if (layer && spanLayer.get(relation.to_id) === layer) layer.relations.push({ type: "attributed_to", from: relation.from_id, to: relation.to_id });
  }
  for (const entry of result.values()) {
    entry.analysts.sort((a, b) => compare(a.annotator, b.annotator));
    for (const layer of entry.gold ? [...entry.analysts, entry.gold] : entry.analysts) layer.spans.sort(bySpan);
  }
  return result;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function bySpan(a: SpanData, b: SpanData): number {
  return a.start - b.start || a.end - b.end || compare(a.label, b.label) || compare(a.id, b.id);
}
