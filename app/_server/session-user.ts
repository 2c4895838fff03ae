import { getDb } from "@/db/client";
import { sessionUserById } from "@/db/queries/users";
import { decodeSessionToken, sessionCookieName, sessionTokenFromCookies } from "@/lib/auth/session-jwt";
import type { Role } from "@/lib/permissions";

export type CurrentUser = { id: string; email: string; name: string; role: Role };

/**
 * The user of a session cookie, re-read from the database: a disabled user, a changed role or a
 * reset password (a new session epoch) takes effect at once, whatever the token says. Reads the
 * cookie itself rather than through next/headers, so API routes served outside Next.js's router
 * (scripts/fast-routes.ts) authenticate exactly as those served inside it.
 */
export async function userFromSessionCookies(cookies: Iterable<[string, string]>): Promise<CurrentUser | null> {
  const token = sessionTokenFromCookies(cookies, sessionCookieName());
  if (!token) return null;
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) return null;
  let session: Awaited<ReturnType<typeof decodeSessionToken>>;
  try {
    session = await decodeSessionToken({ token, secret });
  } catch {
    return null; // made with another secret, tampered with, or expired
  }
  if (!session?.uid) return null;
  const user = await sessionUserById(getDb(), session.uid);
  if (!user || user.disabled || user.sessionEpoch !== session.epoch) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
