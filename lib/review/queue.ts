/**
 * An article is ready for review when it has assigned analysts and every one of them marked it
 * done.
 */
export function isReadyForReview(statuses: readonly string[]): boolean {
  return statuses.length > 0 && statuses.every((status) => status === "done");
}

/** Most disagreement first; articles with no score (nothing marked) last; then by external id. */
export function byDisagreement<T extends { disagreement: number | null; externalId: string }>(a: T, b: T): number {
  const da = a.disagreement ?? -1;
  const db = b.disagreement ?? -1;
  return db - da || (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0);
}
