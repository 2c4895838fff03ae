import { codePointLength, sliceByCodePoints } from "../text/code-points";
import type { ReviewSpan, ReviewUnit } from "./types";

/** What a reviewer decides; analysts are named by user id, units by their key. */
export type DecisionInput =
  | { decision: "accept"; unit: string; analystId: string }
  | { decision: "reject"; unit: string }
  | { decision: "edit"; unit: string; label: string; start: number; end: number; basedOn?: string }
  | { decision: "add"; label: string; start: number; end: number };

/** A span of the gold layer as the planner needs it. */
export type GoldSpanState = {
  id: string;
  label: string;
  start: number;
  end: number;
  /** It is already attributed in gold. */
  hasSpeaker: boolean;
  /** For a QUOTE or CLAIM made by a decision: the bounds of the speaker its analyst chose. */
  wantedSpeaker: Bounds | null;
};

export type Bounds = { start: number; end: number };

export type PlannedSpan = {
  ref: string;
  label: string;
  start: number;
  end: number;
  text: string;
  actor: string | null;
  /** The analysts' spans this gold span comes from (every analyst span with its label and bounds). */
  sourceIds: string[];
  wantedSpeaker: Bounds | null;
};

export type SpanRef = { planned: string } | { gold: string };
export type PlannedLink = { from: SpanRef; to: SpanRef };

export type GoldPlan = {
  unitKey: string;
  decision: DecisionInput["decision"];
  /** Every analyst span the decision was about (for the decision's provenance). */
  sourceIds: string[];
  spans: PlannedSpan[];
  links: PlannedLink[];
};

export type PlanResult = { ok: true; plan: GoldPlan } | { ok: false; code: "unknown_unit" | "unknown_analyst" | "invalid_span" | "unknown_label"; message: string };

const ATTRIBUTED = new Set(["QUOTE", "CLAIM"]);
const boundsKey = (b: Bounds) => `${b.start}-${b.end}`;

/**
 * The gold spans and attributions a decision implies.
 *
 * - accept: the chosen analyst's spans of the unit, each with its actor link, and with the
 *   provenance of every analyst span of the same label and bounds (those analysts agreed);
 * - edit: one span with the reviewer's label and bounds, from the unit's spans of that label;
 * - add: one span no analyst made; reject: nothing.
 *
 * Attributions follow the spans whatever the order of decisions: a QUOTE or CLAIM remembers the
 * bounds of the speaker its analyst chose, and is linked to the gold ACTOR span with those
 * bounds as soon as one is in gold (now, or when that ACTOR is accepted later). A span already in
 * gold with the same label and bounds is not made twice.
 */
