import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "../types";
import type { LayerRelation, LayerSpan } from "../../lib/api/layer";
import { actors, annotations, relations, type Annotation, type Relation } from "../schema";

/** A layer of one article: an analyst's own, the reviewed gold layer, or machine suggestions. */
export type LayerRef = { kind: "analyst"; userId: string } | { kind: "gold" } | { kind: "suggestions" };

export type SpanOut = LayerSpan;
export type RelationOut = LayerRelation;

export function layerCondition(
  table: typeof annotations | typeof relations,
  articleId: string,
  layer: LayerRef,
): SQL {
  const user = layer.kind === "analyst" ? eq(table.layerUserId, layer.userId) : isNull(table.layerUserId);
  return and(eq(table.articleId, articleId), eq(table.layerKind, layer.kind), user, isNull(table.deletedAt))!;
}

export function spanOut(row: Annotation, actorName: string | null): SpanOut {
  return {
    id: row.id,
    version: row.version,
    start: row.start,
    end: row.end,
    label: row.label,
    text: row.text,
    attributes: row.attributes,
    note: row.note,
    actor: actorName,
  };
}

export function relationOut(row: Relation): RelationOut {
  return { id: row.id, version: row.version, type: row.type, from: row.fromId, to: row.toId };
}

export async function readLayer(
  db: Database,
  articleId: string,
  layer: LayerRef,
): Promise<{ spans: SpanOut[]; relations: RelationOut[] }> {
  const [spanRows, relationRows] = await Promise.all([
    db
      .select({ span: annotations, actorName: actors.name })
      .from(annotations)
      .leftJoin(actors, eq(actors.id, annotations.actorId))
      .where(layerCondition(annotations, articleId, layer))
      .orderBy(asc(annotations.start), asc(annotations.end), asc(annotations.label)),
    db.select().from(relations).where(layerCondition(relations, articleId, layer)).orderBy(asc(relations.createdAt)),
  ]);
  return {
    spans: spanRows.map((row) => spanOut(row.span, row.actorName)),
    relations: relationRows.map(relationOut),
  };
}

/** Which layers of an article have any live span (for "who annotated this"). */
export async function layersWithSpans(db: Database, articleId: string) {
  return db
    .selectDistinct({ kind: annotations.layerKind, userId: annotations.layerUserId })
    .from(annotations)
    .where(and(eq(annotations.articleId, articleId), sql`${annotations.deletedAt} is null`));
}
