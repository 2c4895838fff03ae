import { DEFAULT_LABELS, EXTRA_LABEL_COLOURS } from "./labels";

/** The colour-blind-safe colours labels are drawn from, in the order new labels take them. */
export const LABEL_PALETTE = [...DEFAULT_LABELS.map((label) => label.colour), ...EXTRA_LABEL_COLOURS];

/** The first palette colour no label uses yet; once all are taken, the palette starts over. */
export function nextLabelColour(usedColours: string[]): string {
  const used = new Set(usedColours.map((colour) => colour.toUpperCase()));
  return LABEL_PALETTE.find((colour) => !used.has(colour.toUpperCase())) ?? LABEL_PALETTE[usedColours.length % LABEL_PALETTE.length];
}
