import { checkSpan } from "../../text/span-check";
import { OffsetIndex } from "../../text/code-points";
import { changesBodySchema, type Change } from "../../validation/changes";
import { canHaveSpeaker, canSpeak } from "../attribution-rules";
import type { ChangeResult, LayerData, Relation, Span } from "../types";
import type { FetchLike } from "../sender";

type Row<T> = T & { deleted: boolean };

class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly current?: unknown,
  ) {
    super(message);
  }
}

/**
 * The changes endpoint in memory, with the semantics of db/queries/apply-changes.ts and the
 * route's statuses (each change applied at most once by its UUID, versions, stale refusals,
 * relabel and delete dropping attributions), plus switches to make it fail.
 */
export class FakeServer {
  readonly spans = new Map<string, Row<Span>>();
  readonly relations = new Map<string, Row<Relation>>();
  private readonly answers = new Map<string, ChangeResult>();
  /** How many times each change UUID was really applied (must never exceed 1). */
  readonly applications = new Map<string, number>();
  readonly index: OffsetIndex;
  requests = 0;

  /** "refuse": the connection fails before the server sees anything; a number: that status with an error body. */
  outage: "refuse" | number | null = null;
  /** The next n requests are applied, then the reply is lost. */
  dropReplies = 0;
  /** Bodies with more changes than this are refused with 413. */
  maxChangesPerRequest = Infinity;

  constructor(
    readonly text: string,
    readonly labels: ReadonlySet<string> = new Set(["QUOTE", "CLAIM", "ACTOR"]),
  ) {
    this.index = new OffsetIndex(text);
  }

