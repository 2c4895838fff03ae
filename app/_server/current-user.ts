import { cache } from "react";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { getDb } from "@/db/client";
import { getUserById } from "@/db/queries/users";
import type { Role } from "@/lib/permissions";
import { authOptions } from "./auth-options";

export type CurrentUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in user, re-read from the database once per request: a disabled user, a
 * changed role or a reset password takes effect at once, whatever the JWT says.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: string; epoch?: number } | null;
  if (!session?.uid) return null;
  const user = await getUserById(getDb(), session.uid);
  if (!user || user.disabled || user.sessionEpoch !== session.epoch) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** True when the browser sent a session cookie that no longer yields a user (expired or revoked). */
export async function hadSessionCookie(): Promise<boolean> {
  const jar = await cookies();
  return jar.getAll().some((cookie) => cookie.name.endsWith("next-auth.session-token"));
}
