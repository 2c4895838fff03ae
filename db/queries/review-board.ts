import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../types";
import { rowsOf } from "../rows";
import { listProjectLabels } from "./project-labels";
import { sliceByCodePoints as sliceText } from "../../lib/text/code-points";
import { annotations, relations, reviewDecisions, users } from "../schema";
import { feedbackAgainstGold, groupUnits, type AnalystFeedback, type AnalystLayer, type Bounds, type GoldSpanState, type ReviewSpan, type ReviewUnit } from "../../lib/review";

/** What a decision did to the gold layer, in order, so that undo can reverse it. */
export type DecisionEffect =
  | { type: "span"; id: string; sources: string[]; wantedSpeaker: Bounds | null }
  | { type: "relation"; id: string };

export type DecisionRow = Omit<typeof reviewDecisions.$inferSelect, "effects"> & { effects: DecisionEffect[] };

export type BoardDecision = {
  id: string;
  unitKey: string;
  decision: string;
  decidedBy: string | null;
  decidedAt: string;
  undoneAt: string | null;
  /** How many gold spans it made. */
  goldSpans: number;
};

export type GoldSpanView = {
  id: string;
  version: number;
  label: string;
  start: number;
  end: number;
  text: string;
  actor: string | null;
  speaker: { id: string; text: string; name: string } | null;
  /** A QUOTE or CLAIM whose chosen speaker (these bounds) is not in gold yet: linked once it is. */
  pendingSpeaker: { start: number; end: number; text: string } | null;
  /** The review decision that made it (null: imported or written outside the board). */
  provenance: { decisionId: string; decision: string; decidedBy: string | null; decidedAt: string; sources: { id: string; email: string | null }[] } | null;
};

export type ReviewState = {
  analysts: { id: string; email: string; status: string | null }[];
  layers: AnalystLayer[];
  units: (ReviewUnit & { decision: BoardDecision | null })[];
  gold: GoldSpanView[];
  goldState: GoldSpanState[];
  decisions: DecisionRow[];
  history: BoardDecision[];
};

/**
 * Everything the review board shows of one article, read in a handful of queries: the analysts
 * (assigned, or with spans), their layers with speakers, the units, the gold layer with the
 * provenance of each span, and the decisions so far. `db` may be a transaction.
 */
