import type http from "node:http";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";

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

/** Runs a route handler on a Node request, as Next would: a web Request in, its Response written out. */
export async function serveWithHandler(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  route: { handler: Handler; params: Record<string, string> },
): Promise<void> {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new NextRequest(new URL(req.url ?? "/", "http://localhost"), {
      method: req.method,
      headers,
      ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
    });
    const response = await route.handler(request, { params: Promise.resolve(route.params) });
    const body = Buffer.from(await response.arrayBuffer());
    response.headers.forEach((value, name) => {
      if (name !== "set-cookie") res.setHeader(name, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) res.setHeader("set-cookie", cookies);
    res.setHeader("content-length", body.byteLength);
    res.writeHead(response.status).end(body);
  } catch (error) {
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
