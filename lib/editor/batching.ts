import type { Change } from "./types";

/**
 * The next request's changes: the oldest first, at most `limit`, and at most one change per
 * span or relation that is based on a version. Two in one request would be unsafe: when the
 * first is refused as stale because another tab changed the span exactly once, the second
 * (based on the version the first would have made) would match and overwrite that tab's
 * change. Sent one request later, it is cancelled by the store when the first is refused.
 */
export function takeBatch(queue: readonly Change[], limit: number): Change[] {
  const versioned = new Set<string>();
  const batch: Change[] = [];
  for (const change of queue) {
    if (batch.length >= limit) break;
    const based = basedOn(change);
    if (based !== null) {
      if (versioned.has(based)) break;
      versioned.add(based);
    }
    batch.push(change);
  }
  return batch;
}

function basedOn(change: Change): string | null {
  switch (change.op) {
    case "update":
    case "delete":
      return change.span.id;
    case "delete_relation":
      return change.relation.id;
    default:
      return null;
  }
}