export function planDecision(input: {
  text: string;
  labels: ReadonlySet<string>;
  units: readonly ReviewUnit[];
  gold: readonly GoldSpanState[];
  decision: DecisionInput;
}): PlanResult {
  const { decision } = input;
  let unitKey: string;
  let sourceIds: string[] = [];
  let wanted: Omit<PlannedSpan, "ref">[] = [];

  if (decision.decision === "add") {
    const span = reviewerSpan(input.text, input.labels, decision);
    if (!span.ok) return span;
    unitKey = `added:${decision.start}-${decision.end}:${decision.label}`;
    wanted = [{ ...span.span, sourceIds: [], wantedSpeaker: null }];
  } else {
    const unit = input.units.find((candidate) => candidate.key === decision.unit);
    if (!unit) return { ok: false, code: "unknown_unit", message: "This unit is no longer on the board (an analyst's layer changed): reload the board." };
    unitKey = unit.key;
    const all = unit.versions.flatMap((version) => version.spans);
    sourceIds = all.map((span) => span.id);
    const agreeing = (span: { label: string; start: number; end: number }) =>
      all.filter((other) => other.label === span.label && other.start === span.start && other.end === span.end).map((other) => other.id);
    if (decision.decision === "accept") {
      const version = unit.versions.find((candidate) => candidate.analystId === decision.analystId);
      if (!version) return { ok: false, code: "unknown_analyst", message: "This analyst has no layer on this article." };
      wanted = version.spans.map((span) => ({
        label: span.label,
        start: span.start,
        end: span.end,
        text: span.text,
        actor: span.actor,
        sourceIds: agreeing(span),
        wantedSpeaker: speakerBounds(span),
      }));
    } else if (decision.decision === "edit") {
      const span = reviewerSpan(input.text, input.labels, decision);
      if (!span.ok) return span;
      const sameLabel = all.filter((candidate) => candidate.label === decision.label);
      const basis =
        sameLabel.find((candidate) => unit.versions.some((v) => v.analystId === decision.basedOn && v.spans.includes(candidate))) ??
        sameLabel.find((candidate) => candidate.speaker) ??
        sameLabel[0];
      wanted = [
        {
          ...span.span,
          actor: basis?.actor ?? null,
          sourceIds: (sameLabel.length > 0 ? sameLabel : all).map((candidate) => candidate.id),
          wantedSpeaker: basis ? speakerBounds(basis) : null,
        },
      ];
    }
  }

  const inGold = new Map(input.gold.map((span) => [`${span.label}:${boundsKey(span)}`, span]));
  const spans: PlannedSpan[] = [];
  const seen = new Set<string>();
  for (const span of wanted) {
    const key = `${span.label}:${boundsKey(span)}`;
    if (inGold.has(key) || seen.has(key)) continue;
    seen.add(key);
    spans.push({ ...span, ref: `new${spans.length + 1}` });
  }
  return { ok: true, plan: { unitKey, decision: decision.decision, sourceIds, spans, links: planLinks(spans, input.gold) } };
}

function speakerBounds(span: ReviewSpan): Bounds | null {
  return ATTRIBUTED.has(span.label) && span.speaker ? { start: span.speaker.start, end: span.speaker.end } : null;
}

function planLinks(spans: PlannedSpan[], gold: readonly GoldSpanState[]): PlannedLink[] {
  const actors = new Map<string, SpanRef>();
  for (const span of gold) if (span.label === "ACTOR") actors.set(boundsKey(span), { gold: span.id });
  for (const span of spans) if (span.label === "ACTOR" && !actors.has(boundsKey(span))) actors.set(boundsKey(span), { planned: span.ref });
  const links: PlannedLink[] = [];
  for (const span of spans) {
    if (!ATTRIBUTED.has(span.label) || !span.wantedSpeaker) continue;
    const to = actors.get(boundsKey(span.wantedSpeaker));
    if (to) links.push({ from: { planned: span.ref }, to });
  }
  // Spans accepted earlier that were waiting for this speaker.
  for (const span of spans) {
    if (span.label !== "ACTOR") continue;
    for (const waiting of gold) {
      if (ATTRIBUTED.has(waiting.label) && !waiting.hasSpeaker && waiting.wantedSpeaker && boundsKey(waiting.wantedSpeaker) === boundsKey(span)) {
        links.push({ from: { gold: waiting.id }, to: { planned: span.ref } });
      }
    }
  }
  return links;
}

function reviewerSpan(
  text: string,
  labels: ReadonlySet<string>,
  span: { label: string; start: number; end: number },
): { ok: true; span: { label: string; start: number; end: number; text: string; actor: null } } | { ok: false; code: "invalid_span" | "unknown_label"; message: string } {
  if (!labels.has(span.label)) return { ok: false, code: "unknown_label", message: `The project has no label "${span.label}".` };
  const length = codePointLength(text);
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > length || span.start >= span.end) {
    return { ok: false, code: "invalid_span", message: `A span needs 0 ≤ start < end ≤ ${length} (code points).` };
  }
  return { ok: true, span: { label: span.label, start: span.start, end: span.end, text: sliceByCodePoints(text, span.start, span.end), actor: null } };
}
