import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../types";
import { actors, annotations, articles, auditLog, relations, users, type Actor } from "../schema";
import type { ActorRecord } from "../../lib/formats";
import { rankActors } from "../../lib/actors/fuzzy";
import { sliceByCodePoints, codePointLength } from "../../lib/text/code-points";
import type { ActorInput, ActorPatch } from "../../lib/validation/actors";

/**
 * A project's actor register for export: canonical actors only (merged ones live on as their
 * survivor's aliases), ordered by name.
 */
export async function listActorRegister(db: Database, projectId: string): Promise<ActorRecord[]> {
  const rows = await db
    .select({
      name: actors.name,
      aliases: actors.aliases,
      kind: actors.kind,
      externalId: actors.externalId,
      description: actors.description,
    })
    .from(actors)
    .where(and(eq(actors.projectId, projectId), isNull(actors.mergedIntoId)))
    .orderBy(asc(actors.name), asc(actors.id));
  return rows.map((row) => ({
    name: row.name,
    aliases: row.aliases,
    kind: row.kind,
    external_id: row.externalId,
    description: row.description === "" ? null : row.description,
  }));
}

export class DuplicateActorError extends Error {
  constructor(name: string) {
    super(`There is already an actor named "${name}" in this project.`);
  }
}
export class ActorNotFoundError extends Error {
  constructor() {
    super("This actor no longer exists in this project (it may have been merged).");
  }
}

export type ActorSummary = Pick<Actor, "id" | "name" | "aliases" | "kind" | "externalId" | "description"> & { mentions: number };
export type ActorMatch = Pick<Actor, "id" | "name" | "aliases" | "kind" | "externalId" | "description"> & { score: number };

/** Who may read which layers: reviewers and admins every analyst's and gold; an analyst only their own. */
export type LayerViewer = { id: string; role: "admin" | "reviewer" | "analyst" };

function visibleLayers(table: typeof annotations, viewer: LayerViewer) {
  return viewer.role === "analyst"
    ? and(eq(table.layerKind, "analyst"), eq(table.layerUserId, viewer.id))
    : inArray(table.layerKind, ["analyst", "gold"]);
}

const actorColumns = {
  id: actors.id,
  name: actors.name,
  aliases: actors.aliases,
  kind: actors.kind,
  externalId: actors.externalId,
  description: actors.description,
};

/** Canonical actors with the number of live spans (that the viewer may see) linked to each, by name. */
export async function listActors(db: Database, projectId: string, viewer: LayerViewer, limit = 1000): Promise<ActorSummary[]> {
  const mentionCount = db
    .select({ actorId: annotations.actorId, mentions: sql<number>`count(*)::int`.as("mentions") })
    .from(annotations)
    .where(and(isNull(annotations.deletedAt), visibleLayers(annotations, viewer)))
    .groupBy(annotations.actorId)
    .as("mention_count");
  const rows = await db
    .select({ ...actorColumns, mentions: sql<number>`coalesce(${mentionCount.mentions}, 0)` })
    .from(actors)
    .leftJoin(mentionCount, eq(mentionCount.actorId, actors.id))
    .where(and(eq(actors.projectId, projectId), isNull(actors.mergedIntoId)))
    .orderBy(asc(actors.name))
    .limit(limit);
  return rows.map((row) => ({ ...row, mentions: Number(row.mentions) }));
}

/**
 * Canonical actors ranked against `query` (a surface form such as "Volz"): pg_trgm scores
 * every name and alias (similarity and word_similarity, case-folded), then lib/actors/fuzzy
 * adds an edit-distance and sound score for misspellings that share no trigram.
 */
export async function searchActors(db: Database, projectId: string, query: string, limit = 10): Promise<ActorMatch[]> {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const trigramScore = sql<number>`greatest(
    similarity(lower(${actors.name}), ${q}),
    word_similarity(${q}, lower(${actors.name})),
    coalesce((select max(greatest(similarity(lower(alias), ${q}), word_similarity(${q}, lower(alias)))) from unnest(${actors.aliases}) as alias), 0)
  )`;
  const rows = await db
    .select({ ...actorColumns, trigramScore })
    .from(actors)
    .where(and(eq(actors.projectId, projectId), isNull(actors.mergedIntoId)))
    .orderBy(desc(trigramScore), asc(actors.name))
    // A register of a few thousand names is scored whole; past that the trigram ranking picks.
    .limit(5000);
  return rankActors(query, rows.map((row) => ({ ...row, trigramScore: Number(row.trigramScore) })), { limit }).map(
    ({ trigramScore: _t, ...match }) => match,
  );
}

