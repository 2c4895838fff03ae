import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { NextRequest } from "next/server";
import { API_ANSWER, type ApiAnswer } from "../app/_server/api-answer";
import { readBodyBytes } from "../app/_server/request-body";
import { matchFastRoute, routePattern, serveWithHandler } from "./fast-routes";

const changes = async () => new Response("changes");
const layer = async () => new Response("layer");
const routes = [
  { ...routePattern("/api/v1/projects/[slug]/articles/[id]/layers/[layer]/changes"), module: { POST: changes } },
  { ...routePattern("/api/v1/projects/[slug]/articles/[id]/layers/[layer]"), module: { GET: layer } },
];

describe("fast routes", () => {
  it("match the route's own paths and decode their segments as Next does", () => {
    const match = matchFastRoute(routes, "POST", "/api/v1/projects/velmora/articles/art%201/layers/me/changes?x=1");
    expect(match?.handler).toBe(changes);
    expect(match?.params).toEqual({ slug: "velmora", id: "art 1", layer: "me" });
    expect(matchFastRoute(routes, "GET", "/api/v1/projects/p/articles/a/layers/bob%40x.org")?.params.layer).toBe("bob@x.org");
  });

  it("leave everything else to Next: other paths, other methods, trailing slashes, empty segments, bad escapes", () => {
    expect(matchFastRoute(routes, "GET", "/api/v1/projects/p/articles/a/layers/me/changes")).toBeNull();
    expect(matchFastRoute(routes, "POST", "/api/v1/projects/p/articles/a/layers/me/changes/")).toBeNull();
    expect(matchFastRoute(routes, "POST", "/api/v1/projects//articles/a/layers/me/changes")).toBeNull();
    expect(matchFastRoute(routes, "GET", "/api/v1/projects/p/articles/a%E0%A4%A/layers/me")).toBeNull();
    expect(matchFastRoute(routes, "GET", "/api/v1/projects/p/articles")).toBeNull();
    expect(matchFastRoute(routes, "GET", "/projects/p/articles/a")).toBeNull();
  });

  it("take a segment's dots and specials literally", () => {
    const { pattern } = routePattern("/a.b/[x]");
    expect(pattern.test("/a.b/1")).toBe(true);
    expect(pattern.test("/aXb/1")).toBe(false);
  });
});

describe("serving a route handler on a Node request", () => {
  const seen: { streamed: boolean; bytes: number }[] = [];
  // A route as apiRoute makes it: a Response for Next, and its answer before any Response.
  const echo = Object.assign(async () => new Response("not used"), {
    [API_ANSWER]: async (request: NextRequest, params: Record<string, string>): Promise<ApiAnswer> => {
      const streamed = request.body !== null;
      const bytes = request.method === "GET" ? new Uint8Array() : await readBodyBytes(request, 1024 * 1024);
      seen.push({ streamed, bytes: bytes.byteLength });
      return { status: 409, json: JSON.stringify({ params, length: bytes.byteLength, head: Buffer.from(bytes.slice(0, 5)).toString() }), headers: { "retry-after": "7" } };
    },
  });
  const plain = async () =>
    new Response("plain text", { status: 201, headers: [["content-type", "text/plain"], ["set-cookie", "a=1"], ["set-cookie", "b=2"]] });
  let server: http.Server;
  let origin: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const handler = req.url!.startsWith("/plain") ? plain : echo;
      void serveWithHandler(req, res, { handler: handler as never, params: { id: "x" } });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("writes an answer as it is: status, JSON, its headers; a small body is read before the handler runs", async () => {
    const response = await fetch(`${origin}/echo`, { method: "POST", body: "hello world" });
    expect(response.status).toBe(409);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("retry-after")).toBe("7");
    expect(await response.json()).toEqual({ params: { id: "x" }, length: 11, head: "hello" });
    expect(seen.at(-1)).toEqual({ streamed: false, bytes: 11 });
  });

  it("streams a larger body, and one without a declared length, to the handler", async () => {
    const large = "x".repeat(200 * 1024);
    expect(await (await fetch(`${origin}/echo`, { method: "POST", body: large })).json()).toMatchObject({ length: large.length });
    expect(seen.at(-1)).toEqual({ streamed: true, bytes: large.length });
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("abc"));
        controller.enqueue(new TextEncoder().encode("def"));
        controller.close();
      },
    });
    const answer = await fetch(`${origin}/echo`, { method: "POST", body: chunked, duplex: "half" } as RequestInit);
    expect(await answer.json()).toMatchObject({ length: 6, head: "abcde" });
    expect(seen.at(-1)).toEqual({ streamed: true, bytes: 6 });
  });

  it("writes a handler's Response with its status, headers and every cookie", async () => {
    const response = await fetch(`${origin}/plain`);
    expect(response.status).toBe(201);
    expect(await response.text()).toBe("plain text");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
  });

  it("drops a request whose client left before sending all of its body, without calling the handler or logging an error", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = seen.length;
    try {
      const { port } = server.address() as AddressInfo;
      const socket = net.connect(port, "127.0.0.1");
      await new Promise((resolve) => socket.once("connect", resolve));
      socket.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"changes\":");
      await new Promise((resolve) => setTimeout(resolve, 50));
      socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(errors).not.toHaveBeenCalled();
      expect(seen.length).toBe(before);
    } finally {
      errors.mockRestore();
    }
  });
});
