import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { Run } from "../prepared";
import type { Change } from "../../lib/validation/changes";
import { lockedSpanOfLayer, type LayerRef } from "./layers";

/**
 * The usual changes (tag a span, move or relabel it, delete it) in one autocommitted statement
 * each: the span write, the change's answer (keyed by the change id) and its audit row, so a
 * change costs one round trip and one commit instead of five or more. The statement writes only
 * when everything the full path would check holds (the covered text matches the article at those
 * code points, the version is the one the client saw, no attribution has to go with it); when it
 * writes nothing, or hits the one-span-per-bounds index, the caller takes the full path, which
 * finds out why and answers as before. A change id seen before fails the statement on the
 * applied_changes key, so a replay is still applied at most once.
 */

export type FastContext = {
  userId: string;
  projectId: string;
  articleId: string;
  layer: LayerRef;
  labels: ReadonlySet<string>;
};

/** The fields of a span answer (`spanOut` in layers.ts), as SQL over a row alias and an actor name. */
function spanJson(row: string, actorName: SQL): SQL {
  const r = sql.raw(row);
  return sql`jsonb_build_object('id', ${r}.id, 'version', ${r}.version, 'start', ${r}.start, 'end', ${r}."end", 'label', ${r}.label,
    'text', ${r}.text, 'attributes', ${r}.attributes, 'note', ${r}.note, 'actor', ${actorName})`;
}

/** What the full path would write as the audit entity of a span in this layer. */
function spanEntity(context: FastContext): string {
  return context.layer.kind === "gold" ? "gold_annotation" : "annotation";
}

/** Offsets are code points: PostgreSQL's substr counts them only in a UTF-8 database. */
const CODE_POINT_TEXT = sql`current_setting('server_encoding') = 'UTF8'`;

const codePoints = (text: string) => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

/** Answer row of the statement, or null when it wrote nothing. */
async function answerOf(run: Run, statement: SQL): Promise<unknown | null> {
  const [row] = await run<{ result: unknown }>(statement);
  return row?.result ?? null;
}

function answerAndAudit(context: FastContext, changeId: string, source: string, action: string, before: SQL, after: SQL, result: SQL): SQL {
  const s = sql.raw(source);
  return sql`answer as (
      insert into applied_changes (change_id, user_id, result)
      select ${changeId}::uuid, ${context.userId}::uuid, ${result} from ${s}
      returning result
    ), audit as (
      insert into audit_log (user_id, project_id, article_id, entity, entity_id, action, before, after)
      select ${context.userId}::uuid, ${context.projectId}::uuid, ${context.articleId}::uuid, ${spanEntity(context)}, ${s}.id::text, ${action}, ${before}, ${after}
      from ${s}
    )
    select result from answer`;
}

async function createInOneStatement(run: Run, context: FastContext, change: Extract<Change, { op: "create" }>) {
  const { span } = change;
  if (span.actor || !context.labels.has(span.label) || span.end <= span.start || codePoints(span.text) !== span.end - span.start) return null;
  const id = span.id ?? randomUUID();
  const out = { id, version: 1, start: span.start, end: span.end, label: span.label, text: span.text, attributes: span.attributes ?? {}, note: span.note ?? null, actor: null };
  const result = { id: change.id, ok: true, span: out };
  const layerUser = context.layer.kind === "analyst" ? context.layer.userId : null;
  return answerOf(
    run,
    sql`with created as (
      insert into annotations (id, article_id, layer_kind, layer_user_id, label, start, "end", text, attributes, note, created_by, updated_by)
      select ${id}::uuid, a.id, ${context.layer.kind}, ${layerUser}::uuid, ${span.label}, ${span.start}::int, ${span.end}::int, ${span.text},
             ${JSON.stringify(out.attributes)}::jsonb, ${out.note}::text, ${context.userId}::uuid, ${context.userId}::uuid
      from articles a
      where a.id = ${context.articleId}::uuid and ${CODE_POINT_TEXT} and substr(a.text, ${span.start + 1}::int, ${span.end - span.start}::int) = ${span.text}
      on conflict do nothing
      returning id
    ), ${answerAndAudit(context, change.id, "created", "create", sql`null::jsonb`, sql`${JSON.stringify(out)}::jsonb`, sql`${JSON.stringify(result)}::jsonb`)}`,
  );
}

const ACTOR_NAME = (row: string) => sql`(select name from actors where id = ${sql.raw(row)}.actor_id)`;

