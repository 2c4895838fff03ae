import { createHash } from "node:crypto";

/** Identifies an article's exact text, to detect duplicates on import. */
export function textHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
