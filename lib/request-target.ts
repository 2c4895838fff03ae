/**
 * Checks the path of a request before Next.js sees it. Next answers a path whose percent-encoding
 * is not UTF-8 (`/projects/%FF`) with a bare 500, and a NUL (`%00`) reaches PostgreSQL, which
 * cannot hold it in text; both are the client's mistake, so they get a clear 400 instead.
 * Returns the problem, or null when the path is fine. The query string is left to the routes.
 */
export function requestTargetProblem(url: string): string | null {
  const path = url.split(/[?#]/, 1)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return "The address is not valid: a percent-encoded part is not UTF-8.";
  }
  if (decoded.includes("\u0000")) return "The address contains a NUL character (U+0000).";
  return null;
}

/** The answer for such a request: the API's error shape under /api, plain text elsewhere. */
export function requestTargetRefusal(url: string, problem: string): { contentType: string; body: string } {
  if (url.startsWith("/api/")) {
    return { contentType: "application/json; charset=utf-8", body: JSON.stringify({ error: { code: "bad_request", message: problem } }) };
  }
  return { contentType: "text/plain; charset=utf-8", body: `Bad request: ${problem}\n` };
}
