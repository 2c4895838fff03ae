import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { userForToken } from "@/db/queries/tokens";
import { ApiError } from "@/lib/api/errors";
import { bearerTokenFrom } from "@/lib/auth/tokens";
import { can, type Permission } from "@/lib/permissions";
import { getCurrentUser, type CurrentUser } from "./current-user";

export type ApiContext<P> = { request: NextRequest; user: CurrentUser; params: P };

/** The caller: a bearer token when one is sent (and then only it), else the session cookie. */
async function authenticate(request: NextRequest): Promise<CurrentUser | null> {
  const token = bearerTokenFrom(request.headers.get("authorization"));
  if (request.headers.has("authorization")) {
    if (!token) throw new ApiError("unauthenticated", "The Authorization header must be `Bearer <token>`.");
    return userForToken(getDb(), token);
  }
  return getCurrentUser();
}

/**
 * Wraps every /api/v1 handler: authentication, the permission, then the handler; any
 * failure answers in the one error shape, never with a stack trace.
 */
export function apiRoute<P = Record<string, string>>(
  permission: Permission | null,
  handler: (context: ApiContext<P>) => Promise<Response | unknown>,
) {
  return async (request: NextRequest, routeContext: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await authenticate(request);
      if (!user) throw new ApiError("unauthenticated", "Sign in or send a valid personal access token.");
      if (permission && !can(user.role, permission)) throw new ApiError("forbidden", "Your role does not allow this.");
      const params = (await routeContext?.params) ?? ({} as P);
      const result = await handler({ request, user, params });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      if (error instanceof ApiError) return NextResponse.json(error.toBody(), { status: error.status });
      console.error("[api]", error);
      const body = new ApiError("internal", "The server could not complete this request.").toBody();
      return NextResponse.json(body, { status: 500 });
    }
  };
}

/** The project named in the URL if the caller may see it; 404 otherwise (also when it exists but is not theirs). */
export async function projectForCaller(user: CurrentUser, slug: string) {
  const { getProjectForUser } = await import("@/db/queries/projects");
  const project = await getProjectForUser(getDb(), user, slug);
  if (!project) throw new ApiError("not_found", `No project "${slug}".`);
  return project;
}
