import { afterEach, describe, expect, it, vi } from "vitest";
import * as jose from "jose";
import { decode as nextAuthDecode, encode as nextAuthEncode } from "next-auth/jwt";
import { decodeSessionToken, encodeSessionToken, parseCookieHeader, sessionCookieName, sessionTokenFromCookies } from "./session-jwt";

vi.mock("jose", async (importOriginal) => {
  const original = await importOriginal<typeof import("jose")>();
  return { ...original, jwtDecrypt: vi.fn(original.jwtDecrypt) };
});

const secret = "a-test-secret-of-enough-length-for-hkdf";

describe("session tokens", () => {
  afterEach(() => void vi.useRealTimers());

  it("reads tokens next-auth made, and next-auth reads ours", async () => {
    const theirs = await nextAuthEncode({ token: { uid: "u1", epoch: 3 }, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token: theirs, secret })).toMatchObject({ uid: "u1", epoch: 3 });
    const ours = await encodeSessionToken({ token: { uid: "u2", epoch: 0 }, secret, maxAge: 60 });
    expect(await nextAuthDecode({ token: ours, secret })).toMatchObject({ uid: "u2", epoch: 0 });
  });

  it("refuses a token of another secret, a tampered one and an expired one", async () => {
    const token = await encodeSessionToken({ token: { uid: "u1" }, secret, maxAge: 60 });
    await expect(decodeSessionToken({ token, secret: `${secret}-other` })).rejects.toThrow();
    const tampered = token.slice(0, -3) + (token.endsWith("AAA") ? "BBB" : "AAA");
    await expect(decodeSessionToken({ token: tampered, secret })).rejects.toThrow();
    const expired = await encodeSessionToken({ token: { uid: "u1" }, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });

  it("decrypts a token once, but checks its expiry on every use", async () => {
    const token = await encodeSessionToken({ token: { uid: "u9", epoch: 1 }, secret, maxAge: 60 });
    const decrypts = vi.mocked(jose.jwtDecrypt).mock.calls.length;
    const first = await decodeSessionToken({ token, secret });
    const again = await decodeSessionToken({ token, secret });
    expect(again).toEqual(first);
    again!.uid = "changed by a caller";
    expect(await decodeSessionToken({ token, secret })).toEqual(first);
    expect(vi.mocked(jose.jwtDecrypt).mock.calls.length - decrypts).toBe(1);
    // The same token under another secret is not a hit: it never decrypted with that one.
    await expect(decodeSessionToken({ token, secret: `${secret}-other` })).rejects.toThrow();
    vi.useFakeTimers({ now: Date.now() + 90_000, toFake: ["Date"] });
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow(/exp/);
  });

  it("keys by secret: two secrets never share a derived key", async () => {
    const a = await encodeSessionToken({ token: { uid: "a" }, secret: "first-secret-value-123456", maxAge: 60 });
    const b = await encodeSessionToken({ token: { uid: "b" }, secret: "second-secret-value-12345", maxAge: 60 });
    expect(await decodeSessionToken({ token: a, secret: "first-secret-value-123456" })).toMatchObject({ uid: "a" });
    await expect(decodeSessionToken({ token: b, secret: "first-secret-value-123456" })).rejects.toThrow();
  });
});

describe("session cookie", () => {
  it("is named as next-auth names it", () => {
    expect(sessionCookieName({})).toBe("next-auth.session-token");
    expect(sessionCookieName({ NEXTAUTH_URL: "http://example.org" })).toBe("next-auth.session-token");
    expect(sessionCookieName({ NEXTAUTH_URL: "https://example.org" })).toBe("__Secure-next-auth.session-token");
  });

  it("joins chunks in order and ignores other cookies", () => {
    const cookies = parseCookieHeader("theme=dark; next-auth.session-token.1=world; next-auth.session-token.0=hello%2C; other=1");
    expect(sessionTokenFromCookies(cookies, "next-auth.session-token")).toBe("hello,world");
    expect(sessionTokenFromCookies(parseCookieHeader("theme=dark"), "next-auth.session-token")).toBeUndefined();
    expect(sessionTokenFromCookies(parseCookieHeader('next-auth.session-token="abc"'), "next-auth.session-token")).toBe("abc");
  });

  it("parses a header with stray parts and a bad escape without throwing", () => {
    expect(parseCookieHeader("a=1;;b;c=%E0%A4%A; d = 2 ")).toEqual([
      ["a", "1"],
      ["c", "%E0%A4%A"],
      ["d", "2"],
    ]);
    expect(parseCookieHeader(null)).toEqual([]);
  });
});
