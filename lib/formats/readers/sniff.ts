/**
 * Which reader a file needs, for the CLI and the upload form. brat is a pair
 * of files, so pairing a .txt with its .ann is the caller's job; a .txt with
 * no .ann beside it is plain text.
 */
export type ImportFormat = "native" | "doccano" | "brat" | "plain";

/** By name; JSONL files need their first line to tell native from doccano. */
export function formatFromFileName(file: string): ImportFormat | "jsonl" | null {
  const lower = file.toLowerCase();
  if (lower.endsWith(".ann")) return "brat";
  if (lower.endsWith(".txt")) return "plain";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) return "jsonl";
  return null;
}

/**
 * doccano lines carry "label", "labels" or "entities"; native lines carry
 * "annotations" or "gold" or neither (a native line without layers is read the
 * same either way, except that doccano keeps unknown fields in meta).
 */
export function sniffJsonlFormat(firstLine: string): "native" | "doccano" {
  try {
    const value = JSON.parse(firstLine.replace(/^\uFEFF/, ""));
    if (value && typeof value === "object" && !Array.isArray(value)) {
      if ("annotations" in value || "gold" in value) return "native";
      if ("label" in value || "labels" in value || "entities" in value || "data" in value) return "doccano";
    }
  } catch {
    // A malformed first line: the native reader will report it with its line number.
  }
  return "native";
}
