import { createHash, randomBytes } from "node:crypto";

/** Personal access tokens: shown once, only their hash is stored. The prefix makes leaks easy to scan for. */
export const TOKEN_PREFIX = "smk_";

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function bearerTokenFrom(authorization: string | null): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match ? match[1] : null;
}
