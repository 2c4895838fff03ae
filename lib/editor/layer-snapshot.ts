import type { LayerState } from "./layer-state";
import { sameSpan } from "./span-content";
import type { Relation, Span } from "./types";

/** What the editor draws. A new object whenever anything in it changed, the same one otherwise. */
export type LayerSnapshot = {
  /** In text order: start, then end, then label. */
  readonly spans: readonly Span[];
  readonly spanById: ReadonlyMap<string, Span>;
  readonly relations: readonly Relation[];
  readonly relationById: ReadonlyMap<string, Relation>;
  /** A QUOTE's or CLAIM's attribution, by the attributed span's id. */
  readonly speakerOf: ReadonlyMap<string, Relation>;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /**
   * When known: the spans list this one was made from (the previous snapshot's) and the ids of
   * the spans added, changed or removed since, so that lists derived from it can be patched.
   */
  readonly changes?: { readonly from: readonly Span[]; readonly spanIds: ReadonlySet<string> };
};

/**
 * `changedSpanIds`, when given, names every span added, changed or removed since `previous` (the
 * store knows them from the changes it applied): the text-ordered list is then `previous`'s with
 * those spans taken out and put back by binary search, instead of all spans sorted again.
 */
export function buildSnapshot(
  state: LayerState,
  history: { canUndo: boolean; canRedo: boolean },
  previous?: LayerSnapshot,
  changedSpanIds?: ReadonlySet<string>,
): LayerSnapshot {
  const spansSame = previous?.spanById === state.spans;
  const relationsSame = previous?.relationById === state.relations;
  if (previous && spansSame && relationsSame && previous.canUndo === history.canUndo && previous.canRedo === history.canRedo) {
    return previous;
  }
  const patched = spansSame ? previous.spans : previous && changedSpanIds ? resorted(previous, state.spans, changedSpanIds) : null;
  const spans = patched ?? [...state.spans.values()].sort(textOrder);
  const relations = relationsSame ? previous.relations : [...state.relations.values()];
  const speakerOf = relationsSame ? previous.speakerOf : new Map(relations.map((relation) => [relation.from, relation]));
  return {
    ...(patched && previous ? { changes: { from: previous.spans, spanIds: spansSame ? new Set<string>() : changedSpanIds! } } : {}),
    spans,
    spanById: state.spans,
    relations,
    relationById: state.relations,
    speakerOf,
    canUndo: history.canUndo,
    canRedo: history.canRedo,
  };
}

export type SpanKey = Pick<Span, "start" | "end" | "label" | "id">;

/** Spans in text order: by start, then end, then label, then id. */
export function textOrder(a: SpanKey, b: SpanKey): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The first index of the text-ordered `spans` whose span does not come before `key`. */
function lowerBound(spans: readonly SpanKey[], key: SpanKey): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (textOrder(spans[mid], key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `previous.spans` with the changed spans moved; null when the changes do not fit (then sort all). */
function resorted(previous: LayerSnapshot, spans: ReadonlyMap<string, Span>, changed: ReadonlySet<string>): Span[] | null {
  if (changed.size > 64) return null;
  const next = previous.spans.slice();
  for (const id of changed) {
    const before = previous.spanById.get(id);
    if (!before) continue;
    const at = lowerBound(next, before);
    if (next[at] !== before) return null;
    next.splice(at, 1);
  }
  for (const id of changed) {
    const after = spans.get(id);
    if (after) next.splice(lowerBound(next, after), 0, after);
  }
  return next.length === spans.size ? next : null;
}

/** A span of `snapshot` with these bounds and label, by binary search (spans are in text order). */
export function findByBounds(snapshot: LayerSnapshot, wanted: { start: number; end: number; label: string }): Span | undefined {
  const { spans } = snapshot;
  const span = spans[lowerBound(spans, { ...wanted, id: "" })];
  return span && span.start === wanted.start && span.end === wanted.end && span.label === wanted.label ? span : undefined;
}

/**
 * `next` with the objects of `previous` wherever they are equal, and `previous` itself when
 * nothing differs, so a recomputed layer does not make React redraw 2,000 unchanged spans.
 */
export function keepIdentity(previous: LayerState, next: LayerState): LayerState {
  const spans = reuse(previous.spans, next.spans, sameSpan);
  const relations = reuse(previous.relations, next.relations, sameRelation);
  if (spans === previous.spans && relations === previous.relations) return previous;
  return { spans, relations };
}

function reuse<T>(previous: ReadonlyMap<string, T>, next: ReadonlyMap<string, T>, same: (a: T, b: T) => boolean): ReadonlyMap<string, T> {
  let changed = previous.size !== next.size;
  const merged = new Map<string, T>();
  for (const [id, item] of next) {
    const old = previous.get(id);
    if (old !== undefined && (old === item || same(old, item))) merged.set(id, old);
    else {
      merged.set(id, item);
      changed = true;
    }
  }
  return changed ? merged : previous;
}

function sameRelation(a: Relation, b: Relation): boolean {
  return a.id === b.id && a.version === b.version && a.from === b.from && a.to === b.to && a.type === b.type;
}

/**
 * `list` (in text order, one entry per span id) with the entries of `remove` taken out and
 * `insert` put in, by binary search; null when an entry to remove is not there (then derive the
 * list again from all spans).
 */
export function patchOrdered<T extends SpanKey>(list: readonly T[], remove: Iterable<SpanKey>, insert: Iterable<T>): T[] | null {
  const next = list.slice();
  for (const key of remove) {
    const at = lowerBound(next, key);
    if (at >= next.length || next[at].id !== key.id) return null;
    next.splice(at, 1);
  }
  for (const item of insert) next.splice(lowerBound(next, item), 0, item);
  return next;
}
