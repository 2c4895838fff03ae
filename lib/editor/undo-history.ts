import type { LayerState } from "./layer-state";
import { contentOf, contentPatch, type SpanContent, type SpanFields } from "./span-content";

type Ends = { from: string; to: string };

/**
 * The part of a layer one user action touched, by id as it was then; null means "absent".
 * Undo brings the layer back to the entry's `before` slice, redo to its `after` slice.
 */
export type Slice = { spans: ReadonlyMap<string, SpanContent | null>; relations: ReadonlyMap<string, Ends | null> };
export type HistoryEntry = { before: Slice; after: Slice };

/** One step towards a slice. Ids are keys as recorded; resolve them when the step runs. */
export type RestoreStep =
  | { kind: "update"; key: string; fields: SpanFields }
  | { kind: "delete_span"; key: string }
  | { kind: "delete_relation"; key: string }
  | { kind: "create_span"; key: string; content: SpanContent }
  | { kind: "create_relation"; key: string; from: string; to: string };

export function captureSlice(state: LayerState, spanIds: Iterable<string>, relationIds: Iterable<string>): Slice {
  const spans = new Map<string, SpanContent | null>();
  for (const id of spanIds) {
    const span = state.spans.get(id);
    spans.set(id, span ? contentOf(span) : null);
  }
  const relations = new Map<string, Ends | null>();
  for (const id of relationIds) {
    const relation = state.relations.get(id);
    relations.set(id, relation ? { from: relation.from, to: relation.to } : null);
  }
  return { spans, relations };
}

/**
 * Steps that turn the current layer into `target`, ordered so each is valid when it runs:
 * span updates (a relabel back makes an attribution valid again), span deletes, relation
 * deletes (those a span delete or relabel already removed are skipped when they run),
 * span creates, then relation creates (one speaker per span: the old one is gone by then).
 */
export function planRestore(state: LayerState, target: Slice, resolve: (key: string) => string): RestoreStep[] {
  const updates: RestoreStep[] = [];
  const spanDeletes: RestoreStep[] = [];
  const relationDeletes: RestoreStep[] = [];
  const spanCreates: RestoreStep[] = [];
  const relationCreates: RestoreStep[] = [];
  for (const [key, wanted] of target.spans) {
    const span = state.spans.get(resolve(key));
    if (wanted && span) {
      const fields = contentPatch(contentOf(span), wanted);
      if (fields) updates.push({ kind: "update", key, fields });
    } else if (wanted) {
      spanCreates.push({ kind: "create_span", key, content: wanted });
    } else if (span) {
      spanDeletes.push({ kind: "delete_span", key });
    }
  }
  for (const [key, wanted] of target.relations) {
    const relation = state.relations.get(resolve(key));
    const same = wanted && relation && resolve(wanted.from) === relation.from && resolve(wanted.to) === relation.to;
    if (same) continue;
    if (relation) relationDeletes.push({ kind: "delete_relation", key });
    if (wanted) relationCreates.push({ kind: "create_relation", key, from: wanted.from, to: wanted.to });
  }
  return [...updates, ...spanDeletes, ...relationDeletes, ...spanCreates, ...relationCreates];
}

/**
 * Undo and redo stacks. Re-creating a deleted span or relation gives it a new id (the
 * server keeps the old row, soft-deleted), so the history keeps aliases old id → new id
 * and every entry resolves its ids through them.
 */
export class UndoHistory {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private readonly aliases = new Map<string, string>();

  constructor(private readonly limit = 500) {}

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  record(entry: HistoryEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack = [];
  }

  popUndo(): HistoryEntry | undefined {
    return this.undoStack.pop();
  }

  popRedo(): HistoryEntry | undefined {
    return this.redoStack.pop();
  }

  pushUndo(entry: HistoryEntry): void {
    this.undoStack.push(entry);
  }

  pushRedo(entry: HistoryEntry): void {
    this.redoStack.push(entry);
  }

  resolve = (id: string): string => {
    let current = id;
    for (let next = this.aliases.get(current); next !== undefined; next = this.aliases.get(current)) current = next;
    return current;
  };

  /** `key` now lives on as `newId`. */
  alias(key: string, newId: string): void {
    this.aliases.set(this.resolve(key), newId);
  }

  /** Drops every entry that touches one of these ids: the server changed them under us. */
  forget(ids: ReadonlySet<string>): void {
    if (ids.size === 0) return;
    const hit = (key: string) => ids.has(key) || ids.has(this.resolve(key));
    const touches = (entry: HistoryEntry) =>
      [entry.before, entry.after].some((slice) => {
        for (const key of slice.spans.keys()) if (hit(key)) return true;
        for (const [key, ends] of slice.relations) {
          if (hit(key) || (ends && (hit(ends.from) || hit(ends.to)))) return true;
        }
        return false;
      });
    this.undoStack = this.undoStack.filter((entry) => !touches(entry));
    this.redoStack = this.redoStack.filter((entry) => !touches(entry));
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }
}
