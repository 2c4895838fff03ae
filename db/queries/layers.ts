import { and, eq, getTableName, sql, type SQL } from "drizzle-orm";
import type { Database } from "../types";
import type { LayerRelation, LayerSpan } from "../../lib/api/layer";
import { executePrepared } from "../prepared";
import { annotations, relations, type Annotation, type Relation } from "../schema";

/** A layer of one article: an analyst's own, the reviewed gold layer, or machine suggestions. */
export type LayerRef = { kind: "analyst"; userId: string } | { kind: "gold" } | { kind: "suggestions" };

export type SpanOut = LayerSpan;
export type RelationOut = LayerRelation;

/** Live rows of one layer of an article in a query over the table itself (inLayer). */
export function layerCondition(table: typeof annotations | typeof relations, articleId: string, layer: LayerRef): SQL {
  return inLayer(getTableName(table), articleId, layer);
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

/** Live rows of one layer of an article, as SQL over a row alias (`annotations` or `relations`). */
export function inLayer(row: string, articleId: string, layer: LayerRef): SQL {
  const r = sql.raw(row);
  const user = layer.kind === "analyst" ? sql`${r}.layer_user_id = ${layer.userId}::uuid` : sql`${r}.layer_user_id is null`;
  return sql`${r}.article_id = ${articleId}::uuid and ${r}.layer_kind = ${layer.kind} and ${user} and ${r}.deleted_at is null`;
}

/**
 * One live span of a layer, locked for the change that reads it, as a FROM item named `alias`.
 * Found by its key alone and checked against the layer on the locked row, so the plan does not
 * hang on the table's statistics: on a table not yet analysed (a new database, whose first
 * autovacuum comes a minute or more later) the planner walked the layer's partial index instead,
 * every span of the layer and each of their dead versions, on every change.
 */
export function lockedSpanOfLayer(alias: string, spanId: string, articleId: string, layer: LayerRef): SQL {
  return sql`(select * from annotations where id = ${spanId}::uuid offset 0 for update) ${sql.raw(alias)} where ${inLayer(alias, articleId, layer)}`;
}

/**
 * A layer as the JSON text of `GET …/layers/{layer}`, made by the database in one prepared
 * statement: the editor reads its layer often, and this spares the app a second query, the rows'
 * parsing and the serialising (the fields and their order are spanOut's and relationOut's).
 */
export async function readLayerJson(db: Database, articleId: string, layer: LayerRef): Promise<string> {
  const [row] = await executePrepared<{ body: string }>(
    db,
    sql`select json_build_object(
      'spans', coalesce((
        select json_agg(json_build_object('id', n.id, 'version', n.version, 'start', n.start, 'end', n."end", 'label', n.label,
                 'text', n.text, 'attributes', n.attributes, 'note', n.note, 'actor', a.name) order by n.start, n."end", n.label)
        from annotations n left join actors a on a.id = n.actor_id
        where ${inLayer("n", articleId, layer)}), '[]'),
      'relations', coalesce((
        select json_agg(json_build_object('id', r.id, 'version', r.version, 'type', r.type, 'from', r.from_id, 'to', r.to_id) order by r.created_at, r.id)
        from relations r
        where ${inLayer("r", articleId, layer)}), '[]')
    )::text as body`,
  );
  return row.body;
}

export async function readLayer(db: Database, articleId: string, layer: LayerRef): Promise<{ spans: SpanOut[]; relations: RelationOut[] }> {
  return JSON.parse(await readLayerJson(db, articleId, layer));
}

/** Which layers of an article have any live span (for "who annotated this"). */
export async function layersWithSpans(db: Database, articleId: string) {
  return db
    .selectDistinct({ kind: annotations.layerKind, userId: annotations.layerUserId })
    .from(annotations)
    .where(and(eq(annotations.articleId, articleId), sql`${annotations.deletedAt} is null`));
}
