/**
 * The checks every reader applies to one layer of spans and relations, so that
 * all formats refuse the same things with the same words (DESIGN.md "Text and
 * offsets": anything that would break `slice(start, end) == text` is refused).
 */
import { CodePointText } from "./code-point-text";
import { preview, unstorableJsonProblem, unstorableTextProblem } from "./article-defaults";
import { ACTOR_LABEL, type LayerContent, type RelationData, type SpanData } from "./model";

export interface SpanCandidate {
  id?: string;
  start: number;
  end: number;
  label: string;
  /** Covered text as the file gives it; filled from the article when absent. */
  text?: string;
  attributes?: Record<string, unknown> | null;
  note?: string | null;
  actor?: string | null;
  /** Where the span is, for messages: a line (brat) and/or a path (JSON). */
  line?: number;
  where?: string;
}

export interface RelationCandidate {
  type: string;
  from: string;
  to: string;
  line?: number;
  where?: string;
}

export interface Problem {
  message: string;
  line?: number;
}

export interface LayerCheckOptions {
  allowedLabels?: ReadonlySet<string>;
  /** Prefix for ids given to spans that have none ("s" → s1, s2, …). */
  idPrefix?: string;
}

export interface LayerCheckResult {
  layer: LayerContent;
  errors: Problem[];
  warnings: Problem[];
}

export function buildLayer(
  text: CodePointText,
  spanCandidates: readonly SpanCandidate[],
  relationCandidates: readonly RelationCandidate[],
  options: LayerCheckOptions = {},
): LayerCheckResult {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const spans: SpanData[] = [];
  const byId = new Map<string, SpanData>();
  // Two spans with the same label and bounds are one span (DESIGN.md); the
  // second one's id is redirected to the first so its relations still hold.
  const byBounds = new Map<string, SpanData>();
  const redirect = new Map<string, string>();

  const givenIds = new Set(spanCandidates.flatMap((s) => (s.id === undefined ? [] : [s.id])));
  let nextGenerated = 1;
  const prefix = options.idPrefix ?? "s";
  const freshId = () => {
    while (givenIds.has(`${prefix}${nextGenerated}`)) nextGenerated++;
    return `${prefix}${nextGenerated++}`;
  };

  for (const candidate of spanCandidates) {
    const where = candidate.where ?? (candidate.id !== undefined ? `span ${candidate.id}` : "span");
    const fail = (message: string) => errors.push({ line: candidate.line, message: `${where}: ${message}` });
    const problem = spanProblem(text, candidate, options.allowedLabels);
    if (problem) {
      fail(problem);
      continue;
    }
    const covered = text.slice(candidate.start, candidate.end);
    const id = candidate.id ?? freshId();
    if (byId.has(id) || redirect.has(id)) {
      fail(`duplicate span id ${JSON.stringify(id)} in this layer`);
      continue;
    }
    const boundsKey = `${candidate.label}\u0000${candidate.start}\u0000${candidate.end}`;
    const twin = byBounds.get(boundsKey);
    if (twin) {
      redirect.set(id, twin.id);
      warnings.push({
        line: candidate.line,
        message: `${where}: same label and bounds as span ${twin.id}; kept as one span`,
      });
      continue;
    }
    const span: SpanData = {
      id,
      start: candidate.start,
      end: candidate.end,
      label: candidate.label,
      text: covered,
      attributes: candidate.attributes ?? {},
      note: candidate.note ?? null,
      actor: candidate.actor ?? null,
    };
    spans.push(span);
    byId.set(id, span);
    byBounds.set(boundsKey, span);
  }

  const relations: RelationData[] = [];
  const seenRelations = new Set<string>();
  for (const candidate of relationCandidates) {
    const where = candidate.where ?? "relation";
    const fail = (message: string) => errors.push({ line: candidate.line, message: `${where}: ${message}` });
    if (candidate.type !== "attributed_to") {
      fail(`unknown relation type ${JSON.stringify(candidate.type)} (known: attributed_to)`);
      continue;
    }
    const fromId = redirect.get(candidate.from) ?? candidate.from;
    const toId = redirect.get(candidate.to) ?? candidate.to;
    const from = byId.get(fromId);
    const to = byId.get(toId);
    if (!from || !to) {
      // A span that failed its own checks is already reported; don't pile on.
      const missing = !from ? candidate.from : candidate.to;
      if (!givenIds.has(missing)) fail(`relation refers to unknown span id ${JSON.stringify(missing)}`);
      continue;
    }
    if (to.label !== ACTOR_LABEL) {
      fail(`attributed_to must point to an ${ACTOR_LABEL} span, but span ${to.id} is ${to.label}`);
      continue;
    }
    if (from.label === ACTOR_LABEL) {
      fail(`attributed_to must start at a QUOTE or CLAIM span, but span ${from.id} is ${from.label}`);
      continue;
    }
    const key = `${fromId}\u0000${toId}`;
    if (seenRelations.has(key)) continue;
    seenRelations.add(key);
    relations.push({ type: "attributed_to", from: fromId, to: toId });
  }

  return { layer: { spans, relations }, errors, warnings };
}

/** The reason a span cannot be stored, or null. */
export function spanProblem(
  text: CodePointText,
  span: Pick<SpanCandidate, "start" | "end" | "label" | "text" | "attributes" | "note" | "actor">,
  allowedLabels?: ReadonlySet<string>,
): string | null {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    return `offsets must be integers (code points), got start ${start}, end ${end}`;
  }
  if (end <= start) return `end (${end}) must be greater than start (${start})`;
  if (start < 0 || end > text.length) {
    return `span [${start}, ${end}) lies outside the text (${text.length} code points)`;
  }
  if (typeof span.label !== "string" || span.label === "" || /\s/.test(span.label)) {
    return `label ${JSON.stringify(span.label)} is not a label key (non-empty, no spaces)`;
  }
  if (allowedLabels && !allowedLabels.has(span.label)) {
    return `unknown label ${JSON.stringify(span.label)} (allowed: ${[...allowedLabels].join(", ")})`;
  }
  const covered = text.slice(start, end);
  if (span.text !== undefined && span.text !== covered) {
    return `covered text mismatch at [${start}, ${end}): the article has ${preview(covered)}, the file gives ${preview(span.text)}`;
  }
  return (
    (span.note ? unstorableTextProblem(span.note, "note") : null) ??
    (span.actor ? unstorableTextProblem(span.actor, "actor") : null) ??
    (span.attributes ? unstorableJsonProblem(span.attributes, "attributes") : null)
  );
}

/** Turns the `allowedLabels` option into a set (or undefined for "any"). */
export function labelSet(labels: Iterable<string> | undefined): ReadonlySet<string> | undefined {
  return labels === undefined ? undefined : new Set(labels);
}
