/**
 * Types of the review board: the analysts' layers of one article as the board reads them, the
 * units the board groups their spans into, and what a unit's classification says.
 */

/** One span of an analyst's layer, with its speaker when it is an attributed QUOTE or CLAIM. */
export type ReviewSpan = {
  id: string;
  label: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** The canonical actor an ACTOR span links, or null. */
  actor: string | null;
  /** For an attributed QUOTE or CLAIM: who said it. */
  speaker: ReviewSpeaker | null;
};

/**
 * A QUOTE or CLAIM's speaker: the ACTOR span of the same layer it is `attributed_to`. `name` is
 * what identifies the speaker when comparing layers (DESIGN.md "Agreement output"): the
 * canonical actor the ACTOR span links, or its covered text when it links none.
 */
export type ReviewSpeaker = { spanId: string; start: number; end: number; text: string; name: string };

/** One analyst's layer of the article. `index` is 1-based: the digit that accepts their version. */
export type AnalystLayer = { analystId: string; email: string; spans: ReviewSpan[] };

export const UNIT_KINDS = ["missing", "label", "bounds", "attribution", "unanimous"] as const;
/**
 * - missing: some analysts marked nothing here;
 * - label: they marked it with different labels;
 * - bounds: same labels, different start or end;
 * - attribution: same spans, different speakers;
 * - unanimous: every analyst made the same spans with the same speakers.
 */
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_NAMES: Record<UnitKind, string> = {
  missing: "Missing in some layers",
  label: "Label differs",
  bounds: "Bounds differ",
  attribution: "Attribution differs",
  unanimous: "Unanimous",
};

/** One analyst's version of a unit: their spans in it (none when they marked nothing here). */
export type UnitVersion = { analystId: string; email: string; spans: ReviewSpan[] };

export type ReviewUnit = {
  /** Stable name of the unit on this article (its bounds and labels), kept by review decisions. */
  key: string;
  /** The union of the unit's spans. */
  start: number;
  end: number;
  /** The first of `issues` in the order of UNIT_KINDS, or unanimous when there are none. */
  kind: UnitKind;
  /** Every way the versions differ (empty when unanimous). */
  issues: Exclude<UnitKind, "unanimous">[];
  /** One per analyst, in the order of the layers given. */
  versions: UnitVersion[];
};
