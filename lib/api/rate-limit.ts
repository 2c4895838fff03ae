/**
 * Request limits of the HTTP API: fixed one-minute windows counted in the database (so every
 * app instance shares them), per personal access token and, far more generously, per signed-in
 * user of the web app. Configured by environment; 0 turns a limit off.
 */
export const RATE_WINDOW_SECONDS = 60;
export const DEFAULT_TOKEN_LIMIT = 600;
export const DEFAULT_SESSION_LIMIT = 6_000;

export type RateLimits = { token: number; session: number };

/** `SOURCEMARK_RATE_LIMIT` (per token a minute) and `SOURCEMARK_SESSION_RATE_LIMIT` (per signed-in user a minute). */
export function rateLimitsFrom(env: Record<string, string | undefined>): RateLimits {
  return {
    token: limitFrom(env.SOURCEMARK_RATE_LIMIT, DEFAULT_TOKEN_LIMIT),
    session: limitFrom(env.SOURCEMARK_SESSION_RATE_LIMIT, DEFAULT_SESSION_LIMIT),
  };
}

function limitFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Rate limits are whole numbers of requests a minute (0: no limit), not "${value}".`);
  return n;
}

/** The bucket of a caller: one per token, one per user for cookie sessions. */
export function rateLimitKey(caller: { tokenId: string | null; userId: string }): string {
  return caller.tokenId ? `token:${caller.tokenId}` : `user:${caller.userId}`;
}
