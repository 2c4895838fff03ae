import hkdf from "@panva/hkdf";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";

/**
 * next-auth 4's session token (an encrypted JWT, alg "dir", enc A256GCM, key derived from the
 * secret by HKDF), made and read here with the derived key kept per secret: next-auth derives it
 * again on every call, which was a tenth of the app's time per API request under load. Tokens
 * are interchangeable with next-auth's own (`session-jwt.test.ts` checks both ways).
 */
const derivedKeys = new Map<string, Promise<Uint8Array>>();

type Secret = string | Uint8Array;

const secretId = (secret: Secret, salt: string) => `${salt}\u0000${typeof secret === "string" ? secret : `bytes:${secret.join(",")}`}`;

function encryptionKey(secret: Secret, salt = ""): Promise<Uint8Array> {
  const id = secretId(secret, salt);
  let key = derivedKeys.get(id);
  if (!key) {
    key = hkdf("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32);
    derivedKeys.set(id, key);
  }
  return key;
}

const CLOCK_TOLERANCE_SECONDS = 15;
const MAX_DECODED = 10_000;

/**
 * Payloads of tokens already decrypted, per secret: the editor sends the same token with every
 * request, and decrypting it each time was a twentieth of the app's time per request under load
 * (bench/load). Only a token that decrypted is kept, keyed by its whole text, so a hit needs the
 * very token that was checked; its expiry is checked again on every use. The session's user is
 * re-read from the database on every request either way (a disabled user or a new session epoch
 * takes effect at once). Bounded: the oldest go first.
 */
const decoded = new Map<string, Map<string, SessionPayload>>();

function rememberDecoded(id: string, token: string, payload: SessionPayload) {
  let tokens = decoded.get(id);
  if (!tokens) decoded.set(id, (tokens = new Map()));
  if (tokens.size >= MAX_DECODED) tokens.delete(tokens.keys().next().value!);
  tokens.set(token, payload);
}

function stillValid(payload: SessionPayload): boolean {
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.exp === "number" && now - CLOCK_TOLERANCE_SECONDS >= payload.exp) return false;
  if (typeof payload.nbf === "number" && now + CLOCK_TOLERANCE_SECONDS < payload.nbf) return false;
  return true;
}

const DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export type SessionPayload = JWTPayload & { uid?: string; epoch?: number };

export async function encodeSessionToken(params: { token?: JWTPayload; secret: Secret; maxAge?: number; salt?: string }): Promise<string> {
  const { token = {}, secret, maxAge = DEFAULT_MAX_AGE_SECONDS, salt = "" } = params;
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(now + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(await encryptionKey(secret, salt));
}

/** The token's payload; throws when it was not made with this secret or has expired (as next-auth's decode). */
export async function decodeSessionToken(params: { token?: string; secret: Secret; salt?: string }): Promise<SessionPayload | null> {
  const { token, secret, salt = "" } = params;
  if (!token) return null;
  const id = secretId(secret, salt);
  const known = decoded.get(id)?.get(token);
  // A copy: next-auth hands the payload to callbacks that may change it.
  if (known && stillValid(known)) return { ...known };
  decoded.get(id)?.delete(token);
  const { payload } = await jwtDecrypt(token, await encryptionKey(secret, salt), { clockTolerance: CLOCK_TOLERANCE_SECONDS });
  rememberDecoded(id, token, { ...(payload as SessionPayload) });
  return payload as SessionPayload;
}

/** The session cookie's name, as next-auth picks it: `__Secure-` when the app's own URL is https. */
export function sessionCookieName(env: { NEXTAUTH_URL?: string; VERCEL?: string } = process.env): string {
  const secure = env.NEXTAUTH_URL ? env.NEXTAUTH_URL.startsWith("https://") : Boolean(env.VERCEL);
  return secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The session token from a Cookie header, joined from its chunks (`name.0`, `name.1`…) when next-auth split it. */
export function sessionTokenFromCookies(cookies: Iterable<[string, string]>, name: string): string | undefined {
  const chunks: [string, string][] = [];
  for (const [key, value] of cookies) if (key.startsWith(name)) chunks.push([key, value]);
  if (chunks.length === 0) return undefined;
  const suffix = (key: string) => parseInt(key.split(".").pop() ?? "0");
  chunks.sort((a, b) => suffix(a[0]) - suffix(b[0]));
  return chunks.map(([, value]) => value).join("");
}

/** Cookie header → name/value pairs (values percent-decoded as next-auth reads them). */
export function parseCookieHeader(header: string | null | undefined): [string, string][] {
  if (!header) return [];
  const pairs: [string, string][] = [];
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    let value = part.slice(at + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep it as sent
    }
    if (name) pairs.push([name, value]);
  }
  return pairs;
}
