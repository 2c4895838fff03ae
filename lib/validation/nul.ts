/**
 * PostgreSQL cannot store U+0000 in `text` or `jsonb` (it fails with "invalid byte sequence"),
 * so a NUL anywhere in a request is refused up front with a clear message instead of a 500.
 */
export const NUL_MESSAGE = "The request contains a NUL character (U+0000), which cannot be stored or searched.";

/** True when a string, or any key or string inside an array or object, holds U+0000. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 200 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  for (const [key, item] of Object.entries(value)) {
    if (key.includes("\u0000") || containsNul(item, depth + 1)) return true;
  }
  return false;
}

/** The text with every U+0000 removed (for search terms, where a NUL can only be noise). */
export function withoutNul(text: string): string {
  return text.replaceAll("\u0000", "");
}
