import type { AgreementSpan } from "../types";
import { extendUnion, type IntervalList } from "./code-point-union";

/** One layer's spans of one label, normalised once and read by every measure. */
export type LabelSpans = {
  /** Distinct spans (a span is its label, start and end), sorted by start then end. */
  starts: number[];
  ends: number[];
  /** Speaker of each distinct span, or null. */
  speakers: (string | null)[];
  /** Distinct attributions (spans with a speaker), sorted by start, end, speaker. */
  attributions: { start: number; end: number; speaker: string }[];
  /** The code points the label covers, for token coding, f1_overlap and alpha_u. */
  union: IntervalList;
};

/** A layer after normalisation: label → its spans. Labels without spans are absent. */
export type PreparedLayer = Map<string, LabelSpans>;

const EMPTY: LabelSpans = { starts: [], ends: [], speakers: [], attributions: [], union: { starts: [], ends: [] } };

export function spansOfLabel(layer: PreparedLayer, label: string): LabelSpans {
  return layer.get(label) ?? EMPTY;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A missing or empty speaker is no speaker. */
function speakerOf(span: AgreementSpan): string | null {
  return typeof span.speaker === "string" && span.speaker !== "" ? span.speaker : null;
}

/**
 * Groups a layer's spans by label (keeping only `labels`) and removes duplicates: two spans of
 * the same label and bounds are one span (DESIGN.md). Should duplicates name different
 * speakers, the span keeps the first in code-unit order, so the result does not depend on the
 * order spans arrive in; each distinct (span, speaker) still counts as its own attribution.
 */
export function prepareLayer(spans: readonly AgreementSpan[], labels: readonly string[]): PreparedLayer {
  const layer: PreparedLayer = new Map();
  for (const label of new Set(labels)) {
    const ofLabel: SpanWithSpeaker[] = [];
    for (const span of spans) {
      if (span.label === label) ofLabel.push({ start: span.start, end: span.end, speaker: speakerOf(span) });
    }
    if (ofLabel.length > 0) layer.set(label, normalise(ofLabel));
  }
  return layer;
}

type SpanWithSpeaker = { start: number; end: number; speaker: string | null };

function bySpanThenSpeaker(a: SpanWithSpeaker, b: SpanWithSpeaker): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.end !== b.end) return a.end - b.end;
  // spans with a speaker first, then by speaker
  if (a.speaker === null || b.speaker === null) return (a.speaker === null ? 1 : 0) - (b.speaker === null ? 1 : 0);
  return compareStrings(a.speaker, b.speaker);
}

function normalise(spans: SpanWithSpeaker[]): LabelSpans {
  spans.sort(bySpanThenSpeaker);
  const starts: number[] = [];
  const ends: number[] = [];
  const speakers: (string | null)[] = [];
  const attributions: LabelSpans["attributions"] = [];
  const union: IntervalList = { starts: [], ends: [] };
  for (const { start, end, speaker } of spans) {
    const last = starts.length - 1;
    const sameSpan = last >= 0 && starts[last] === start && ends[last] === end;
    if (!sameSpan) {
      starts.push(start);
      ends.push(end);
      speakers.push(speaker);
      extendUnion(union, start, end);
    }
    if (speaker !== null) {
      const previous = attributions[attributions.length - 1];
      const duplicate = previous && previous.start === start && previous.end === end && previous.speaker === speaker;
      if (!duplicate) attributions.push({ start, end, speaker });
    }
  }
  return { starts, ends, speakers, attributions, union };
}
