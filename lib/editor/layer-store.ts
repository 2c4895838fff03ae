import { canHaveSpeaker, canSpeak } from "./attribution-rules";
import { EditorRuleError } from "./editor-rule-error";
import { applyChange, relationsTouching, replayChanges, spanIdsOf, targetIdOf, type LayerState } from "./layer-state";
import { buildSnapshot, findByBounds, keepIdentity, type LayerSnapshot } from "./layer-snapshot";
import { noticeFor } from "./notices";
import { ServerView } from "./server-view";
import { contentOf, contentPatch, type SpanContent } from "./span-content";
import type { Change, ChangeResult, EditResult, LayerData, Notice, Span } from "./types";
import { captureSlice, planRestore, UndoHistory, type HistoryEntry, type RestoreStep } from "./undo-history";

export type NewSpan = {
  start: number;
  end: number;
  label: string;
  text: string;
  attributes?: Record<string, unknown>;
  note?: string | null;
  actor?: string | null;
};

/** Fields to change; moving a bound needs both bounds and the new covered text. */
export type SpanPatch = {
  label?: string;
  note?: string | null;
  attributes?: Record<string, unknown>;
  actor?: string | null;
} & ({ start?: undefined; end?: undefined; text?: undefined } | { start: number; end: number; text: string });

export type ReconcileReport = {
  /** Messages for the user, at most one per span or attribution. */
  notices: Notice[];
  /** Queued changes (not sent yet) that can no longer succeed; the outbox drops them. */
  cancelled: string[];
};

export type LayerStoreOptions = {
  /** The layer as the server sent it. */
  layer: LayerData;
  /** Receives the changes of every action, undo and redo, in order (the outbox's `enqueue`). */
  onChanges?: (changes: Change[]) => void;
  /** Makes change ids and the ids of new spans and relations; `crypto.randomUUID` by default. */
  newId?: () => string;
  historyLimit?: number;
};

/**
 * The editor's model of one layer: the server's saved state plus the changes not yet
 * answered, applied optimistically. Subscribe with `useSyncExternalStore(store.subscribe,
 * store.getSnapshot)`.
 */
export class LayerStore {
  private readonly server = new ServerView();
  private pending: Change[] = [];
  /** Which user action each pending change belongs to: when one fails, the rest are cancelled. */
  private readonly actionOf = new Map<string, number>();
  private nextAction = 1;
  private local: LayerState;
  private readonly history: UndoHistory;
  private snapshot: LayerSnapshot;
  /** The spans changed since the snapshot was built, or null when unknown (a recompute). */
  private changedSpans: Set<string> | null = new Set();
  private readonly listeners = new Set<() => void>();
  private readonly newId: () => string;
  private readonly onChanges?: (changes: Change[]) => void;

  constructor(options: LayerStoreOptions) {
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.onChanges = options.onChanges;
    this.history = new UndoHistory(options.historyLimit);
    this.server.reset(options.layer);
    this.local = this.server.state;
    this.snapshot = buildSnapshot(this.local, this.history);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LayerSnapshot => this.snapshot;

  /** Changes sent or queued that the server has not answered yet. */
  get pendingChanges(): readonly Change[] {
    return this.pending;
  }

  /** Tags a span. The same label on the same bounds is the same span: that one is returned. */
  createSpan(input: NewSpan): EditResult {
    if (!Number.isInteger(input.start) || !Number.isInteger(input.end) || input.end <= input.start || input.start < 0) {
      throw new EditorRuleError("A span needs whole-number bounds with start before end.");
    }
    const existing = this.findSameBounds(input);
    if (existing) return { changes: [], id: existing.id };
    const id = this.newId();
    const { attributes, note, actor } = input;
    const span = {
      id,
      start: input.start,
      end: input.end,
      label: input.label,
      text: input.text,
      ...(attributes !== undefined ? { attributes } : {}),
      ...(note !== undefined ? { note } : {}),
      ...(actor !== undefined ? { actor } : {}),
    };
    return this.act([id], [], [{ id: this.newId(), op: "create", span }], id);
  }

  updateSpan(id: string, patch: SpanPatch): EditResult {
    const span = this.requireSpan(id);
    const wanted: SpanContent = { ...contentOf(span) };
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) (wanted as Record<string, unknown>)[key] = value;
    const fields = contentPatch(contentOf(span), wanted);
    if (!fields) return { changes: [], id };
    if (wanted.end <= wanted.start) throw new EditorRuleError("A span needs start before end.");
    const clash = this.findSameBounds(wanted);
    if (clash && clash.id !== id) throw new EditorRuleError(`There is already a ${wanted.label} span on exactly these characters.`);
    const relationIds = relationsTouching(this.local, id).map((r) => r.id);
    return this.act([id], relationIds, [{ id: this.newId(), op: "update", span: { id, version: span.version, ...fields } }], id);
  }

