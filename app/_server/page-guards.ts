import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { can, type Permission } from "@/lib/permissions";
import { getCurrentUser, hadSessionCookie, type CurrentUser } from "./current-user";

/** For pages: the signed-in user, or a redirect to the sign-in page; 403 without the permission. */
export async function requireUser(permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = (await headers()).get("x-sourcemark-path") ?? "/";
    const reason = (await hadSessionCookie()) ? "&reason=expired" : "";
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}${reason}`);
  }
  if (permission && !can(user.role, permission)) forbidden();
  return user;
}