export async function loadReviewState(db: Database, articleId: string, articleText: string): Promise<ReviewState> {
  // One after the other: `db` may be a transaction, one connection, which must not run two queries at once.
  const analystRows = await db.execute(sql`
      select u.id, u.email, s.status from users u
      left join assignments s on s.user_id = u.id and s.article_id = ${articleId}
      where s.article_id is not null or exists (
        select 1 from annotations a where a.article_id = ${articleId} and a.layer_kind = 'analyst' and a.layer_user_id = u.id and a.deleted_at is null)
      order by u.email`);
  const spanRows = await db.execute(sql`
      select a.id, a.version, a.layer_kind, a.layer_user_id, a.label, a.start, a."end", a.text, coalesce(survivor.name, actor.name) as actor
      from annotations a
      left join actors actor on actor.id = a.actor_id
      left join actors survivor on survivor.id = actor.merged_into_id
      where a.article_id = ${articleId} and a.layer_kind in ('analyst', 'gold') and a.deleted_at is null
      order by a.start, a."end", a.label`);
  const relationRows = await db
      .select({ id: relations.id, kind: relations.layerKind, from: relations.fromId, to: relations.toId })
      .from(relations)
      .where(and(eq(relations.articleId, articleId), inArray(relations.layerKind, ["analyst", "gold"]), isNull(relations.deletedAt)));
  const decisionRows = await db.select().from(reviewDecisions).where(eq(reviewDecisions.articleId, articleId)).orderBy(asc(reviewDecisions.decidedAt));
  type SpanRow = { id: string; version: number; layer_kind: string; layer_user_id: string | null; label: string; start: number; end: number; text: string; actor: string | null };
  const spans = rowsOf<SpanRow>(spanRows);
  const analysts = rowsOf<{ id: string; email: string; status: string | null }>(analystRows);
  const byId = new Map(spans.map((row) => [row.id, row]));
  const speakerOf = new Map<string, SpanRow>();
  for (const relation of relationRows) {
    const to = byId.get(relation.to);
    if (to && to.label === "ACTOR") speakerOf.set(relation.from, to);
  }

  const reviewSpan = (row: SpanRow): ReviewSpan => {
    const speaker = speakerOf.get(row.id);
    return {
      id: row.id,
      label: row.label,
      start: row.start,
      end: row.end,
      text: row.text,
      actor: row.actor,
      speaker: speaker ? { spanId: speaker.id, start: speaker.start, end: speaker.end, text: speaker.text, name: speaker.actor ?? speaker.text } : null,
    };
  };
  const layers: AnalystLayer[] = analysts.map((analyst) => ({
    analystId: analyst.id,
    email: analyst.email,
    spans: spans.filter((row) => row.layer_kind === "analyst" && row.layer_user_id === analyst.id).map(reviewSpan),
  }));

  const decisions = decisionRows.map((row) => ({ ...row, effects: row.effects as DecisionEffect[] }));
  const deciderIds = [...new Set(decisions.map((d) => d.decidedBy).filter((id): id is string => !!id))];
  const sourceIds = [...new Set(decisions.flatMap((d) => d.effects.flatMap((e) => (e.type === "span" ? e.sources : []))))];
  const deciders = deciderIds.length ? await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, deciderIds)) : [];
  const sources = sourceIds.length
    ? await db.select({ id: annotations.id, email: users.email }).from(annotations).leftJoin(users, eq(users.id, annotations.layerUserId)).where(inArray(annotations.id, sourceIds))
    : [];
  const emailOf = new Map(deciders.map((row) => [row.id, row.email]));
  const sourceEmail = new Map(sources.map((row) => [row.id, row.email]));
  const boardDecision = (d: DecisionRow): BoardDecision => ({
    id: d.id,
    unitKey: d.unitKey,
    decision: d.decision,
    decidedBy: d.decidedBy ? (emailOf.get(d.decidedBy) ?? null) : null,
    decidedAt: d.decidedAt.toISOString(),
    undoneAt: d.undoneAt ? d.undoneAt.toISOString() : null,
    goldSpans: d.effects.filter((effect) => effect.type === "span").length,
  });

  const live = decisions.filter((d) => !d.undoneAt);
  const madeBy = new Map<string, { decision: DecisionRow; effect: Extract<DecisionEffect, { type: "span" }> }>();
  for (const decision of live) for (const effect of decision.effects) if (effect.type === "span") madeBy.set(effect.id, { decision, effect });

  const goldRows = spans.filter((row) => row.layer_kind === "gold");
  const gold: GoldSpanView[] = goldRows.map((row) => {
    const speaker = speakerOf.get(row.id);
    const made = madeBy.get(row.id);
    return {
      id: row.id,
      version: row.version,
      label: row.label,
      start: row.start,
      end: row.end,
      text: row.text,
      actor: row.actor,
      speaker: speaker ? { id: speaker.id, text: speaker.text, name: speaker.actor ?? speaker.text } : null,
      pendingSpeaker:
        !speaker && made?.effect.wantedSpeaker
          ? { ...made.effect.wantedSpeaker, text: sliceText(articleText, made.effect.wantedSpeaker.start, made.effect.wantedSpeaker.end) }
          : null,
      provenance: made
        ? {
            decisionId: made.decision.id,
            decision: made.decision.decision,
            decidedBy: boardDecision(made.decision).decidedBy,
            decidedAt: made.decision.decidedAt.toISOString(),
            sources: made.effect.sources.map((id) => ({ id, email: sourceEmail.get(id) ?? null })),
          }
        : null,
    };
  });
  const goldState: GoldSpanState[] = goldRows.map((row) => ({
    id: row.id,
    label: row.label,
    start: row.start,
    end: row.end,
    hasSpeaker: speakerOf.has(row.id),
    wantedSpeaker: madeBy.get(row.id)?.effect.wantedSpeaker ?? null,
  }));

  const latestByUnit = new Map<string, DecisionRow>();
  for (const decision of live) latestByUnit.set(decision.unitKey, decision);
  const units = groupUnits(layers).map((unit) => {
    const decision = latestByUnit.get(unit.key);
    return { ...unit, decision: decision ? boardDecision(decision) : null };
  });
  return { analysts, layers, units, gold, goldState, decisions, history: decisions.map(boardDecision).reverse() };
}

/** Each analyst's figures against gold, once gold has a span. */
export function feedbackFor(state: ReviewState, labels: readonly string[]): AnalystFeedback[] | null {
  if (state.gold.length === 0) return null;
  return feedbackAgainstGold(state.gold, state.layers, labels);
}

/** The review board as the page renders it and the review API answers it. */
export type ReviewBoard = {
  article: { externalId: string; title: string; text: string };
  labels: { key: string; name: string; colour: string }[];
  analysts: { id: string; email: string; status: string | null }[];
  units: ReviewState["units"];
  gold: GoldSpanView[];
  history: BoardDecision[];
  feedback: AnalystFeedback[] | null;
};

const HISTORY_SHOWN = 50;

export async function loadReviewBoard(
  db: Database,
  project: { id: string },
  article: { id: string; externalId: string; title: string; text: string },
): Promise<ReviewBoard> {
  const [state, labelRows] = await Promise.all([loadReviewState(db, article.id, article.text), listProjectLabels(db, [project.id])]);
  const labels = labelRows.map((label) => ({ key: label.key, name: label.name, colour: label.colour }));
  return {
    article: { externalId: article.externalId, title: article.title, text: article.text },
    labels,
    analysts: state.analysts,
    units: state.units,
    gold: state.gold,
    history: state.history.slice(0, HISTORY_SHOWN),
    feedback: feedbackFor(state, labels.map((label) => label.key)),
  };
}