/** Names and aliases of the canonical actors, for finding mentions in an article. */
export async function knownActors(db: Database, projectId: string): Promise<{ name: string; aliases: string[] }[]> {
  return db
    .select({ name: actors.name, aliases: actors.aliases })
    .from(actors)
    .where(and(eq(actors.projectId, projectId), isNull(actors.mergedIntoId)))
    .orderBy(asc(actors.name))
    .limit(5000);
}

/** The actor by id in this project; a merged one resolves to its survivor (`mergedFrom` says so). */
export async function getActor(db: Database, projectId: string, actorId: string): Promise<(Actor & { mergedFrom: string | null }) | null> {
  let id = actorId;
  let mergedFrom: string | null = null;
  for (let hops = 0; hops < 10; hops++) {
    const [row] = await db.select().from(actors).where(and(eq(actors.id, id), eq(actors.projectId, projectId)));
    if (!row) return null;
    if (!row.mergedIntoId) return { ...row, mergedFrom };
    mergedFrom ??= row.name;
    id = row.mergedIntoId;
  }
  return null;
}

function uniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return (e?.cause?.code ?? e?.code) === "23505";
}

function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set<string>([name]);
  const out: string[] = [];
  for (const alias of aliases.map((a) => a.trim()).filter(Boolean)) {
    if (seen.has(alias)) continue;
    seen.add(alias);
    out.push(alias);
  }
  return out;
}

export async function createActor(db: Database, projectId: string, input: ActorInput, userId: string): Promise<Actor> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(actors)
        .values({
          projectId,
          name: input.name,
          aliases: cleanAliases(input.name, input.aliases ?? []),
          kind: input.kind,
          externalId: input.externalId ?? null,
          description: input.description ?? "",
        })
        .returning();
      await tx.insert(auditLog).values({ userId, projectId, entity: "actor", entityId: row.id, action: "create", after: row });
      return row;
    });
  } catch (error) {
    if (uniqueViolation(error)) throw new DuplicateActorError(input.name);
    throw error;
  }
}

export async function updateActor(db: Database, projectId: string, actorId: string, patch: ActorPatch, userId: string): Promise<Actor> {
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(actors)
        .where(and(eq(actors.id, actorId), eq(actors.projectId, projectId), isNull(actors.mergedIntoId)))
        .for("update");
      if (!before) throw new ActorNotFoundError();
      const name = patch.name ?? before.name;
      const [row] = await tx
        .update(actors)
        .set({
          name,
          aliases: cleanAliases(name, patch.aliases ?? before.aliases),
          kind: patch.kind ?? before.kind,
          externalId: patch.externalId === undefined ? before.externalId : patch.externalId,
          description: patch.description ?? before.description,
          updatedAt: new Date(),
        })
        .where(eq(actors.id, actorId))
        .returning();
      await tx.insert(auditLog).values({ userId, projectId, entity: "actor", entityId: actorId, action: "update", before, after: row });
      return row;
    });
  } catch (error) {
    if (uniqueViolation(error)) throw new DuplicateActorError(patch.name ?? "");
    throw error;
  }
}

/**
 * Merges `loserId` into `survivorId` in one transaction: every span linked to the loser (in every
 * layer, gold included) links to the survivor (a new version of the span), the loser's name and aliases join the survivor's
 * aliases, the loser points at the survivor (as do actors merged into it before), and the audit
 * log records it.
 */
export async function mergeActors(
  db: Database,
  projectId: string,
  input: { loserId: string; survivorId: string },
  userId: string,
): Promise<{ survivor: Actor; moved: number }> {
  if (input.loserId === input.survivorId) throw new ActorNotFoundError();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(actors)
      .where(and(inArray(actors.id, [input.loserId, input.survivorId]), eq(actors.projectId, projectId), isNull(actors.mergedIntoId)))
      .orderBy(asc(actors.id))
      .for("update");
    const loser = rows.find((row) => row.id === input.loserId);
    const survivor = rows.find((row) => row.id === input.survivorId);
    if (!loser || !survivor) throw new ActorNotFoundError();
    // A moved span is a changed span: its version goes up, so an editor still holding it with the
    // loser's name gets its next write to it refused as stale, with the span as it is now.
    const moved = await tx
      .update(annotations)
      .set({ actorId: survivor.id, version: sql`${annotations.version} + 1`, updatedBy: userId, updatedAt: new Date() })
      .where(eq(annotations.actorId, loser.id))
      .returning({ id: annotations.id });
    await tx.update(actors).set({ mergedIntoId: survivor.id, updatedAt: new Date() }).where(and(eq(actors.projectId, projectId), eq(actors.mergedIntoId, loser.id)));
    await tx.update(actors).set({ mergedIntoId: survivor.id, updatedAt: new Date() }).where(eq(actors.id, loser.id));
    const [merged] = await tx
      .update(actors)
      .set({
        aliases: cleanAliases(survivor.name, [...survivor.aliases, loser.name, ...loser.aliases]),
        externalId: survivor.externalId ?? loser.externalId,
        description: survivor.description || loser.description,
        updatedAt: new Date(),
      })
      .where(eq(actors.id, survivor.id))
      .returning();
    await tx.insert(auditLog).values({
      userId,
      projectId,
      entity: "actor",
      entityId: survivor.id,
      action: "merge",
      before: { survivor, loser },
      after: { survivor: merged, movedSpans: moved.map((m) => m.id) },
    });
    return { survivor: merged, moved: moved.length };
  });
}

