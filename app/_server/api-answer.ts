/**
 * What an API handler answers before it becomes a web Response. Next.js's routes turn it into one
 * (asResponse); the custom server's fast path (scripts/fast-routes.ts) writes it to the socket
 * itself, without making a Response and reading its body back.
 */
export type ApiAnswer = { status: number; json: string; headers?: Record<string, string> };

/** A handler's JSON answer with a status other than 200, or JSON text made elsewhere (the database). */
export class JsonAnswer {
  private constructor(
    readonly json: string,
    readonly status: number,
  ) {}

  static of(body: unknown, status = 200): JsonAnswer {
    return new JsonAnswer(JSON.stringify(body), status);
  }

  /** JSON that is already text: sent as it is. */
  static text(json: string, status = 200): JsonAnswer {
    return new JsonAnswer(json, status);
  }
}

export function asResponse(answer: ApiAnswer | Response): Response {
  if (answer instanceof Response) return answer;
  return new Response(answer.json, { status: answer.status, headers: { "content-type": "application/json", ...answer.headers } });
}

/**
 * Where apiRoute keeps a route's answer function on the handler it gives Next.js. A global
 * symbol: the custom server loads the route modules apart from Next's bundles.
 */
export const API_ANSWER = Symbol.for("sourcemark.apiAnswer");

/**
 * Where the custom server puts a small request body it has read already (a Uint8Array), for
 * readBodyBytes: making a web stream of it and reading that back cost more than the write.
 */
export const PREREAD_BODY = Symbol.for("sourcemark.prereadBody");
