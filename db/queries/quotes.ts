import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../types";
import { rowsOf } from "../rows";
import { auditLog, projects, quoteClusterDecisions } from "../schema";
import { QuoteClusterer, type ClusterDecision } from "../../lib/quotes/cluster";

/**
 * Which layer quotes come from: gold only; or one analyst's layer, with gold taking its place
 * where an article has gold when `goldFirst` (for callers who may read gold: reviewers, admins,
 * the CLI). An analyst asking for their own layer gets `goldFirst: false`, never gold.
 */
export type QuoteLayer = { kind: "gold" } | { kind: "analyst"; userId: string; goldFirst: boolean };

export type QuoteRow = {
  /** Stable name of the quote for cluster decisions: `article external id:start:end:label`. */
  key: string;
  annotationId: string;
  article: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  label: "QUOTE" | "CLAIM";
  start: number;
  end: number;
  text: string;
  /** The canonical actor it is attributed to (the actor it was merged into), or the ACTOR span's text when unlinked. */
  speaker: string | null;
  speakerActorId: string | null;
  layer: string;
};

export type ClusteredQuote = QuoteRow & { cluster: string };

export function quoteKey(article: string, start: number, end: number, label: string): string {
  return `${article}:${start}:${end}:${label}`;
}

/**
 * Every QUOTE and CLAIM of the project in the chosen layer, attributed or not, in article
 * order (published date, then external id), with its speaker. One query for the spans with their
 * attribution, one for the actors.
 */
export async function loadProjectQuotes(db: Database, projectId: string, layer: QuoteLayer): Promise<QuoteRow[]> {
  const analyst = layer.kind === "analyst" ? layer.userId : null;
  const withGold = layer.kind === "gold" || layer.goldFirst;
  const [spanRows, actorRows] = await Promise.all([
    db.execute(sql`
      with gold_articles as (
        select distinct a.article_id from annotations a join articles ar on ar.id = a.article_id
        where ar.project_id = ${projectId} and a.layer_kind = 'gold' and a.deleted_at is null
      )
      select a.id, ar.external_id, ar.title, ar.outlet, ar.published_at::text as published_at, a.label, a.start, a."end", a.text,
             a.layer_kind, u.email as layer_email, speaker.actor_id as speaker_actor_id, speaker.text as speaker_text
      from annotations a
      join articles ar on ar.id = a.article_id
      left join users u on u.id = a.layer_user_id
      left join relations r on r.from_id = a.id and r.type = 'attributed_to' and r.deleted_at is null
      left join annotations speaker on speaker.id = r.to_id and speaker.deleted_at is null
      where ar.project_id = ${projectId} and a.deleted_at is null and a.label in ('QUOTE', 'CLAIM')
        and (
          (${withGold}::boolean and a.layer_kind = 'gold')
          or (${analyst}::uuid is not null and a.layer_kind = 'analyst' and a.layer_user_id = ${analyst}::uuid
              and (not ${withGold}::boolean or a.article_id not in (select article_id from gold_articles)))
        )
      order by ar.published_at nulls last, ar.external_id, a.start, a."end", a.label`),
    db.execute(sql`
      select actor.id, coalesce(survivor.id, actor.id) as canonical_id, coalesce(survivor.name, actor.name) as name
      from actors actor left join actors survivor on survivor.id = actor.merged_into_id
      where actor.project_id = ${projectId}`),
  ]);
  const actors = new Map(rowsOf<{ id: string; canonical_id: string; name: string }>(actorRows).map((row) => [row.id, row]));
  type Row = {
    id: string; external_id: string; title: string; outlet: string | null; published_at: string | null; label: "QUOTE" | "CLAIM";
    start: number; end: number; text: string; layer_kind: string; layer_email: string | null; speaker_actor_id: string | null; speaker_text: string | null;
  };
  return rowsOf<Row>(spanRows).map((row) => {
    const actor = row.speaker_actor_id ? actors.get(row.speaker_actor_id) : undefined;
    return {
      key: quoteKey(row.external_id, row.start, row.end, row.label),
      annotationId: row.id,
      article: row.external_id,
      title: row.title,
      outlet: row.outlet,
      publishedAt: row.published_at,
      label: row.label,
      start: row.start,
      end: row.end,
      text: row.text,
      speaker: actor?.name ?? row.speaker_text ?? null,
      speakerActorId: actor?.canonical_id ?? null,
      layer: row.layer_kind === "gold" ? "gold" : (row.layer_email ?? "analyst"),
    };
  });
}

