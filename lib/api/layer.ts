/** A span as `GET …/layers/{layer}` and the `changes` results carry it: the native JSONL fields plus id and version. */
export type LayerSpan = {
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

/** An attribution as the layer endpoint returns it. */
export type LayerRelation = { id: string; version: number; type: "attributed_to"; from: string; to: string };
