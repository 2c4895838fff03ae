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

/** Rows of the review queue on one page. */
export const QUEUE_PAGE_SIZE = 50;

export type QueuePage<T> = { items: T[]; page: number; pages: number; total: number; first: number; last: number };

/**
 * Page `page` (from 1) of the sorted queue; a page past the end shows the last one, so a link
 * kept while articles left the queue still lands on rows. `first` and `last` count from 1.
 */
export function queuePage<T>(items: readonly T[], page: number, size = QUEUE_PAGE_SIZE): QueuePage<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const shown = Math.min(Math.max(1, Math.floor(page)), pages);
  const start = (shown - 1) * size;
  const slice = items.slice(start, start + size);
  return { items: slice, page: shown, pages, total: items.length, first: slice.length ? start + 1 : 0, last: start + slice.length };
}