export type LayerLabel = { kind: "analyst" | "gold" | "suggestions"; email: string | null };

export type ActorMention = {
  spanId: string;
  label: string;
  start: number;
  end: number;
  text: string;
  layer: LayerLabel;
  article: { externalId: string; title: string; outlet: string | null; publishedAt: string | null };
};

/** The columns an actor page shows of a span: the span, its layer's owner and its article. */
const mentionColumns = {
  spanId: annotations.id,
  label: annotations.label,
  start: annotations.start,
  end: annotations.end,
  text: annotations.text,
  layerKind: annotations.layerKind,
  email: users.email,
  externalId: articles.externalId,
  title: articles.title,
  outlet: articles.outlet,
  publishedAt: articles.publishedAt,
};

type MentionRow = Omit<ActorMention, "layer" | "article"> & {
  layerKind: ActorMention["layer"]["kind"];
  email: string | null;
  externalId: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
};

function mentionOf(row: MentionRow): ActorMention {
  return {
    spanId: row.spanId,
    label: row.label,
    start: row.start,
    end: row.end,
    text: row.text,
    layer: { kind: row.layerKind, email: row.email },
    article: { externalId: row.externalId, title: row.title, outlet: row.outlet, publishedAt: row.publishedAt },
  };
}

/** Every live span linked to the actor that the viewer may see, by article and position. */
export async function actorMentions(db: Database, projectId: string, actorId: string, viewer: LayerViewer, limit = 2000): Promise<ActorMention[]> {
  const rows = await db
    .select(mentionColumns)
    .from(annotations)
    .innerJoin(articles, eq(articles.id, annotations.articleId))
    .leftJoin(users, eq(users.id, annotations.layerUserId))
    .where(and(eq(annotations.actorId, actorId), eq(articles.projectId, projectId), isNull(annotations.deletedAt), visibleLayers(annotations, viewer)))
    .orderBy(asc(articles.publishedAt), asc(articles.externalId), asc(annotations.start))
    .limit(limit);
  return rows.map(mentionOf);
}

export type ActorAttribution = ActorMention & { speakerText: string; before: string; after: string };

const CONTEXT_POINTS = 120;

/**
 * Every live QUOTE and CLAIM attributed (`attributed_to`) to a span linked to the actor, in the
 * layers the viewer may see, with the article and some text either side for context.
 */
export async function actorAttributions(db: Database, projectId: string, actorId: string, viewer: LayerViewer, limit = 5000): Promise<ActorAttribution[]> {
  const speaker = db
    .select({ id: annotations.id, text: annotations.text })
    .from(annotations)
    .where(and(eq(annotations.actorId, actorId), isNull(annotations.deletedAt)))
    .as("speaker");
  const rows = await db
    .select({ ...mentionColumns, speakerText: speaker.text, articleText: articles.text })
    .from(relations)
    .innerJoin(speaker, eq(speaker.id, relations.toId))
    .innerJoin(annotations, eq(annotations.id, relations.fromId))
    .innerJoin(articles, eq(articles.id, relations.articleId))
    .leftJoin(users, eq(users.id, annotations.layerUserId))
    .where(
      and(
        eq(articles.projectId, projectId),
        eq(relations.type, "attributed_to"),
        isNull(relations.deletedAt),
        isNull(annotations.deletedAt),
        visibleLayers(annotations, viewer),
      ),
    )
    .orderBy(asc(articles.publishedAt), asc(articles.externalId), asc(annotations.start), asc(annotations.layerKind), asc(users.email))
    .limit(limit);
  return rows.map((row) => {
    const length = codePointLength(row.articleText);
    return {
      ...mentionOf(row),
      speakerText: row.speakerText,
      before: sliceByCodePoints(row.articleText, Math.max(0, row.start - CONTEXT_POINTS), row.start),
      after: sliceByCodePoints(row.articleText, Math.min(length, row.end), Math.min(length, row.end + CONTEXT_POINTS)),
    };
  });
}
