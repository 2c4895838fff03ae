import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database } from "../types";
import { rowsOf } from "../rows";
import { actors, annotations, auditLog, relations, reviewDecisions } from "../schema";
import { planDecision, type DecisionInput, type GoldPlan } from "../../lib/review";
import { relationOut, spanOut } from "./layers";
import { loadReviewState, type DecisionEffect, type DecisionRow, type ReviewState } from "./review-board";

export type ReviewContext = {
  userId: string;
  projectId: string;
  article: { id: string; text: string };
  labels: ReadonlySet<string>;
};

/** A decision the board refused (unknown unit, bad bounds…): a 400/409 answer, nothing written. */
export class ReviewRefusal extends Error {
  constructor(
    readonly code: "unknown_unit" | "unknown_analyst" | "invalid_span" | "unknown_label" | "nothing_to_undo" | "nothing_to_accept",
    message: string,
  ) {
    super(message);
  }
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Records a reviewer's decision on a unit in ONE transaction: a decision already standing on
 * the same unit is reversed first (deciding again replaces it), then the gold spans and
 * attributions the decision implies are written, the decision row keeps what it did (effects)
 * and where the gold came from, and every write has its audit_log row.
 */
export async function decide(db: Database, context: ReviewContext, input: DecisionInput): Promise<{ decisionIds: string[] }> {
  return db.transaction(async (tx) => {
    await lockArticle(tx, context.article.id);
    let state = await loadReviewState(tx, context.article.id, context.article.text);
    const unitKey = input.decision === "add" ? `added:${input.start}-${input.end}:${input.label}` : input.unit;
    const standing = state.decisions.filter((d) => !d.undoneAt && d.unitKey === unitKey);
    if (standing.length > 0) {
      for (const decision of standing.reverse()) await reverse(tx, context, decision, "replace");
      state = await loadReviewState(tx, context.article.id, context.article.text);
    }
    const result = planDecision({ text: context.article.text, labels: context.labels, units: state.units, gold: state.goldState, decision: input });
    if (!result.ok) throw new ReviewRefusal(result.code, result.message);
    return { decisionIds: [await write(tx, context, result.plan)] };
  });
}

/** "Accept all unanimous": every unanimous unit with no standing decision, as one step (one undo). */
export async function acceptAllUnanimous(db: Database, context: ReviewContext): Promise<{ decisionIds: string[] }> {
  return db.transaction(async (tx) => {
    await lockArticle(tx, context.article.id);
    let state = await loadReviewState(tx, context.article.id, context.article.text);
    const open = state.units.filter((unit) => unit.kind === "unanimous" && !unit.decision);
    if (open.length === 0) throw new ReviewRefusal("nothing_to_accept", "Every unanimous unit is already decided.");
    const decisionIds: string[] = [];
    for (const unit of open) {
      const analystId = unit.versions[0].analystId;
      const result = planDecision({ text: context.article.text, labels: context.labels, units: state.units, gold: state.goldState, decision: { decision: "accept", unit: unit.key, analystId } });
      if (!result.ok) throw new ReviewRefusal(result.code, result.message);
      decisionIds.push(await write(tx, context, result.plan));
      // Later units may link to the speakers this one just put in gold.
      if (result.plan.spans.length > 0) state = await loadReviewState(tx, context.article.id, context.article.text);
    }
    return { decisionIds };
  });
}

/**
 * Undoes a decision (by id), or the reviewer's last step: the standing decisions made in the
 * latest transaction (one decision, or one "accept all unanimous"). Its gold spans and
 * attributions are removed, whatever was edited since; the decision keeps `undone_at`.
 */
export async function undoDecision(db: Database, context: ReviewContext, decisionId?: string): Promise<{ decisionIds: string[] }> {
  return db.transaction(async (tx) => {
    await lockArticle(tx, context.article.id);
    const state: ReviewState = await loadReviewState(tx, context.article.id, context.article.text);
    const live = state.decisions.filter((d) => !d.undoneAt);
    let targets: DecisionRow[];
    if (decisionId) {
      targets = live.filter((d) => d.id === decisionId);
    } else {
      // Compared in the database: its timestamps have microseconds, JavaScript dates only milliseconds.
      const latest = rowsOf<{ id: string }>(
        await tx.execute(sql`
          select id from review_decisions
          where article_id = ${context.article.id} and undone_at is null
            and decided_at = (select max(decided_at) from review_decisions where article_id = ${context.article.id} and undone_at is null)`),
      ).map((row) => row.id);
      targets = live.filter((d) => latest.includes(d.id));
    }
    if (targets.length === 0) throw new ReviewRefusal("nothing_to_undo", decisionId ? "This decision is not standing (already undone?)." : "There is no decision to undo.");
    for (const decision of targets.reverse()) await reverse(tx, context, decision, "undo");
    return { decisionIds: targets.map((d) => d.id) };
  });
}

async function lockArticle(tx: Tx, articleId: string) {
  await tx.execute(sql`select id from articles where id = ${articleId} for update`);
}

async function audit(tx: Tx, context: ReviewContext, entity: string, entityId: string, action: string, before: unknown, after: unknown) {
  await tx.insert(auditLog).values({
    userId: context.userId,
    projectId: context.projectId,
    articleId: context.article.id,
    entity,
    entityId,
    action,
    before: before ?? null,
    after: after ?? null,
  });
}

async function actorIdFor(tx: Tx, projectId: string, name: string | null): Promise<string | null> {
  if (!name) return null;
  await tx.insert(actors).values({ projectId, name }).onConflictDoNothing();
  const [row] = await tx.select({ id: actors.id, mergedInto: actors.mergedIntoId }).from(actors).where(and(eq(actors.projectId, projectId), eq(actors.name, name)));
  return row.mergedInto ?? row.id;
}

async function write(tx: Tx, context: ReviewContext, plan: GoldPlan): Promise<string> {
  const effects: DecisionEffect[] = [];
  const made = new Map<string, string>();
  for (const span of plan.spans) {
    const [row] = await tx
      .insert(annotations)
      .values({
        articleId: context.article.id,
        layerKind: "gold",
        layerUserId: null,
        label: span.label,
        start: span.start,
        end: span.end,
        text: span.text,
        actorId: await actorIdFor(tx, context.projectId, span.actor),
        createdBy: context.userId,
        updatedBy: context.userId,
      })
      .returning();
    made.set(span.ref, row.id);
    effects.push({ type: "span", id: row.id, sources: span.sourceIds, wantedSpeaker: span.wantedSpeaker });
    await audit(tx, context, "gold_annotation", row.id, "create", null, { ...spanOut(row, span.actor), sources: span.sourceIds, unit: plan.unitKey });
  }
  for (const link of plan.links) {
    const from = "planned" in link.from ? made.get(link.from.planned)! : link.from.gold;
    const to = "planned" in link.to ? made.get(link.to.planned)! : link.to.gold;
    const [taken] = await tx
      .select({ id: relations.id })
      .from(relations)
      .where(and(eq(relations.fromId, from), eq(relations.type, "attributed_to"), isNull(relations.deletedAt)));
    if (taken) continue;
    const [row] = await tx
      .insert(relations)
      .values({ articleId: context.article.id, layerKind: "gold", layerUserId: null, type: "attributed_to", fromId: from, toId: to, createdBy: context.userId })
      .returning();
    effects.push({ type: "relation", id: row.id });
    await audit(tx, context, "gold_relation", row.id, "create", null, relationOut(row));
  }
  const firstSpan = effects.find((effect) => effect.type === "span");
  const [decision] = await tx
    .insert(reviewDecisions)
    .values({
      articleId: context.article.id,
      unitKey: plan.unitKey,
      decision: plan.decision,
      goldAnnotationId: firstSpan?.id ?? null,
      sourceAnnotationIds: plan.sourceIds,
      decidedBy: context.userId,
      effects,
    })
    .returning();
  await audit(tx, context, "review_decision", decision.id, plan.decision, null, { unit: plan.unitKey, decision: plan.decision, sources: plan.sourceIds, effects });
  return decision.id;
}

/** Removes what a decision wrote to gold (what is still there) and marks it undone. */
async function reverse(tx: Tx, context: ReviewContext, decision: DecisionRow, why: "undo" | "replace") {
  const spanIds = decision.effects.filter((e) => e.type === "span").map((e) => e.id);
  const relationIds = decision.effects.filter((e) => e.type === "relation").map((e) => e.id);
  const touching = [...relationIds.length ? [inArray(relations.id, relationIds)] : [], ...spanIds.length ? [inArray(relations.fromId, spanIds), inArray(relations.toId, spanIds)] : []];
  if (touching.length > 0) {
    const live = await tx.select().from(relations).where(and(eq(relations.layerKind, "gold"), isNull(relations.deletedAt), or(...touching)));
    for (const relation of live) {
      await tx.update(relations).set({ deletedAt: new Date(), version: relation.version + 1 }).where(eq(relations.id, relation.id));
      await audit(tx, context, "gold_relation", relation.id, "delete", relationOut(relation), null);
    }
  }
  if (spanIds.length > 0) {
    const live = await tx.select().from(annotations).where(and(inArray(annotations.id, spanIds), isNull(annotations.deletedAt)));
    for (const span of live) {
      await tx
        .update(annotations)
        .set({ deletedAt: new Date(), version: span.version + 1, updatedBy: context.userId, updatedAt: new Date() })
        .where(eq(annotations.id, span.id));
      await audit(tx, context, "gold_annotation", span.id, "delete", spanOut(span, null), null);
    }
  }
  const [undone] = await tx.update(reviewDecisions).set({ undoneAt: sql`now()` }).where(eq(reviewDecisions.id, decision.id)).returning();
  await audit(tx, context, "review_decision", decision.id, why === "undo" ? "undo" : "replaced", { unit: decision.unitKey, decision: decision.decision }, { undoneAt: undone.undoneAt });
}
