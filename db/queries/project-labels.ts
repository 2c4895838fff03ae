import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../types";
import { annotations, articles, labels, projects, type Label } from "../schema";
import type { LabelDefinition } from "../../lib/labels";

/** A label the caller wants; `id` names an existing label, none means a new one. */
export type LabelChange = LabelDefinition & { id?: string };

/** Refuses to remove, or change the key of, labels that annotations use: they would lose their label. */
export class LabelInUseError extends Error {
  constructor(readonly problems: { key: string; count: number; change: "remove" | "rekey"; newKey?: string }[]) {
    super(
      problems
        .map(({ key, count, change, newKey }) => {
          const uses = `The label ${key} is used by ${count} annotation${count === 1 ? "" : "s"}`;
          return change === "remove" ? `${uses}: it cannot be removed.` : `${uses}: its key cannot change to ${newKey}.`;
        })
        .join(" "),
    );
  }
}

export class UnknownLabelError extends Error {
  constructor() {
    super("A label was changed elsewhere in the meantime. Reload the page and try again.");
  }
}

export function listProjectLabels(db: Database, projectIds: string[]) {
  return db.select().from(labels).where(inArray(labels.projectId, projectIds)).orderBy(asc(labels.position));
}

/** Live (not deleted) annotations per label key, over every layer of the project's articles. */
async function annotationCounts(db: Database, projectId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ label: annotations.label, count: sql<number>`count(*)::int` })
    .from(annotations)
    .innerJoin(articles, eq(articles.id, annotations.articleId))
    .where(and(eq(articles.projectId, projectId), isNull(annotations.deletedAt)))
    .groupBy(annotations.label);
  return new Map(rows.map((row) => [row.label, row.count]));
}

export async function listLabelsWithUsage(db: Database, projectId: string): Promise<(Label & { annotationCount: number })[]> {
  const [rows, counts] = await Promise.all([listProjectLabels(db, [projectId]), annotationCounts(db, projectId)]);
  return rows.map((label) => ({ ...label, annotationCount: counts.get(label.key) ?? 0 }));
}

/**
 * Makes the project's label set exactly `wanted`, in that order, in one transaction:
 * labels with an id are updated, those without are added, the rest are removed. A label
 * that annotations use can be renamed or recoloured, but neither removed nor re-keyed.
 */
export async function replaceLabels(db: Database, projectId: string, wanted: LabelChange[]): Promise<Label[]> {
  return db.transaction(async (tx) => {
    // Locked so that two admins saving at once apply one after the other.
    const current = await tx.select().from(labels).where(eq(labels.projectId, projectId)).for("update");
    const currentById = new Map(current.map((label) => [label.id, label]));
    if (wanted.some((label) => label.id && !currentById.has(label.id))) throw new UnknownLabelError();

    const counts = await annotationCounts(tx, projectId);
    const keptIds = new Set(wanted.map((label) => label.id).filter(Boolean));
    const removed = current.filter((label) => !keptIds.has(label.id));
    const rekeyed = wanted.filter((label) => label.id && currentById.get(label.id)!.key !== label.key);
    const problems = [
      ...removed.map((label) => ({ key: label.key, count: counts.get(label.key) ?? 0, change: "remove" as const })),
      ...rekeyed.map((label) => ({
        key: currentById.get(label.id!)!.key,
        count: counts.get(currentById.get(label.id!)!.key) ?? 0,
        change: "rekey" as const,
        newKey: label.key,
      })),
    ].filter((problem) => problem.count > 0);
    if (problems.length > 0) throw new LabelInUseError(problems);

    if (removed.length > 0) await tx.delete(labels).where(inArray(labels.id, removed.map((label) => label.id)));
    // Keys are unique per project: park changing keys first, so that swapping two keys works.
    for (const label of rekeyed) {
      await tx.update(labels).set({ key: `ZZ_PARKED_${label.id!.replaceAll("-", "").toUpperCase()}` }).where(eq(labels.id, label.id!));
    }
    for (const [position, { id, key, name, colour, hotkey, description }] of wanted.entries()) {
      const values = { key, name, colour, hotkey, description, position };
      if (id) await tx.update(labels).set(values).where(eq(labels.id, id));
      else await tx.insert(labels).values({ ...values, projectId });
    }
    await tx.update(projects).set({ updatedAt: new Date() }).where(eq(projects.id, projectId));
    return tx.select().from(labels).where(eq(labels.projectId, projectId)).orderBy(asc(labels.position));
  });
}
