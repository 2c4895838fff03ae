import { cache } from "react";
import { cookies } from "next/headers";
import { userFromSessionCookies, type CurrentUser } from "./session-user";

export type { CurrentUser };

/** The signed-in user of this request (pages and server actions), read once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const jar = await cookies();
  return userFromSessionCookies(jar.getAll().map((cookie) => [cookie.name, cookie.value]));
});

/** True when the browser sent a session cookie that no longer yields a user (expired or revoked). */
export async function hadSessionCookie(): Promise<boolean> {
  const jar = await cookies();
  return jar.getAll().some((cookie) => cookie.name.endsWith("next-auth.session-token"));
}
