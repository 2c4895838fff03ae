import type http from "node:http";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import { API_ANSWER, PREREAD_BODY } from "../app/_server/api-answer";
import type { ApiRouteHandler } from "../app/_server/api";

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<string, Handler>>;
type FastRoute = { pattern: RegExp; names: string[]; module: RouteModule };

/**
 * The API routes an analyst's editor calls on every action (read the layer, send changes),
 * handed by the custom server straight to their route handlers, without Next.js's router in
 * front. Under 50 writing sessions on this 2-core machine the router cost several times what the
 * write itself did (bench/load: a bare `select 1` route answered 500–670 requests/s through Next,
 * about 3,000/s without it). The handlers are the very modules Next serves (`app/api/...`), so
 * authentication, the rate limit, permissions, validation and the error shape are theirs; the
 * end-to-end suites (authorisation matrix, hostile input, faults) reach them through this path.
 * Anything else, and a method a module does not export, goes to Next as before.
 */
const FAST_ROUTE_FILES = [
  "/api/v1/projects/[slug]/articles/[id]/layers/[layer]/changes",
  "/api/v1/projects/[slug]/articles/[id]/layers/[layer]",
] as const;

/** `/a/[b]/c` → a pattern matching one non-empty segment per `[name]`, and the names in order. */
export function routePattern(file: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = file
    .split("/")
    .map((segment) => {
      const dynamic = /^\[(\w+)\]$/.exec(segment);
      if (!dynamic) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(dynamic[1]);
      return "([^/]+)";
    })
    .join("/");
  return { pattern: new RegExp(`^${source}$`), names };
}

export async function loadFastRoutes(): Promise<FastRoute[]> {
  return Promise.all(
    FAST_ROUTE_FILES.map(async (file) => ({
      ...routePattern(file),
      module: (await import(`../app${file}/route.ts`)) as RouteModule,
    })),
  );
}

/** The handler and its params for this request, or null when Next should serve it. */
export function matchFastRoute(routes: FastRoute[], method: string, url: string): { handler: Handler; params: Record<string, string> } | null {
  const path = url.split("?", 1)[0];
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    const handler = route.module[method];
    if (!handler) return null;
    const params: Record<string, string> = {};
    try {
      route.names.forEach((name, k) => (params[name] = decodeURIComponent(match[k + 1])));
    } catch {
      return null; // Next answers a malformed escape
    }
    return { handler, params };
  }
  return null;
}

/** Bodies up to this size, declared by Content-Length, are read before the handler runs. */
const PREREAD_MAX_BYTES = 64 * 1024;

function hasSmallDeclaredBody(req: http.IncomingMessage): boolean {
  if (req.headers["transfer-encoding"] !== undefined) return false;
  const declared = Number(req.headers["content-length"]);
  return Number.isInteger(declared) && declared >= 0 && declared <= PREREAD_MAX_BYTES;
}

/** The client went away before its request's body was in: there is no one to answer, and nothing went wrong here. */
class ClientWentAway extends Error {}

function readWhole(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    // A request stream fails only when its connection does ("aborted"): the client is gone either way.
    const gone = () => reject(new ClientWentAway("The client closed the request before sending its body."));
    req.once("error", gone);
    req.once("close", () => req.readableEnded || gone());
  });
}

/** The web Request a route handler takes; a small body read already (PREREAD_BODY), a larger one as a stream. */
async function webRequestOf(req: http.IncomingMessage): Promise<NextRequest> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  if (!hasBody) return new NextRequest(url, { method: req.method, headers });
  if (hasSmallDeclaredBody(req)) {
    const bytes = await readWhole(req);
    const request = new NextRequest(url, { method: req.method, headers });
    Object.defineProperty(request, PREREAD_BODY, { value: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return request;
  }
  return new NextRequest(url, { method: req.method, headers, ...{ body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } });
}

async function writeResponse(res: http.ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  res.setHeader("content-length", body.byteLength);
  res.writeHead(response.status).end(body);
}

/**
 * Runs a route handler on a Node request, as Next would: a web Request in, its answer written
 * out. A route made by apiRoute answers before a Response is made, and that answer is written
 * as it is (the status, the JSON text, its headers).
 */
export async function serveWithHandler(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  route: { handler: Handler; params: Record<string, string> },
): Promise<void> {
  try {
    const request = await webRequestOf(req);
    const answer = (route.handler as Partial<ApiRouteHandler<Record<string, string>>>)[API_ANSWER];
    if (!answer) return await writeResponse(res, await route.handler(request, { params: Promise.resolve(route.params) }));
    const answered = await answer(request, route.params);
    if (answered instanceof Response) return await writeResponse(res, answered);
    res
      .writeHead(answered.status, { ...answered.headers, "content-type": "application/json", "content-length": Buffer.byteLength(answered.json) })
      .end(answered.json);
  } catch (error) {
    if (error instanceof ClientWentAway) {
      res.destroy();
      return;
    }
    console.error("[api]", error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res
      .writeHead(500, { "content-type": "application/json" })
      .end(JSON.stringify({ error: { code: "internal", message: "The server could not complete this request." } }));
  }
}