  layer(): LayerData {
    const spans = [...this.spans.values()].filter((s) => !s.deleted).map(({ deleted: _d, ...span }) => span);
    const relations = [...this.relations.values()].filter((r) => !r.deleted).map(({ deleted: _d, ...relation }) => relation);
    return { spans: spans.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)), relations };
  }

  fetch: FetchLike = async (_url, init) => {
    this.requests++;
    if (this.outage === "refuse") throw new TypeError("Failed to fetch");
    if (typeof this.outage === "number") return reply(this.outage, { error: { code: "outage", message: `Status ${this.outage}` } });
    const parsed = changesBodySchema.safeParse(JSON.parse(init.body));
    if (!parsed.success) return reply(400, { error: { code: "bad_request", message: "The changes are not valid.", issues: parsed.error.issues } });
    if (parsed.data.changes.length > this.maxChangesPerRequest) return reply(413, { error: { code: "too_large", message: "Too large." } });
    const results = this.apply(parsed.data.changes);
    if (this.dropReplies > 0) {
      this.dropReplies--;
      throw new TypeError("Failed to fetch");
    }
    const failures = results.filter((r) => !r.ok);
    const status = failures.length === 0 ? 200 : failures.some((f) => !f.ok && f.error.code === "stale_version") ? 409 : 400;
    return reply(status, { results });
  };

  /** Applies changes directly, as another tab or a script would. */
  apply(changes: readonly Change[]): ChangeResult[] {
    return changes.map((change) => {
      const previous = this.answers.get(change.id);
      if (previous) return previous;
      let result: ChangeResult;
      try {
        result = this.applyOne(change);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        result = { id: change.id, ok: false, error: { code: error.code, message: error.message, ...(error.current !== undefined ? { current: error.current } : {}) } };
        if (error.code === "id_taken") return { id: change.id, ok: false, error: { code: "duplicate_span", message: error.message } };
      }
      this.answers.set(change.id, result);
      this.applications.set(change.id, (this.applications.get(change.id) ?? 0) + 1);
      return result;
    });
  }

  private applyOne(change: Change): ChangeResult {
    switch (change.op) {
      case "create":
        return { id: change.id, ok: true, span: this.createSpan(change.span) };
      case "update":
        return { id: change.id, ok: true, span: this.updateSpan(change.span) };
      case "delete":
        return { id: change.id, ok: true, deleted: true, span: this.deleteSpan(change.span) };
      case "create_relation":
        return { id: change.id, ok: true, relation: this.createRelation(change.relation) };
      case "delete_relation":
        return { id: change.id, ok: true, deleted: true, relation: this.deleteRelation(change.relation) };
    }
  }

  private assertFits(span: { start: number; end: number; label: string; text: string }) {
    if (!this.labels.has(span.label)) throw new Refusal("unknown_label", `No label "${span.label}".`);
    const check = checkSpan(this.index, span);
    if (!check.ok) throw new Refusal("invalid_span", check.message);
  }

  private duplicateOf(span: { label: string; start: number; end: number }, exceptId?: string) {
    for (const row of this.spans.values()) {
      if (!row.deleted && row.id !== exceptId && row.label === span.label && row.start === span.start && row.end === span.end) return row;
    }
    return undefined;
  }

  private createSpan(span: Extract<Change, { op: "create" }>["span"]): Span {
    this.assertFits(span);
    const duplicate = this.duplicateOf(span);
    if (duplicate) throw new Refusal("duplicate_span", "Duplicate.", out(duplicate));
    const id = span.id ?? crypto.randomUUID();
    if (this.spans.has(id)) throw new Refusal("id_taken", "Duplicate.");
    const row: Row<Span> = {
      id,
      version: 1,
      start: span.start,
      end: span.end,
      label: span.label,
      text: span.text,
      attributes: span.attributes ?? {},
      note: span.note ?? null,
      actor: span.actor ?? null,
      deleted: false,
    };
    this.spans.set(id, row);
    return out(row);
  }

  private lock(id: string, version: number): Row<Span> {
    const row = this.spans.get(id);
    if (!row || row.deleted) throw new Refusal("not_found", "This span no longer exists in this layer.");
    if (row.version !== version) throw new Refusal("stale_version", `Now version ${row.version}, based on ${version}.`, out(row));
    return row;
  }

  private updateSpan(span: Extract<Change, { op: "update" }>["span"]): Span {
    const row = this.lock(span.id, span.version);
    const boundsChanged = (span.start !== undefined && span.start !== row.start) || (span.end !== undefined && span.end !== row.end);
    if (boundsChanged && span.text === undefined) throw new Refusal("invalid_span", "Moving a bound needs the new covered text.");
    const next = { label: span.label ?? row.label, start: span.start ?? row.start, end: span.end ?? row.end, text: span.text ?? row.text };
    this.assertFits(next);
    const duplicate = this.duplicateOf(next, row.id);
    if (duplicate) throw new Refusal("duplicate_span", "Duplicate.", out(duplicate));
    const relabelled = next.label !== row.label;
    Object.assign(row, next, {
      attributes: span.attributes ?? row.attributes,
      note: span.note === undefined ? row.note : span.note,
      actor: span.actor === undefined ? row.actor : span.actor,
      version: row.version + 1,
    });
    if (relabelled) {
      for (const relation of this.liveRelations()) {
        const valid = relation.from === row.id ? canHaveSpeaker(row.label) : relation.to === row.id ? canSpeak(row.label) : true;
        if (!valid) this.removeRelation(relation);
      }
    }
    return out(row);
  }

  private deleteSpan(span: { id: string; version: number }): Span {
    const row = this.lock(span.id, span.version);
    const before = out(row);
    for (const relation of this.liveRelations()) if (relation.from === row.id || relation.to === row.id) this.removeRelation(relation);
    row.deleted = true;
    row.version++;
    return { ...before, version: row.version };
  }

  private createRelation(relation: Extract<Change, { op: "create_relation" }>["relation"]): Relation {
    const from = this.spans.get(relation.from);
    const to = this.spans.get(relation.to);
    if (!from || from.deleted || !to || to.deleted) throw new Refusal("invalid_relation", "Both spans must exist.");
    if (!canHaveSpeaker(from.label)) throw new Refusal("invalid_relation", "Only a QUOTE or a CLAIM can be attributed.");
    if (!canSpeak(to.label)) throw new Refusal("invalid_relation", "A speaker must be an ACTOR span.");
    const existing = this.liveRelations().find((r) => r.from === from.id);
    if (existing) throw new Refusal("already_attributed", "Already has a speaker.", out(existing));
    const id = relation.id ?? crypto.randomUUID();
    if (this.relations.has(id)) throw new Refusal("id_taken", "Duplicate.");
    const row: Row<Relation> = { id, version: 1, type: "attributed_to", from: from.id, to: to.id, deleted: false };
    this.relations.set(id, row);
    return out(row);
  }

  private deleteRelation(relation: { id: string; version: number }): Relation {
    const row = this.relations.get(relation.id);
    if (!row || row.deleted) throw new Refusal("not_found", "This attribution no longer exists.");
    if (row.version !== relation.version) throw new Refusal("stale_version", "Changed elsewhere.", out(row));
    this.removeRelation(row);
    return out(row);
  }

  private liveRelations(): Row<Relation>[] {
    return [...this.relations.values()].filter((r) => !r.deleted);
  }

  private removeRelation(row: Row<Relation>) {
    row.deleted = true;
    row.version++;
  }
}

function out<T extends { deleted: boolean }>(row: T): Omit<T, "deleted"> {
  const { deleted: _deleted, ...rest } = row;
  return structuredClone(rest);
}

function reply(status: number, body: unknown) {
  return { status, json: async () => structuredClone(body) };
}
