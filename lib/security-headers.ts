/**
 * The security headers of every response. Scripts run only from our origin or with the
 * request's nonce (Next.js puts it on its own inline bootstrap scripts when it finds it in the
 * request's Content-Security-Policy header), so an injected <script> never runs. Styles allow
 * inline `style` attributes, which React sets for label colours.
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  const scripts = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The JSON API's answers (and its downloads) are never pages: nothing in them may load or run, so
 * they need no nonce, and the server does not make one for each of the editor's many requests.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Whether a request's path is the JSON API's (`/api/v1/…`), which gets the API policy. */
export function isApiPath(url: string): boolean {
  return url.startsWith("/api/v1/") || url === "/api/v1" || url.startsWith("/api/v1?");
}

export function apiSecurityHeaders(): Record<string, string> {
  return { ...securityHeaders(""), "Content-Security-Policy": API_CONTENT_SECURITY_POLICY };
}

export function securityHeaders(nonce: string, options: { dev?: boolean } = {}): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
}