export async function listClusterDecisions(db: Database, projectId: string): Promise<ClusterDecision[]> {
  const rows = await db
    .select({ kind: quoteClusterDecisions.kind, a: quoteClusterDecisions.quoteA, b: quoteClusterDecisions.quoteB })
    .from(quoteClusterDecisions)
    .where(eq(quoteClusterDecisions.projectId, projectId))
    .orderBy(asc(quoteClusterDecisions.id));
  return rows;
}

/**
 * The quotes with their cluster: QUOTEs are matched with QUOTEs and CLAIMs with CLAIMs across the
 * project, with the project's threshold and its reviewers' decisions.
 */
export function clusterRows(rows: readonly QuoteRow[], threshold: number, decisions: readonly ClusterDecision[]): ClusteredQuote[] {
  const clusterOf = new Map<string, string>();
  for (const label of ["QUOTE", "CLAIM"] as const) {
    const clusterer = new QuoteClusterer({ threshold, decisions });
    clusterer.add(rows.filter((row) => row.label === label).map((row) => ({ key: row.key, text: row.text })));
    for (const cluster of clusterer.clusters()) for (const key of cluster.members) clusterOf.set(key, cluster.id);
  }
  return rows.map((row) => ({ ...row, cluster: clusterOf.get(row.key)! }));
}

/** Every QUOTE and CLAIM of the chosen layer with its cluster, attributed or not. */
export async function clusteredProjectQuotes(db: Database, project: { id: string; quoteThreshold: number }, layer: QuoteLayer): Promise<ClusteredQuote[]> {
  const [rows, decisions] = await Promise.all([loadProjectQuotes(db, project.id, layer), listClusterDecisions(db, project.id)]);
  return clusterRows(rows, project.quoteThreshold, decisions);
}

/** Every attributed QUOTE and CLAIM with its cluster, optionally of one speaker (by canonical name, case-insensitive). */
export async function attributedQuotes(
  db: Database,
  project: { id: string; quoteThreshold: number },
  layer: QuoteLayer,
  options: { speaker?: string } = {},
): Promise<ClusteredQuote[]> {
  const clustered = await clusteredProjectQuotes(db, project, layer);
  const wanted = options.speaker?.trim().toLocaleLowerCase("und");
  return clustered.filter((row) => row.speaker !== null && (!wanted || row.speaker.toLocaleLowerCase("und") === wanted));
}

/** Records a reviewer's split or merge (as pairs kept apart or together), with its audit entry, in one transaction. */
export async function addClusterDecisions(
  db: Database,
  projectId: string,
  userId: string,
  decisions: readonly ClusterDecision[],
  action: "split" | "merge" = "split",
): Promise<void> {
  if (decisions.length === 0) return;
  await db.transaction(async (tx) => {
    const rows = await tx
      .insert(quoteClusterDecisions)
      .values(decisions.map((d) => ({ projectId, kind: d.kind, quoteA: d.a, quoteB: d.b, decidedBy: userId })))
      .returning({ id: quoteClusterDecisions.id });
    await tx.insert(auditLog).values({
      userId,
      projectId,
      entity: "quote_cluster",
      entityId: String(rows[0].id),
      action,
      before: null,
      after: { decisions },
    });
  });
}

export async function setQuoteThreshold(db: Database, projectId: string, userId: string, threshold: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ threshold: projects.quoteThreshold }).from(projects).where(eq(projects.id, projectId)).for("update");
    await tx.update(projects).set({ quoteThreshold: threshold, updatedAt: new Date() }).where(eq(projects.id, projectId));
    await tx.insert(auditLog).values({ userId, projectId, entity: "project", entityId: projectId, action: "quote_threshold", before, after: { threshold } });
  });
}