async function updateInOneStatement(run: Run, context: FastContext, change: Extract<Change, { op: "update" }>) {
  const { span } = change;
  if (span.actor !== undefined || (span.label !== undefined && !context.labels.has(span.label))) return null;
  const boundsGiven = span.start !== undefined || span.end !== undefined;
  if (boundsGiven && span.text === undefined) return null; // the full path says why
  const start = span.start === undefined ? sql`old.start` : sql`${span.start}::int`;
  const end = span.end === undefined ? sql`old."end"` : sql`${span.end}::int`;
  const textFits =
    span.text === undefined
      ? sql`true`
      : sql`${CODE_POINT_TEXT} and char_length(${span.text}::text) = ${end} - ${start}
            and substr((select text from articles where id = old.article_id), ${start} + 1, ${end} - ${start}) = ${span.text}`;
  // A relabel may invalidate attributions: the full path removes those.
  const relationsStay =
    span.label === undefined ? sql`true` : sql`(old.label = ${span.label} or not exists (select 1 from relations r where r.deleted_at is null and (r.from_id = old.id or r.to_id = old.id)))`;
  return answerOf(
    run,
    sql`with old as (
      select n.* from ${lockedSpanOfLayer("n", span.id, context.articleId, context.layer)}
    ), updated as (
      update annotations n set
        label = ${span.label === undefined ? sql`old.label` : sql`${span.label}`},
        start = ${start}, "end" = ${end},
        text = ${span.text === undefined ? sql`old.text` : sql`${span.text}::text`},
        attributes = ${span.attributes === undefined ? sql`old.attributes` : sql`${JSON.stringify(span.attributes)}::jsonb`},
        note = ${span.note === undefined ? sql`old.note` : sql`${span.note}::text`},
        version = old.version + 1, updated_by = ${context.userId}::uuid, updated_at = now()
      from old
      where n.id = old.id and old.version = ${span.version}::int and ${textFits} and ${relationsStay}
      returning n.*, ${spanJson("old", ACTOR_NAME("old"))} as before_json
    ), changed as (
      select updated.id, updated.before_json, ${spanJson("updated", ACTOR_NAME("updated"))} as after_json from updated
    ), ${answerAndAudit(
      context,
      change.id,
      "changed",
      "update",
      sql`changed.before_json`,
      sql`changed.after_json`,
      sql`jsonb_build_object('id', ${change.id}::text, 'ok', true, 'span', changed.after_json)`,
    )}`,
  );
}

async function deleteInOneStatement(run: Run, context: FastContext, change: Extract<Change, { op: "delete" }>) {
  const { span } = change;
  return answerOf(
    run,
    sql`with old as (
      select n.* from ${lockedSpanOfLayer("n", span.id, context.articleId, context.layer)}
    ), deleted as (
      update annotations n set deleted_at = now(), version = old.version + 1, updated_by = ${context.userId}::uuid, updated_at = now()
      from old
      where n.id = old.id and old.version = ${span.version}::int
        and not exists (select 1 from relations r where r.deleted_at is null and (r.from_id = old.id or r.to_id = old.id))
      returning n.id, n.version, ${spanJson("old", ACTOR_NAME("old"))} as before_json
    ), ${answerAndAudit(
      context,
      change.id,
      "deleted",
      "delete",
      sql`deleted.before_json`,
      sql`null::jsonb`,
      sql`jsonb_build_object('id', ${change.id}::text, 'ok', true, 'deleted', true, 'span', deleted.before_json || jsonb_build_object('version', deleted.version))`,
    )}`,
  );
}

/**
 * Applies the change in one statement when it is one of the usual kinds; the stored answer, or
 * null when the full path must take it (nothing was written then).
 */
export async function applyInOneStatement(
  run: Run,
  context: FastContext,
  change: Change,
): Promise<unknown | null> {
  // A lone surrogate has no UTF-8 form: the full path refuses it with its reason.
  if (LONE_SURROGATE.test(JSON.stringify(change))) return null;
  try {
    switch (change.op) {
      case "create":
        return await createInOneStatement(run, context, change);
      case "update":
        return await updateInOneStatement(run, context, change);
      case "delete":
        return await deleteInOneStatement(run, context, change);
      default:
        return null;
    }
  } catch (error) {
    // Another span of this label and these bounds: the full path answers with it.
    if (violatedConstraint(error) === "annotations_one_span_per_bounds") return null;
    throw error;
  }
}

/** JSON.stringify writes a lone surrogate as an escape (and a well-formed pair as the characters). */
const LONE_SURROGATE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

export function violatedConstraint(error: unknown): string | undefined {
  // node-postgres names it `constraint`, postgres.js `constraint_name` (db/prepared.ts).
  type Failure = { code?: string; constraint?: string; constraint_name?: string };
  const e = error as Failure & { cause?: Failure };
  const inner = e?.cause ?? e;
  return inner?.code === "23505" ? (inner.constraint ?? inner.constraint_name) : undefined;
}
