import type { Change } from "../validation/changes";

/** One change of a batch, exactly as the `changes` endpoint takes it. */
export type { Change };

/** A span and a relation as the layer endpoint returns them. */
export type { LayerSpan as Span, LayerRelation as Relation } from "../api/layer";
import type { LayerSpan as Span, LayerRelation as Relation } from "../api/layer";

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
