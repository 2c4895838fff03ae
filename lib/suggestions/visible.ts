import { findActorMentions, type KnownActor } from "./actor-mentions";
import { findQuoteCandidates } from "./quotes";
import type { SuggestedSpan } from "./types";

/** A span of the `suggestions` layer (a model's pre-annotation). */
export type ModelSpan = {
  id: string;
  label: string;
  start: number;
  end: number;
  text: string;
  attributes: Record<string, unknown>;
  actor: string | null;
};

export function modelSuggestion(span: ModelSpan): SuggestedSpan {
  const model = typeof span.attributes.model === "string" ? span.attributes.model : "model";
  const score = typeof span.attributes.score === "number" ? span.attributes.score : null;
  return { key: `model:${span.id}`, source: "model", label: span.label, start: span.start, end: span.end, text: span.text, actor: span.actor, model, score };
}

/** Every suggestion the text and the models offer, before filtering (built-in ones for the labels the project has). */
export function allSuggestions(input: { text: string; actors: readonly KnownActor[]; modelSpans: readonly ModelSpan[]; labels: ReadonlySet<string> }): SuggestedSpan[] {
  const builtin = [
    ...(input.labels.has("QUOTE") ? findQuoteCandidates(input.text) : []),
    ...(input.labels.has("ACTOR") ? findActorMentions(input.text, input.actors) : []),
  ];
  return [...input.modelSpans.map(modelSuggestion), ...builtin];
}

/**
 * The suggestions still open for an analyst: not dismissed, not overlapping a span of the same
 * label in their layer (accepted, or tagged by hand with other bounds, such as a quote with its
 * quotation marks), one per label and bounds (a model's before a built-in one), in text order.
 */
export function openSuggestions(
  suggestions: readonly SuggestedSpan[],
  layerSpans: readonly { label: string; start: number; end: number }[],
  dismissed: ReadonlySet<string>,
): SuggestedSpan[] {
  const byLabel = new Map<string, { start: number; end: number }[]>();
  for (const span of layerSpans) {
    const list = byLabel.get(span.label) ?? [];
    list.push(span);
    byLabel.set(span.label, list);
  }
  const covered = (s: SuggestedSpan) => (byLabel.get(s.label) ?? []).some((span) => span.start < s.end && s.start < span.end);
  const taken = new Set<string>();
  const open: SuggestedSpan[] = [];
  for (const suggestion of suggestions) {
    const bounds = `${suggestion.label}:${suggestion.start}:${suggestion.end}`;
    if (dismissed.has(suggestion.key) || taken.has(bounds) || covered(suggestion)) continue;
    taken.add(bounds);
    open.push(suggestion);
  }
  return open.sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
}

/** What accepting a suggestion saves in the analyst's layer: a normal span that remembers where it came from. */
export function acceptedSpan(suggestion: SuggestedSpan) {
  const attributes: Record<string, unknown> =
    suggestion.source === "model"
      ? { model: suggestion.model ?? "model", ...(suggestion.score !== null && suggestion.score !== undefined ? { score: suggestion.score } : {}) }
      : { suggested: "builtin" };
  return {
    start: suggestion.start,
    end: suggestion.end,
    label: suggestion.label,
    text: suggestion.text,
    attributes,
    ...(suggestion.label === "ACTOR" && suggestion.actor ? { actor: suggestion.actor } : {}),
  };
}
