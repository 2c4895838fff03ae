import { z } from "zod";

export const ARTICLE_PAGE_SIZE = 50;

/** Filters of the article list, from a page's search params or the API's query string. */
export const articleFiltersSchema = z.object({
  q: z.string().trim().max(200, { error: "Search terms are limited to 200 characters." }).optional().catch(undefined),
  status: z.enum(["todo", "in_progress", "done", "unassigned"]).optional().catch(undefined),
  assignee: z.uuid().optional().catch(undefined),
  label: z.string().regex(/^[A-Z][A-Z0-9_]*$/).optional().catch(undefined),
  /** With `label`: at least this many spans of it (0 with `labelMax` 0 finds articles without it). */
  labelMin: z.coerce.number().int().min(0).max(100_000).optional().catch(undefined),
  labelMax: z.coerce.number().int().min(0).max(100_000).optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
});
export type ArticleFilters = z.infer<typeof articleFiltersSchema>;

/** Keyset cursor: the (date, external id) of the last row shown, opaque to clients. */
export function encodeCursor(publishedAt: string | null, externalId: string): string {
  return Buffer.from(JSON.stringify([publishedAt ?? "9999-12-31", externalId]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && /^\d{4}-\d{2}-\d{2}$/.test(value[0]) && typeof value[1] === "string" && !value[1].includes("\u0000")) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through
  }
  return null;
}
