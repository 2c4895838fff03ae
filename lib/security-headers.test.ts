import { describe, expect, it } from "vitest";
import { apiSecurityHeaders, contentSecurityPolicy, isApiPath, securityHeaders } from "./security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe("security headers", () => {
  it("allow scripts only from our origin or with the request's nonce, never inline or eval in production", () => {
    const policy = directives(contentSecurityPolicy("abc123"));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  it("let the dev server's eval and hot-reload socket through only in dev", () => {
    expect(directives(contentSecurityPolicy("n", { dev: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy("n", { dev: true })).get("connect-src")).toContain("ws:");
  });

  it("set nosniff, a referrer policy and frame denial", () => {
    const headers = securityHeaders("n");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["X-Frame-Options"]).toBe("DENY");
  });

  it("give the JSON API a policy under which nothing loads or runs, with the other headers the same", () => {
    const headers = apiSecurityHeaders();
    const policy = directives(headers["Content-Security-Policy"]);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.has("script-src")).toBe(false);
    expect(headers["Content-Security-Policy"]).not.toContain("nonce");
    const { "Content-Security-Policy": _, ...rest } = headers;
    const { "Content-Security-Policy": __, ...pageRest } = securityHeaders("n");
    expect(rest).toEqual(pageRest);
  });

  it("tell the API's paths from pages'", () => {
    expect(isApiPath("/api/v1/projects")).toBe(true);
    expect(isApiPath("/api/v1/projects/p/articles/a/layers/me?x=1")).toBe(true);
    expect(isApiPath("/api/v1")).toBe(true);
    expect(isApiPath("/api/auth/session")).toBe(false);
    expect(isApiPath("/api/v10/x")).toBe(false);
    expect(isApiPath("/projects/api/v1/")).toBe(false);
    expect(isApiPath("/signin")).toBe(false);
  });
});
