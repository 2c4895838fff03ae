"use client";

import { memo } from "react";
import type { SuggestedSpan } from "@/lib/suggestions/types";

function excerpt(text: string): string {
  const points = Array.from(text.replace(/\s+/g, " "));
  return points.length > 70 ? `${points.slice(0, 70).join("")}…` : points.join("");
}

function origin(suggestion: SuggestedSpan): string {
  if (suggestion.source === "builtin") return suggestion.label === "QUOTE" ? "in quotation marks" : "known actor";
  return `${suggestion.model ?? "model"}${typeof suggestion.score === "number" ? ` · ${suggestion.score}` : ""}`;
}

/**
 * Open suggestions in text order, each with Accept and Dismiss (the keys n, y and d do the same in the text).
 * Memoised: a long article offers hundreds, and the reader re-renders on every tag.
 */
export const SuggestionList = memo(function SuggestionList({
  suggestions,
  focusedKey,
  onFocus,
  onAccept,
  onDismiss,
}: {
  suggestions: readonly SuggestedSpan[];
  focusedKey: string | null;
  onFocus: (key: string) => void;
  onAccept: (key: string) => void;
  onDismiss: (key: string) => void;
}) {
  return (
    <details open className="rounded-lg border border-dashed border-stone-400 bg-white p-2 text-sm">
      <summary className="cursor-pointer font-semibold">
        Suggestions <span className="font-normal text-stone-600">({suggestions.length})</span>
      </summary>
      <p className="mt-1 text-xs text-stone-600">Not saved until you accept them. In the text: n next, y accept, d dismiss.</p>
      {suggestions.length === 0 ? (
        <p className="mt-1 text-xs text-stone-600">None left.</p>
      ) : (
        <ul className="mt-1 max-h-40 space-y-1 overflow-y-auto pr-1" aria-label="Suggestions">
          {suggestions.map((suggestion) => {
            const focused = suggestion.key === focusedKey;
            const name = `${suggestion.label} “${excerpt(suggestion.text)}”`;
            return (
              <li key={suggestion.key} data-suggestion-key={suggestion.key} className={`rounded px-1.5 py-1 ${focused ? "bg-sky-50 ring-1 ring-sky-700" : ""}`}>
                <button type="button" className="block w-full text-left text-xs" onClick={() => onFocus(suggestion.key)} aria-current={focused ? "true" : undefined}>
                  <span className="font-medium">{suggestion.label}</span> “{excerpt(suggestion.text)}”
                  <span className="block text-stone-600">
                    {origin(suggestion)}
                    {suggestion.actor ? ` → ${suggestion.actor}` : ""}
                  </span>
                </button>
                <span className="mt-0.5 flex gap-2 text-xs">
                  <button type="button" className="underline" aria-label={`Accept ${name}`} onClick={() => onAccept(suggestion.key)}>
                    Accept
                  </button>
                  <button type="button" className="underline" aria-label={`Dismiss ${name}`} onClick={() => onDismiss(suggestion.key)}>
                    Dismiss
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
});