  /** Deletes a span and, as the server does, its attributions. */
  deleteSpan(id: string): EditResult {
    const span = this.requireSpan(id);
    const relationIds = relationsTouching(this.local, id).map((r) => r.id);
    return this.act([id], relationIds, [{ id: this.newId(), op: "delete", span: { id, version: span.version } }], null);
  }

  /** Makes the ACTOR span `toId` the speaker of the QUOTE or CLAIM `fromId`, replacing any other speaker. */
  attribute(fromId: string, toId: string): EditResult {
    const from = this.requireSpan(fromId);
    const to = this.requireSpan(toId);
    if (!canHaveSpeaker(from.label)) throw new EditorRuleError(`Only a QUOTE or a CLAIM has a speaker (this span is ${from.label}).`);
    if (!canSpeak(to.label)) throw new EditorRuleError(`A speaker must be an ACTOR span (this span is ${to.label}).`);
    const previous = [...this.local.relations.values()].find((r) => r.from === fromId);
    if (previous?.to === toId) return { changes: [], id: previous.id };
    const relationId = this.newId();
    const relationIds = previous ? [previous.id, relationId] : [relationId];
    const changes: Change[] = [{ id: this.newId(), op: "create_relation", relation: { id: relationId, type: "attributed_to", from: fromId, to: toId } }];
    if (previous) changes.unshift({ id: this.newId(), op: "delete_relation", relation: { id: previous.id, version: previous.version } });
    return this.act([], relationIds, changes, relationId);
  }

  removeAttribution(relationId: string): EditResult {
    const relation = this.local.relations.get(relationId);
    if (!relation) throw new EditorRuleError("This attribution no longer exists.");
    return this.act([], [relationId], [{ id: this.newId(), op: "delete_relation", relation: { id: relationId, version: relation.version } }], null);
  }

  undo(): EditResult {
    const entry = this.history.popUndo();
    if (!entry) return { changes: [], id: null };
    const result = this.restore(entry.before);
    this.history.pushRedo(entry);
    this.publish();
    return result;
  }

  redo(): EditResult {
    const entry = this.history.popRedo();
    if (!entry) return { changes: [], id: null };
    const result = this.restore(entry.after);
    this.history.pushUndo(entry);
    this.publish();
    return result;
  }

  /**
   * Takes the server's answers, in the order the changes were sent. A refused change
   * is rolled back to the server's state (a stale one adopts `current`), the changes queued
   * after it on the same span or in the same action are cancelled, and the undo entries
   * touching that span are dropped: the server's state wins.
   */
  reconcile(results: readonly ChangeResult[]): ReconcileReport {
    const byId = new Map(this.pending.map((change) => [change.id, change]));
    const answered = new Set<string>();
    const broken = new Set<string>();
    const failedActions = new Set<number>();
    const notices: Notice[] = [];
    const doomed = (change: Change) => {
      const action = this.actionOf.get(change.id);
      return (action !== undefined && failedActions.has(action)) || touchedIds(change).some((id) => broken.has(id));
    };
    for (const result of results) {
      const change = byId.get(result.id);
      if (!change || answered.has(result.id)) continue;
      answered.add(result.id);
      this.server.learn(change, result);
      if (result.ok) continue;
      if (!doomed(change)) notices.push(noticeFor(change, result.error));
      const target = targetIdOf(change);
      if (target) broken.add(target);
      const action = this.actionOf.get(change.id);
      if (action !== undefined) failedActions.add(action);
    }
    const cancelled = this.pending.filter((change) => !answered.has(change.id) && doomed(change)).map((change) => change.id);
    const dropped = new Set([...answered, ...cancelled]);
    this.pending = this.pending.filter((change) => !dropped.has(change.id));
    for (const id of dropped) this.actionOf.delete(id);
    this.history.forget(broken);
    this.recompute();
    return { notices, cancelled };
  }

