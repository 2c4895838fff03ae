/**
 * Default label set. Colours from the Okabe–Ito palette, distinguishable with the common
 * colour-vision deficiencies; the editor also draws each label with its own underline style.
 */
export type LabelDefinition = {
  key: string;
  name: string;
  colour: string;
  hotkey: string | null;
  description: string;
};

export const DEFAULT_LABELS: LabelDefinition[] = [
  {
    key: "QUOTE",
    name: "Quote",
    colour: "#0072B2",
    hotkey: "q",
    description: "Words reported as someone's own, direct or indirect speech.",
  },
  {
    key: "CLAIM",
    name: "Claim",
    colour: "#E69F00",
    hotkey: "c",
    description: "A checkable assertion about the world.",
  },
  {
    key: "ACTOR",
    name: "Actor",
    colour: "#009E73",
    hotkey: "a",
    description: "A mention of a person, organisation or state that speaks or acts.",
  },
];

/** Further colour-blind-safe colours for labels a project adds. */
export const EXTRA_LABEL_COLOURS = ["#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
