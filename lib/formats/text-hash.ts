/**
 * Text hashes detect duplicate articles and give articles without an external
 * id a stable one. The hash is over the exact stored text (UTF-8 bytes).
 */
import { createHash } from "node:crypto";

/** SHA-256 of the text's UTF-8 bytes, lowercase hex (64 characters). */
export function textHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The external id given to an article that has none: the first 16 hex digits
 * (64 bits) of its text hash, so that importing the same file twice gives the
 * same ids, and the duplicate check by hash catches it.
 */
export function idFromText(text: string): string {
  return textHash(text).slice(0, 16);
}
