import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../types";
import { actors, annotations, articles, relations, users } from "../schema";
import type { ImportedArticle, LayerContent, LayerData } from "../../lib/formats";

/** Which layers go out: gold, every analyst (not gold), one analyst by id, or everything. */
export type LayerChoice = { kind: "gold" } | { kind: "analysts" } | { kind: "analyst"; userId: string } | { kind: "everything" };

const BATCH = 200;

/**
 * Streams a project's articles with their layers as native-model articles, in batches
 * in external-id order, so exports of any size run in bounded memory.
 */
export async function* streamCorpus(
  db: Database,
  projectId: string,
  choice: LayerChoice,
  filter: { externalIds?: string[] } = {},
): AsyncGenerator<ImportedArticle> {
  let after: string | null = null;
  for (;;) {
    const batch: (typeof articles.$inferSelect)[] = await db
      .select()
      .from(articles)
      .where(
        and(
          eq(articles.projectId, projectId),
          after === null ? undefined : gt(articles.externalId, after),
          filter.externalIds ? inArray(articles.externalId, filter.externalIds) : undefined,
        ),
      )
      .orderBy(asc(articles.externalId))
      .limit(BATCH);
    if (batch.length === 0) return;
    after = batch[batch.length - 1].externalId;
    const layers = await loadLayers(db, batch.map((a) => a.id), choice);
    for (const article of batch) {
      const own = layers.get(article.id);
      yield {
        id: article.externalId,
        title: article.title,
        outlet: article.outlet,
        url: article.url,
        published_at: article.publishedAt,
        meta: article.metadata,
        text: article.text,
        annotations: own?.analysts ?? [],
        gold: own?.gold ?? (choice.kind === "gold" || choice.kind === "everything" ? { spans: [], relations: [] } : null),
      };
    }
    if (batch.length < BATCH) return;
  }
}

function layerFilter(choice: LayerChoice) {
  switch (choice.kind) {
    case "gold":
      return sql`${annotations.layerKind} = 'gold'`;
    case "analysts":
      return sql`${annotations.layerKind} = 'analyst'`;
    case "analyst":
      return sql`${annotations.layerKind} = 'analyst' and ${annotations.layerUserId} = ${choice.userId}`;
    case "everything":
      return sql`${annotations.layerKind} in ('analyst', 'gold')`;
  }
}

async function loadLayers(db: Database, articleIds: string[], choice: LayerChoice) {
  const spanRows = await db
    .select({ span: annotations, actorName: actors.name, email: users.email })
    .from(annotations)
    .leftJoin(actors, eq(actors.id, annotations.actorId))
    .leftJoin(users, eq(users.id, annotations.layerUserId))
    .where(and(inArray(annotations.articleId, articleIds), isNull(annotations.deletedAt), layerFilter(choice)))
    .orderBy(asc(annotations.start), asc(annotations.end), asc(annotations.label), asc(annotations.id));
  const relationRows = await db
    .select()
    .from(relations)
    .where(and(inArray(relations.articleId, articleIds), isNull(relations.deletedAt)))
    .orderBy(asc(relations.createdAt), asc(relations.id));
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
  for (const { span, actorName, email } of spanRows) {
    const layer = layerOf(span.articleId, span.layerKind === "gold" ? null : email);
    spanLayer.set(span.id, layer);
    layer.spans.push({
      id: span.id,
      start: span.start,
      end: span.end,
      label: span.label,
      text: span.text,
      attributes: span.attributes,
      note: span.note,
      actor: actorName,
    });
  }
  for (const relation of relationRows) {
    const layer = spanLayer.get(relation.fromId);
    if (layer && spanLayer.get(relation.toId) === layer) layer.relations.push({ type: relation.type, from: relation.fromId, to: relation.toId });
  }
  for (const entry of result.values()) entry.analysts.sort((a, b) => a.annotator.localeCompare(b.annotator));
  return result;
}
