/** Only same-site paths are followed after sign-in: no open redirects. */
export function safeCallbackPath(value: string | undefined | null): string {
  if (!value) return "/";
  let path = value;
  try {
    if (/^https?:\/\//i.test(value)) {
      const url = new URL(value);
      path = url.pathname + url.search;
    }
  } catch {
    return "/";
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  if (path.startsWith("/signin") || path.startsWith("/api/")) return "/";
  return path;
}
