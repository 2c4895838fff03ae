import { getDb } from "@/db/client";
import { sessionUserById, type SessionUser } from "@/db/queries/users";
import { decodeSessionToken, sessionCookieName, sessionTokenFromCookies } from "@/lib/auth/session-jwt";
import type { Role } from "@/lib/permissions";

export type CurrentUser = { id: string; email: string; name: string; role: Role };

/** Who a session cookie says its holder is, if it is valid; still to be checked against the database. */
export async function sessionFromCookies(cookies: Iterable<[string, string]>): Promise<{ uid: string; epoch: unknown } | null> {
  const token = sessionTokenFromCookies(cookies, sessionCookieName());
  if (!token) return null;
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) return null;
  try {
    const session = await decodeSessionToken({ token, secret });
    return session?.uid ? { uid: session.uid, epoch: session.epoch } : null;
  } catch {
    return null; // made with another secret, tampered with, or expired
  }
}

/**
 * The session's user as the database has it now: a disabled user, a changed role or a reset
 * password (a new session epoch) takes effect at once, whatever the token says.
 */
export function sessionUser(
  session: { epoch: unknown },
  user: SessionUser | null,
): CurrentUser | null {
  if (!user || user.disabled || user.sessionEpoch !== session.epoch) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/**
 * The user of a session cookie, re-read from the database. Reads the cookie itself rather than
 * through next/headers, so API routes served outside Next.js's router (scripts/fast-routes.ts)
 * authenticate exactly as those served inside it.
 */
export async function userFromSessionCookies(cookies: Iterable<[string, string]>): Promise<CurrentUser | null> {
  const session = await sessionFromCookies(cookies);
  if (!session) return null;
  return sessionUser(session, await sessionUserById(getDb(), session.uid));
}
