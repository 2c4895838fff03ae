import type { LabelDefinition } from "@/lib/labels";
import { nextLabelColour } from "@/lib/label-palette";

/** A label as the editor holds it: `rowKey` is React's, `id` the stored label's (absent for new ones). */
export type LabelDraft = LabelDefinition & { rowKey: string; id?: string; annotationCount: number };

export function toDrafts(labels: (LabelDefinition & { id?: string; annotationCount?: number })[]): LabelDraft[] {
  return labels.map((label, index) => ({
    rowKey: label.id ?? `default-${index}`,
    id: label.id,
    key: label.key,
    name: label.name,
    colour: label.colour,
    hotkey: label.hotkey,
    description: label.description,
    annotationCount: label.annotationCount ?? 0,
  }));
}

export function newDraft(rowKey: string, existing: LabelDraft[]): LabelDraft {
  return {
    rowKey,
    key: "",
    name: "",
    colour: nextLabelColour(existing.map((label) => label.colour)),
    hotkey: null,
    description: "",
    annotationCount: 0,
  };
}

/** What the server actions take: the definition, and the id of a stored label. */
export function toLabelInput({ id, key, name, colour, hotkey, description }: LabelDraft) {
  return { ...(id ? { id } : {}), key, name, colour, hotkey, description };
}

/** The server's first error, saying which label it is about ("Label 4: Enter a key."). */
export function describeFormError(error: string, fieldErrors: Record<string, string> = {}): string {
  const firstPath = Object.keys(fieldErrors)[0] ?? "";
  const label = /^labels\.(\d+)\./.exec(firstPath);
  return label ? `Label ${Number(label[1]) + 1}: ${fieldErrors[firstPath]}` : error;
}
