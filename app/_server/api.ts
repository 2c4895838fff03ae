import type { NextRequest } from "next/server";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { countRequest, countRequests } from "@/db/queries/rate-limit";
import { userForToken } from "@/db/queries/tokens";
import { ApiError } from "@/lib/api/errors";
import { RATE_WINDOW_SECONDS, rateLimitKey, rateLimitsFrom, type RateLimits } from "@/lib/api/rate-limit";
import { RateCounter } from "@/lib/api/rate-counter";
import { bearerTokenFrom } from "@/lib/auth/tokens";
import { can, type Permission } from "@/lib/permissions";
import { containsNul, NUL_MESSAGE } from "@/lib/validation/nul";
import { parseCookieHeader } from "@/lib/auth/session-jwt";
import { articleTargetFor, sessionUserWithArticleTarget, type ArticleTarget } from "@/db/queries/article-target";
import { sessionFromCookies, sessionUser, userFromSessionCookies, type CurrentUser } from "./session-user";
import { API_ANSWER, asResponse, JsonAnswer, type ApiAnswer } from "./api-answer";

export type ApiContext<P> = {
  request: NextRequest;
  user: CurrentUser;
  params: P;
  /** Routes of one article (`articleTarget: true`): its project and article as the caller may see them. */
  target: () => Promise<ArticleTarget | null>;
};

type Caller = { user: CurrentUser; tokenId: string | null; target?: ArticleTarget | null };
type ArticleParams = { slug: string; id: string };

/** The caller: a bearer token when one is sent (and then only it), else the session cookie. */
async function authenticate(request: NextRequest, article: ArticleParams | null): Promise<Caller | null> {
  if (article && !request.headers.has("authorization")) {
    // The editor's requests: the session's user and the article checked in one round trip.
    const session = await sessionFromCookies(parseCookieHeader(request.headers.get("cookie")));
    if (!session) return null;
    const found = await sessionUserWithArticleTarget(getDb(), session.uid, article.slug, article.id);
    const user = sessionUser(session, found?.user ?? null);
    return user ? { user, tokenId: null, target: found!.target } : null;
  }
  const token = bearerTokenFrom(request.headers.get("authorization"));
  if (request.headers.has("authorization")) {
    if (!token) throw new ApiError("unauthenticated", "The Authorization header must be `Bearer <token>`.");
    const found = await userForToken(getDb(), token);
    if (!found) return null;
    const { tokenId, ...user } = found;
    return { user, tokenId };
  }
  const user = await userFromSessionCookies(parseCookieHeader(request.headers.get("cookie")));
  return user ? { user, tokenId: null } : null;
}

let limits: RateLimits | null = null;
const counter = new RateCounter(RATE_WINDOW_SECONDS);
let flushing: ReturnType<typeof setInterval> | null = null;

/** Adds the requests counted in this instance to the shared buckets, about once a second, in one statement. */
function flushCountsSoon() {
  if (flushing) return;
  flushing = setInterval(async () => {
    const drained = counter.drain();
    if (drained.length === 0) return;
    try {
      for (const [key, { count }] of await countRequests(getDb(), drained, RATE_WINDOW_SECONDS)) counter.learned(key, count);
    } catch (error) {
      console.error("[rate limit] could not save counts:", (error as Error).message);
    }
  }, 1000);
  flushing.unref?.();
}

/** A 429 with `Retry-After` once the caller's requests in this minute pass the limit. */
async function enforceRateLimit(caller: Caller): Promise<void> {
  limits ??= rateLimitsFrom(process.env);
  const limit = caller.tokenId ? limits.token : limits.session;
  if (limit === 0) return;
  const key = rateLimitKey({ tokenId: caller.tokenId, userId: caller.user.id });
  const decision = counter.count(key, limit);
  if (decision === "local") return flushCountsSoon();
  const { count, retryAfterSeconds } = await countRequest(getDb(), key, RATE_WINDOW_SECONDS, decision);
  counter.learned(key, count);
  if (count > limit) {
    throw new ApiError(
      "rate_limited",
      `Too many requests: at most ${limit} a minute ${caller.tokenId ? "per token" : "per signed-in user"}. Try again in ${retryAfterSeconds} s.`,
      undefined,
      { "retry-after": String(retryAfterSeconds) },
    );
  }
}

function errorAnswer(error: ApiError): ApiAnswer {
  return { status: error.status, json: JSON.stringify(error.toBody()), headers: error.headers };
}

export type ApiRouteHandler<P> = ((request: NextRequest, routeContext: { params: Promise<P> }) => Promise<Response>) & {
  /** The same route, answering before a Response is made (scripts/fast-routes.ts). */
  [API_ANSWER]: (request: NextRequest, params: P) => Promise<ApiAnswer | Response>;
};

/**
 * Wraps every /api/v1 handler: authentication, the rate limit, the permission, then the
 * handler; any failure answers in the one error shape, never with a stack trace. A handler
 * returns a JSON value (200), a JsonAnswer (another status, or JSON text as it is) or a Response.
 */
export function apiRoute<P = Record<string, string>>(
  permission: Permission | null,
  handler: (context: ApiContext<P>) => Promise<Response | JsonAnswer | unknown>,
  options: { articleTarget?: boolean } = {},
): ApiRouteHandler<P> {
  const answer = async (request: NextRequest, params: P): Promise<ApiAnswer | Response> => {
    try {
      const article = options.articleTarget ? (params as unknown as ArticleParams) : null;
      const caller = await authenticate(request, article);
      if (!caller) throw new ApiError("unauthenticated", "Sign in or send a valid personal access token.");
      await enforceRateLimit(caller);
      const { user } = caller;
      if (permission && !can(user.role, permission)) throw new ApiError("forbidden", "Your role does not allow this.");
      if (containsNul([...request.nextUrl.searchParams.entries()].flat())) throw new ApiError("bad_request", NUL_MESSAGE);
      const target = async () => {
        if (!article) throw new Error("This route does not name an article.");
        return caller.target !== undefined ? caller.target : articleTargetFor(getDb(), user, article.slug, article.id);
      };
      const result = await handler({ request, user, params, target });
      if (result instanceof Response) return result;
      if (result instanceof JsonAnswer) return { status: result.status, json: result.json };
      return { status: 200, json: JSON.stringify(result) };
    } catch (error) {
      if (error instanceof ApiError) return errorAnswer(error);
      console.error("[api]", error);
      return errorAnswer(new ApiError("internal", "The server could not complete this request."));
    }
  };
  const route = async (request: NextRequest, routeContext: { params: Promise<P> }) =>
    asResponse(await answer(request, (await routeContext?.params) ?? ({} as P)));
  return Object.assign(route, { [API_ANSWER]: answer });
}

/** The URL's query parsed by a schema of lib/validation; 400 with the issues when it does not fit. */
export function queryOf<S extends z.ZodType>(request: NextRequest, schema: S): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    throw new ApiError(
      "bad_request",
      parsed.error.issues[0]?.message ?? "The query is not valid.",
      parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    );
  }
  return parsed.data;
}

/** The project named in the URL if the caller may see it; 404 otherwise (also when it exists but is not theirs). */
export async function projectForCaller(user: CurrentUser, slug: string) {
  const { getProjectForUser } = await import("@/db/queries/projects");
  const project = await getProjectForUser(getDb(), user, slug);
  if (!project) throw projectNotFound(slug);
  return project;
}

export function projectNotFound(slug: string): ApiError {
  return new ApiError("not_found", `No project "${slug}".`);
}
