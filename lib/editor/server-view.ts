import { attributionSurvivesRelabel } from "./attribution-rules";
import { EMPTY_LAYER, layerStateFrom, type LayerState } from "./layer-state";
import type { Change, ChangeResult, LayerData, Relation, Span } from "./types";

/**
 * The editor's copy of what the server has saved, the base that rollbacks restore.
 * Versions only grow on the server, so an answer older than what is already known is
 * ignored: a replayed change gets its first (older) answer back, which must not undo
 * what later answers or a fresh read already showed.
 */
export class ServerView {
  private current: LayerState = EMPTY_LAYER;
  private readonly known = new Map<string, number>();

  get state(): LayerState {
    return this.current;
  }

  reset(data: LayerData): void {
    this.current = layerStateFrom(data);
    this.known.clear();
    for (const span of data.spans) this.known.set(span.id, span.version);
    for (const relation of data.relations) this.known.set(relation.id, relation.version);
  }

  /** Learns from the server's answer to `change`. */
  learn(change: Change, result: ChangeResult): void {
    if (result.ok) {
      if (result.span) {
        if (result.deleted) this.removeSpan(result.span.id, result.span.version);
        else this.putSpan(result.span);
      }
      if (result.relation) {
        if (result.deleted) this.removeRelation(result.relation.id, result.relation.version);
        else this.putRelation(result.relation);
      }
      return;
    }
    const { code, current } = result.error;
    const isSpanChange = "span" in change;
    if (code === "not_found") {
      const id = isSpanChange ? change.span.id : change.relation.id;
      if (!id) return;
      if (isSpanChange) this.removeSpan(id, Infinity);
      else this.removeRelation(id, Infinity);
      return;
    }
    // stale_version carries the current state; duplicate_span and already_attributed the row in the way.
    if (isSpan(current)) this.putSpan(current);
    else if (isRelation(current)) this.putRelation(current);
  }

  private isNewer(id: string, version: number): boolean {
    return version >= (this.known.get(id) ?? 0);
  }

  private putSpan(span: Span): void {
    if (!this.isNewer(span.id, span.version)) return;
    this.known.set(span.id, span.version);
    const previous = this.current.spans.get(span.id);
    const spans = new Map(this.current.spans).set(span.id, span);
    this.current = { spans, relations: this.current.relations };
    if (previous && previous.label !== span.label) this.dropRelations((r) => !attributionSurvivesRelabel(r, span.id, span.label));
  }

  private removeSpan(id: string, version: number): void {
    if (!this.isNewer(id, version)) return;
    this.known.set(id, version);
    const spans = new Map(this.current.spans);
    spans.delete(id);
    this.current = { spans, relations: this.current.relations };
    this.dropRelations((r) => r.from === id || r.to === id);
  }

  private putRelation(relation: Relation): void {
    if (!this.isNewer(relation.id, relation.version)) return;
    this.known.set(relation.id, relation.version);
    this.current = { spans: this.current.spans, relations: new Map(this.current.relations).set(relation.id, relation) };
  }

  private removeRelation(id: string, version: number): void {
    if (!this.isNewer(id, version)) return;
    this.known.set(id, version);
    this.dropRelations((r) => r.id === id);
  }

  /** The server soft-deletes these with a version bump, so an older answer must not revive them. */
  private dropRelations(drop: (relation: Relation) => boolean): void {
    let relations: Map<string, Relation> | null = null;
    for (const [id, relation] of this.current.relations) {
      if (!drop(relation)) continue;
      relations ??= new Map(this.current.relations);
      relations.delete(id);
      this.known.set(id, Math.max(this.known.get(id) ?? 0, relation.version + 1));
    }
    if (relations) this.current = { spans: this.current.spans, relations };
  }
}

function isSpan(value: unknown): value is Span {
  const v = value as Partial<Span> | null;
  return !!v && typeof v === "object" && typeof v.id === "string" && typeof v.version === "number" && typeof v.start === "number" && typeof v.label === "string";
}

function isRelation(value: unknown): value is Relation {
  const v = value as Partial<Relation> | null;
  return !!v && typeof v === "object" && typeof v.id === "string" && typeof v.version === "number" && typeof v.from === "string" && typeof v.to === "string";
}
