/** A span the reader pre-marks for the analyst to accept or dismiss; never saved until accepted. */
export type SuggestedSpan = {
  /** Identifies the suggestion for dismissal: `builtin:QUOTE:10:42`, or `model:<span id>`. */
  key: string;
  source: "builtin" | "model";
  label: string;
  start: number;
  end: number;
  text: string;
  /** The canonical actor an ACTOR suggestion is already linked to. */
  actor?: string | null;
  /** The model's name and score, for a model suggestion. */
  model?: string | null;
  score?: number | null;
};

export function builtinKey(label: string, start: number, end: number): string {
  return `builtin:${label}:${start}:${end}`;
}
