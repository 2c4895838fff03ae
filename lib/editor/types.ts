import type { Change } from "../validation/changes";

/** One change of a batch, exactly as the `changes` endpoint takes it. */
export type { Change };

/** A span as the layer endpoint returns it (db/queries/layers.ts `SpanOut`). */
export type Span = {
  id: string;
  version: number;
  start: number;
  end: number;
  label: string;
  text: string;
  attributes: Record<string, unknown>;
  note: string | null;
  actor: string | null;
};

/** A relation as the layer endpoint returns it (`RelationOut`). */
export type Relation = { id: string; version: number; type: "attributed_to"; from: string; to: string };

/** `GET …/layers/{layer}`. */
export type LayerData = { spans: readonly Span[]; relations: readonly Relation[] };

/** One result of `POST …/changes`, in the order of the changes (db/queries/apply-changes.ts). */
export type ChangeResult =
  | { id: string; ok: true; span?: Span; relation?: Relation; deleted?: boolean }
  | { id: string; ok: false; error: { code: string; message: string; current?: unknown } };

/** Something the user should be told after the server answered (a toast). */
export type Notice = { code: string; message: string; spanId?: string; relationId?: string };

/** What a user action did: the changes it queued, and the span or relation it is about. */
export type EditResult = { changes: Change[]; id: string | null };
