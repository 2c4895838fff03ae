import type { Span } from "./types";

/** A span without its identity: what undo restores and what a change sends. */
export type SpanContent = Omit<Span, "id" | "version">;

/** The fields of an update change; bounds always travel with the covered text. */
export type SpanFields = {
  start?: number;
  end?: number;
  text?: string;
  label?: string;
  attributes?: Record<string, unknown>;
  note?: string | null;
  actor?: string | null;
};

export function contentOf(span: Span): SpanContent {
  const { id: _id, version: _version, ...content } = span;
  return content;
}

/** Equality of JSON values (attributes come back from the server as parsed JSON). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  const keysA = Object.keys(a as object);
  const keysB = Object.keys(b as object);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(b as object, key) && jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** The fields that turn `from` into `to`, or null when nothing differs. */
export function contentPatch(from: SpanContent, to: SpanContent): SpanFields | null {
  const patch: SpanFields = {};
  if (from.start !== to.start || from.end !== to.end || from.text !== to.text) {
    patch.start = to.start;
    patch.end = to.end;
    patch.text = to.text;
  }
  if (from.label !== to.label) patch.label = to.label;
  if (!jsonEqual(from.attributes, to.attributes)) patch.attributes = to.attributes;
  if (from.note !== to.note) patch.note = to.note;
  if (from.actor !== to.actor) patch.actor = to.actor;
  return Object.keys(patch).length > 0 ? patch : null;
}

export function sameSpan(a: Span, b: Span): boolean {
  return a.id === b.id && a.version === b.version && contentPatch(contentOf(a), contentOf(b)) === null;
}
