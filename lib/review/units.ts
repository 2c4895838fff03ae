import type { AnalystLayer, ReviewSpan, ReviewUnit, UnitKind, UnitVersion } from "./types";

/**
 * Two spans of different labels fall into one unit only when they cover mostly the same text
 * (shared code points ≥ this share of their union): "label differs" there, while a CLAIM nested
 * in another analyst's much longer QUOTE stays a unit of its own.
 */
export const RELABEL_OVERLAP = 0.5;

const ISSUE_ORDER: Exclude<UnitKind, "unanimous">[] = ["missing", "label", "bounds", "attribution"];

type Entry = { layer: number; span: ReviewSpan };

/**
 * Groups the analysts' spans of one article into units, as a reviewer resolves them. Spans of
 * different analysts join when they share a code point and either have the same label or cover
 * mostly the same text (RELABEL_OVERLAP); a unit is a connected group of such links. Spans of one
 * analyst never join each other directly (they are separate decisions of that analyst), though
 * two of them may meet in a unit through another analyst's span. Units come by start, then end.
 */
export function groupUnits(layers: readonly AnalystLayer[]): ReviewUnit[] {
  const entries: Entry[] = [];
  layers.forEach((layer, index) => layer.spans.forEach((span) => entries.push({ layer: index, span })));
  entries.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || compare(a.span.label, b.span.label));

  const parent = entries.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // Sweep by start: `active` holds the entries whose end lies past the current start.
  let active: number[] = [];
  entries.forEach((entry, i) => {
    active = active.filter((j) => entries[j].span.end > entry.span.start);
    for (const j of active) {
      if (entries[j].layer !== entry.layer && joins(entries[j].span, entry.span)) parent[find(i)] = find(j);
    }
    active.push(i);
  });

  const groups = new Map<number, Entry[]>();
  entries.forEach((entry, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(entry);
    else groups.set(root, [entry]);
  });

  const seen = new Map<string, number>();
  const units = [...groups.values()].map((group) => {
    const unit = buildUnit(group, layers);
    const n = seen.get(unit.key) ?? 0;
    seen.set(unit.key, n + 1);
    return n === 0 ? unit : { ...unit, key: `${unit.key}#${n + 1}` };
  });
  return units.sort((a, b) => a.start - b.start || a.end - b.end || compare(a.key, b.key));
}

function joins(a: ReviewSpan, b: ReviewSpan): boolean {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (shared <= 0) return false;
  if (a.label === b.label) return true;
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return shared / union >= RELABEL_OVERLAP;
}

function buildUnit(group: Entry[], layers: readonly AnalystLayer[]): ReviewUnit {
  const start = Math.min(...group.map((entry) => entry.span.start));
  const end = Math.max(...group.map((entry) => entry.span.end));
  const labels = [...new Set(group.map((entry) => entry.span.label))].sort(compare);
  const versions: UnitVersion[] = layers.map((layer, index) => ({
    analystId: layer.analystId,
    email: layer.email,
    spans: group.filter((entry) => entry.layer === index).map((entry) => entry.span),
  }));
  const issues = classify(versions);
  return { key: unitKey(start, end, labels), start, end, kind: issues[0] ?? "unanimous", issues, versions };
}

export function unitKey(start: number, end: number, labels: readonly string[]): string {
  return `${start}-${end}:${labels.join("+")}`;
}

/** Every way the versions of a unit differ, in the order of ISSUE_ORDER (empty: unanimous). */
export function classify(versions: readonly UnitVersion[]): Exclude<UnitKind, "unanimous">[] {
  const found = new Set<Exclude<UnitKind, "unanimous">>();
  const present = versions.filter((version) => version.spans.length > 0);
  if (present.length < versions.length) found.add("missing");
  const signature = (version: UnitVersion, part: (span: ReviewSpan) => string) =>
    [...new Set(version.spans.map(part))].sort(compare).join("|");
  const differ = (part: (span: ReviewSpan) => string) => new Set(present.map((version) => signature(version, part))).size > 1;
  if (differ((span) => span.label)) found.add("label");
  else if (differ((span) => `${span.label}:${span.start}-${span.end}`)) found.add("bounds");
  // Speakers per label (whatever the bounds): a QUOTE that one analyst gives to Kessler and
  // another to Brandt disagrees on attribution even when its bounds differ too.
  const speakers = (version: UnitVersion, label: string) =>
    [...new Set(version.spans.filter((span) => span.label === label).map((span) => span.speaker?.name ?? ""))].sort(compare).join("|");
  for (const label of new Set(present.flatMap((version) => version.spans.map((span) => span.label)))) {
    if (label !== "QUOTE" && label !== "CLAIM") continue;
    const having = present.filter((version) => version.spans.some((span) => span.label === label));
    if (new Set(having.map((version) => speakers(version, label))).size > 1) found.add("attribution");
  }
  return ISSUE_ORDER.filter((issue) => found.has(issue));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