  /** A fresh read of the layer from the server; changes not yet answered stay applied on top. */
  replaceAll(layer: LayerData): void {
    this.server.reset(layer);
    this.history.clear();
    this.recompute();
  }

  /** After a reload: the changes still queued in the outbox, applied again on top of the server's layer. */
  restorePending(changes: readonly Change[]): void {
    const known = new Set(this.pending.map((change) => change.id));
    this.pending = [...this.pending, ...changes.filter((change) => !known.has(change.id))];
    this.recompute();
  }

  /** Applies one user action's changes and records it for undo. */
  private act(spanIds: string[], relationIds: string[], changes: Change[], id: string | null): EditResult {
    const before = captureSlice(this.local, spanIds, relationIds);
    this.emit(changes);
    this.history.record({ before, after: captureSlice(this.local, spanIds, relationIds) });
    this.publish();
    return { changes, id };
  }

  private restore(target: HistoryEntry["before"]): EditResult {
    const changes: Change[] = [];
    for (const step of planRestore(this.local, target, this.history.resolve)) {
      const change = this.changeFor(step);
      if (!change) continue;
      this.local = applyChange(this.local, change);
      changes.push(change);
    }
    this.emit(changes, false);
    const firstSpan = [...target.spans.keys()].map(this.history.resolve).find((id) => this.local.spans.has(id));
    return { changes, id: firstSpan ?? null };
  }

  /** The change for one undo or redo step, made against the layer as it is when the step runs. */
  private changeFor(step: RestoreStep): Change | null {
    const resolve = this.history.resolve;
    switch (step.kind) {
      case "update": {
        const span = this.local.spans.get(resolve(step.key));
        return span ? { id: this.newId(), op: "update", span: { id: span.id, version: span.version, ...step.fields } } : null;
      }
      case "delete_span": {
        const span = this.local.spans.get(resolve(step.key));
        return span ? { id: this.newId(), op: "delete", span: { id: span.id, version: span.version } } : null;
      }
      case "delete_relation": {
        const relation = this.local.relations.get(resolve(step.key));
        return relation ? { id: this.newId(), op: "delete_relation", relation: { id: relation.id, version: relation.version } } : null;
      }
      case "create_span": {
        const id = this.newId();
        this.history.alias(step.key, id);
        return { id: this.newId(), op: "create", span: { id, ...step.content } };
      }
      case "create_relation": {
        const from = resolve(step.from);
        const to = resolve(step.to);
        if (!this.local.spans.has(from) || !this.local.spans.has(to)) return null;
        const id = this.newId();
        this.history.alias(step.key, id);
        return { id: this.newId(), op: "create_relation", relation: { id, type: "attributed_to", from, to } };
      }
    }
  }

  /** Queues changes as one action; `apply` is false when they were already applied one by one. */
  private emit(changes: Change[], apply = true): void {
    if (changes.length === 0) return;
    const action = this.nextAction++;
    for (const change of changes) {
      if (apply) this.local = applyChange(this.local, change);
      if ("span" in change && change.span.id) this.changedSpans?.add(change.span.id);
      this.pending.push(change);
      this.actionOf.set(change.id, action);
    }
    this.onChanges?.(changes);
  }

  private recompute(): void {
    this.local = keepIdentity(this.local, replayChanges(this.server.state, this.pending));
    this.changedSpans = null;
    this.publish();
  }

  private publish(): void {
    const next = buildSnapshot(this.local, this.history, this.snapshot, this.changedSpans ?? undefined);
    this.changedSpans = new Set();
    if (next === this.snapshot) return;
    this.snapshot = next;
    for (const listener of [...this.listeners]) listener();
  }

  private requireSpan(id: string): Span {
    const span = this.local.spans.get(id);
    if (!span) throw new EditorRuleError("This span no longer exists.");
    return span;
  }

  private findSameBounds(span: { label: string; start: number; end: number }): Span | undefined {
    // The snapshot holds the spans in text order: a binary search, not a walk through thousands.
    if (this.snapshot.spanById === this.local.spans) return findByBounds(this.snapshot, span);
    for (const other of this.local.spans.values()) {
      if (other.label === span.label && other.start === span.start && other.end === span.end) return other;
    }
    return undefined;
  }
}

/** The span and relation ids a change depends on. */
function touchedIds(change: Change): string[] {
  const target = targetIdOf(change);
  return target ? [target, ...spanIdsOf(change)] : spanIdsOf(change);
}
