"use client";

import { memo, useDeferredValue, useMemo, useState } from "react";
import { inputClass } from "@/components/ui/field";

export type ListedSpan = { id: string; start: number; end: number; label: string; text: string; actor: string | null; speaker: string | null; orphan: boolean };
export type ListedLabel = { key: string; name: string; colour: string };

function excerpt(text: string): string {
  const points = Array.from(text.replace(/\s+/g, " "));
  return points.length > 90 ? `${points.slice(0, 90).join("")}…` : points.join("");
}

const NO_SPANS: readonly ListedSpan[] = [];

/**
 * Rows go in blocks that skip layout and paint while out of view (content-visibility). A block,
 * not each row: the browser checks every such element against the viewport in every frame, and
 * 2,000 rows made that a few milliseconds of each frame, the frame showing a tag among them.
 */
const ROWS_PER_BLOCK = 50;

function blocks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_BLOCK) out.push(rows.slice(i, i + ROWS_PER_BLOCK));
  return out;
}

const SpanRow = memo(function SpanRow({ span, selected, onSelect }: { span: ListedSpan; selected: boolean; onSelect: (id: string) => void }) {
  const shown = useMemo(() => excerpt(span.text), [span.text]);
  return (
    <li>
      <button
        type="button"
        onClick={() => onSelect(span.id)}
        aria-current={selected ? "true" : undefined}
        className={`w-full rounded px-2 py-1 text-left text-xs hover:bg-stone-100 ${selected ? "bg-stone-200 ring-1 ring-stone-500" : ""}`}
      >
        <span className="block text-stone-900">“{shown}”</span>
        {span.speaker ? <span className="block text-stone-600">said by {span.speaker}</span> : null}
        {span.actor ? <span className="block text-stone-600">→ {span.actor}</span> : null}
      </button>
    </li>
  );
});

/**
 * The side panel: the layer's spans in text order, grouped by label, filterable; orphans listed apart.
 * The reader hands it the layer as a deferred value (and it defers its first fill itself): React
 * paints the text first (a tag shows at once) and brings this list, thousands of rows in a long
 * article, up to date in a render it may interrupt; memo keeps the text's render from touching it.
 */
export const SpanList = memo(function SpanList({
  spans: latestSpans,
  labels,
  selectedId: latestSelectedId,
  onSelect,
}: {
  spans: readonly ListedSpan[];
  labels: readonly ListedLabel[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const spans = useDeferredValue(latestSpans, NO_SPANS);
  const selectedId = useDeferredValue(latestSelectedId);
  const [filter, setFilter] = useState("");
  const [labelFilter, setLabelFilter] = useState("");
  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return spans.filter(
      (span) =>
        (!labelFilter || span.label === labelFilter) &&
        (!needle || span.text.toLowerCase().includes(needle) || (span.speaker ?? "").toLowerCase().includes(needle) || (span.actor ?? "").toLowerCase().includes(needle)),
    );
  }, [spans, filter, labelFilter]);
  const orphans = visible.filter((span) => span.orphan);

  return (
    <section aria-labelledby="span-list-heading" className="flex min-h-64 flex-col gap-2">
      <h2 id="span-list-heading" className="text-sm font-semibold">
        Spans <span className="font-normal text-stone-600">({spans.length})</span>
      </h2>
      <div className="flex gap-2">
        <label htmlFor="span-filter" className="sr-only">
          Filter spans
        </label>
        <input id="span-filter" type="search" placeholder="Filter…" value={filter} onChange={(e) => setFilter(e.target.value)} className={`${inputClass} min-w-0 flex-1`} />
        <label htmlFor="span-label-filter" className="sr-only">
          Show label
        </label>
        <div className="w-28 shrink-0">
          <select id="span-label-filter" value={labelFilter} onChange={(e) => setLabelFilter(e.target.value)} className={inputClass}>
          <option value="">All</option>
          {labels.map((label) => (
            <option key={label.key} value={label.key}>
              {label.name}
            </option>
          ))}
        </select>
        </div>
      </div>
      <div className="min-h-0 flex-1 space-y-3 overflow-y-auto pr-1">
        {orphans.length > 0 ? (
          <div role="group" aria-label="Orphaned spans" className="rounded-md border border-amber-300 bg-amber-50 p-2">
            <p className="text-xs font-medium text-amber-900">Orphaned: their text no longer matches the article, so they are not drawn</p>
            <ul className="mt-1 space-y-1">
              {orphans.map((span) => (
                <li key={span.id} className="text-xs text-amber-950">
                  {span.label} {span.start}–{span.end}: “{excerpt(span.text)}”
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {labels
          .filter((label) => !labelFilter || label.key === labelFilter)
          .map((label) => {
            const ofLabel = visible.filter((span) => span.label === label.key && !span.orphan);
            return (
              <div key={label.key} role="group" aria-label={`${label.name} spans`}>
                <h3 className="mb-1 flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-stone-700">
                  <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: label.colour }} aria-hidden="true" />
                  {label.name} ({ofLabel.length})
                </h3>
                {ofLabel.length === 0 ? (
                  <p className="text-xs text-stone-600">None</p>
                ) : (
                  <div className="space-y-1">
                    {blocks(ofLabel).map((block, k) => (
                      <ul key={k} className="sm-span-rows space-y-1">
                        {block.map((span) => (
                          <SpanRow key={span.id} span={span} selected={span.id === selectedId} onSelect={onSelect} />
                        ))}
                      </ul>
                    ))}
                  </div>
                )}
              </div>
            );
          })}
      </div>
    </section>
  );
});
