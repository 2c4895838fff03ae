import { attributionSurvivesRelabel } from "./attribution-rules";
import type { Change, LayerData, Relation, Span } from "./types";

/** One layer as maps by id. Treated as immutable: every change makes new maps. */
export type LayerState = { readonly spans: ReadonlyMap<string, Span>; readonly relations: ReadonlyMap<string, Relation> };

/** Copies a map on its first write only, so an untouched map keeps its identity. */
class Draft {
  private ownSpans = false;
  private ownRelations = false;
  spans: ReadonlyMap<string, Span>;
  relations: ReadonlyMap<string, Relation>;

  constructor(private readonly base: LayerState) {
    this.spans = base.spans;
    this.relations = base.relations;
  }

  writableSpans(): Map<string, Span> {
    if (!this.ownSpans) {
      this.spans = new Map(this.spans);
      this.ownSpans = true;
    }
    return this.spans as Map<string, Span>;
  }

  writableRelations(): Map<string, Relation> {
    if (!this.ownRelations) {
      this.relations = new Map(this.relations);
      this.ownRelations = true;
    }
    return this.relations as Map<string, Relation>;
  }

  state(): LayerState {
    return this.ownSpans || this.ownRelations ? { spans: this.spans, relations: this.relations } : this.base;
  }
}

export const EMPTY_LAYER: LayerState = { spans: new Map(), relations: new Map() };

export function layerStateFrom(data: LayerData): LayerState {
  return {
    spans: new Map(data.spans.map((span) => [span.id, span])),
    relations: new Map(data.relations.map((relation) => [relation.id, relation])),
  };
}

/**
 * What the server will make of `change`, predicted: create → version 1, update and delete →
 * the version the change was based on + 1, deleting a span deletes its relations, a relabel
 * drops attributions that became invalid. A change the layer already shows the outcome of
 * (its create's id exists, the span is past its version) or cannot take (unknown id) is
 * skipped: after a reload, queued changes the server already applied replay harmlessly.
 */
export function applyChange(state: LayerState, change: Change): LayerState {
  const draft = new Draft(state);
  applyChangeTo(draft, change);
  return draft.state();
}

/** Applies changes in order on one copy (an offline queue can hold thousands). */
export function replayChanges(state: LayerState, changes: readonly Change[]): LayerState {
  const draft = new Draft(state);
  for (const change of changes) applyChangeTo(draft, change);
  return draft.state();
}

function applyChangeTo(draft: Draft, change: Change): void {
  switch (change.op) {
    case "create": {
      const { id, start, end, label, text, attributes, note, actor } = change.span;
      if (!id || draft.spans.has(id)) return;
      draft.writableSpans().set(id, { id, version: 1, start, end, label, text, attributes: attributes ?? {}, note: note ?? null, actor: actor ?? null });
      return;
    }
    case "update": {
      const current = draft.spans.get(change.span.id);
      if (!current || current.version > change.span.version) return;
      const { id, version, ...fields } = change.span;
      const next: Span = { ...current, version: version + 1 };
      for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined) (next as Record<string, unknown>)[key] = value;
      }
      draft.writableSpans().set(id, next);
      if (next.label !== current.label) dropRelations(draft, (r) => !attributionSurvivesRelabel(r, id, next.label));
      return;
    }
    case "delete": {
      const current = draft.spans.get(change.span.id);
      if (!current || current.version > change.span.version) return;
      draft.writableSpans().delete(change.span.id);
      dropRelations(draft, (r) => r.from === change.span.id || r.to === change.span.id);
      return;
    }
    case "create_relation": {
      const { id, type, from, to } = change.relation;
      if (!id || draft.relations.has(id) || !draft.spans.has(from) || !draft.spans.has(to)) return;
      draft.writableRelations().set(id, { id, version: 1, type, from, to });
      return;
    }
    case "delete_relation":
      if (draft.relations.has(change.relation.id)) draft.writableRelations().delete(change.relation.id);
      return;
  }
}

function dropRelations(draft: Draft, drop: (relation: Relation) => boolean): void {
  for (const relation of [...draft.relations.values()].filter(drop)) draft.writableRelations().delete(relation.id);
}

/** Relations that start or end at a span. */
export function relationsTouching(state: LayerState, spanId: string): Relation[] {
  return [...state.relations.values()].filter((r) => r.from === spanId || r.to === spanId);
}

/** The span ids a change refers to (its own span, or both ends of a relation it creates). */
export function spanIdsOf(change: Change): string[] {
  switch (change.op) {
    case "create":
      return change.span.id ? [change.span.id] : [];
    case "update":
    case "delete":
      return [change.span.id];
    case "create_relation":
      return [change.relation.from, change.relation.to];
    case "delete_relation":
      return [];
  }
}

/** The id of the span or relation a change writes. */
export function targetIdOf(change: Change): string | undefined {
  return "span" in change ? change.span.id : change.relation.id;
}
