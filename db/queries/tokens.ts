import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Database } from "../types";
import { apiTokens, users, type Role } from "../schema";
import { hashToken } from "../../lib/auth/tokens";

/** The active, enabled user a token belongs to, or null; marks the token used. */
export async function userForToken(
  db: Database,
  token: string,
): Promise<{ id: string; email: string; name: string; role: Role } | null> {
  const now = new Date();
  const [row] = await db
    .select({ tokenId: apiTokens.id, id: users.id, email: users.email, name: users.name, role: users.role })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        eq(users.disabled, false),
      ),
    )
    .limit(1);
  if (!row) return null;
  // Coarse last-used time: at most one write a minute per token.
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, row.tokenId),
        or(isNull(apiTokens.lastUsedAt), sql`${apiTokens.lastUsedAt} < now() - interval '1 minute'`),
      ),
    );
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}
