/** Parses DATABASE_URL and describes it without its password, or throws a message a person can act on. */
export function describeDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      "DATABASE_URL is malformed: expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (the value could not be parsed as a URL).",
    );
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new Error(
      `DATABASE_URL is malformed: it must start with postgres:// or postgresql:// (got "${parsed.protocol}//").`,
    );
  }
  if (!parsed.hostname && !parsed.searchParams.get("host")) {
    throw new Error("DATABASE_URL is malformed: it names no host.");
  }
  const database = parsed.pathname.replace(/^\//, "") || "(default database)";
  return `${parsed.hostname || parsed.searchParams.get("host")}:${parsed.port || "5432"}/${database}`;
}

/** Turns a connection failure into one sentence. */
export function explainConnectionError(error: unknown, where: string): string {
  const code = (error as { code?: string })?.code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "ECONNREFUSED":
      return `Cannot reach PostgreSQL at ${where}: the connection was refused. Is the server running?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach PostgreSQL at ${where}: the host name does not resolve.`;
    case "ETIMEDOUT":
      return `Cannot reach PostgreSQL at ${where}: the connection timed out.`;
    case "3D000":
      return `PostgreSQL at ${where} has no such database. Create it first (createdb).`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} refused the credentials in DATABASE_URL.`;
    default:
      return `Cannot use PostgreSQL at ${where}: ${message}`;
  }
}
