import { and, eq } from "drizzle-orm";
import type { Database } from "../types";
import { suggestionDismissals } from "../schema";

/** The suggestion keys a user dismissed in an article (their own; others' dismissals do not hide anything). */
export async function listDismissals(db: Database, articleId: string, userId: string): Promise<string[]> {
  const rows = await db
    .select({ key: suggestionDismissals.suggestionKey })
    .from(suggestionDismissals)
    .where(and(eq(suggestionDismissals.articleId, articleId), eq(suggestionDismissals.userId, userId)));
  return rows.map((row) => row.key);
}

export async function dismissSuggestion(db: Database, articleId: string, userId: string, key: string): Promise<void> {
  await db.insert(suggestionDismissals).values({ articleId, userId, suggestionKey: key }).onConflictDoNothing();
}

export async function restoreSuggestion(db: Database, articleId: string, userId: string, key: string): Promise<void> {
  await db
    .delete(suggestionDismissals)
    .where(and(eq(suggestionDismissals.articleId, articleId), eq(suggestionDismissals.userId, userId), eq(suggestionDismissals.suggestionKey, key)));
}
