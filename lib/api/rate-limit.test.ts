import { describe, expect, it } from "vitest";
import { DEFAULT_SESSION_LIMIT, DEFAULT_TOKEN_LIMIT, rateLimitKey, rateLimitsFrom } from "./rate-limit";

describe("rate limit settings", () => {
  it("defaults to 600 a minute per token and a generous limit per signed-in user", () => {
    expect(rateLimitsFrom({})).toEqual({ token: DEFAULT_TOKEN_LIMIT, session: DEFAULT_SESSION_LIMIT });
    expect(DEFAULT_TOKEN_LIMIT).toBe(600);
    expect(DEFAULT_SESSION_LIMIT).toBeGreaterThanOrEqual(10 * DEFAULT_TOKEN_LIMIT);
  });

  it("reads the environment; 0 turns a limit off; nonsense is refused at start", () => {
    expect(rateLimitsFrom({ SOURCEMARK_RATE_LIMIT: "30", SOURCEMARK_SESSION_RATE_LIMIT: "0" })).toEqual({ token: 30, session: 0 });
    expect(rateLimitsFrom({ SOURCEMARK_RATE_LIMIT: " " })).toEqual({ token: DEFAULT_TOKEN_LIMIT, session: DEFAULT_SESSION_LIMIT });
    expect(() => rateLimitsFrom({ SOURCEMARK_RATE_LIMIT: "many" })).toThrow(/whole numbers/);
    expect(() => rateLimitsFrom({ SOURCEMARK_RATE_LIMIT: "-1" })).toThrow(/whole numbers/);
    expect(() => rateLimitsFrom({ SOURCEMARK_SESSION_RATE_LIMIT: "1.5" })).toThrow(/whole numbers/);
  });

  it("keeps one bucket per token, and one per user for their session", () => {
    expect(rateLimitKey({ tokenId: "t1", userId: "u1" })).toBe("token:t1");
    expect(rateLimitKey({ tokenId: null, userId: "u1" })).toBe("user:u1");
  });
});
