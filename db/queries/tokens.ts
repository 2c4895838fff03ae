import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Database } from "../types";
import { apiTokens, users, type Role } from "../schema";
import { generateToken, hashToken } from "../../lib/auth/tokens";

/** The active, enabled user a token belongs to, or null; marks the token used. */
export async function userForToken(
  db: Database,
  token: string,
): Promise<{ id: string; email: string; name: string; role: Role; tokenId: string } | null> {
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
  return { id: row.id, email: row.email, name: row.name, role: row.role, tokenId: row.tokenId };
}

export type TokenSummary = {
  id: string;
  name: string;
  userEmail: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Creates a token and returns it in clear text, the only time it exists outside the caller's hands. */
export async function createToken(
  db: Database,
  input: { userId: string; name: string; expiresInDays?: number | null },
): Promise<{ id: string; token: string; expiresAt: Date | null }> {
  const token = generateToken();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000) : null;
  const [row] = await db
    .insert(apiTokens)
    .values({ userId: input.userId, name: input.name, tokenHash: hashToken(token), expiresAt })
    .returning({ id: apiTokens.id });
  return { id: row.id, token, expiresAt };
}

/** A user's tokens, or everyone's for an admin view (`userId` null). Newest first. */
export function listTokens(db: Database, userId: string | null): Promise<TokenSummary[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      userEmail: users.email,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(userId ? eq(apiTokens.userId, userId) : undefined)
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes a token of `ownerId` (or anyone's when `ownerId` is null: admins). False when there is no such token. */
export async function revokeToken(db: Database, tokenId: string, ownerId: string | null): Promise<boolean> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt), ownerId ? eq(apiTokens.userId, ownerId) : undefined))
    .returning({ id: apiTokens.id });
  return revoked.length > 0;
}
