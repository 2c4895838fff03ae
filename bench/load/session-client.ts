/** A signed-in browser session reduced to what the load bench needs: a cookie jar and JSON requests. */
import http from "node:http";

export type JsonResponse = { status: number; body: unknown };

export class SessionClient {
  private readonly cookies = new Map<string, string>();
  /** Its own kept-alive connection, as a browser tab's session would have. */
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  private constructor(private readonly origin: string) {}

  /** next-auth's credentials flow, as the sign-in form runs it: CSRF token, then the callback. */
  static async signIn(origin: string, email: string, password: string): Promise<SessionClient> {
    const client = new SessionClient(origin);
    const csrf = (await client.request("GET", "/api/auth/csrf")).body as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, json: "true" }).toString();
    const answer = await client.raw("POST", "/api/auth/callback/credentials", form, "application/x-www-form-urlencoded");
    if (![...client.cookies.keys()].some((name) => name.endsWith("session-token"))) {
      throw new Error(`sign-in of ${email} failed: HTTP ${answer.status}`);
    }
    return client;
  }

  request(method: string, path: string, json?: unknown): Promise<JsonResponse> {
    return this.raw(method, path, json === undefined ? undefined : JSON.stringify(json), "application/json");
  }

  private raw(method: string, path: string, body: string | undefined, type: string): Promise<JsonResponse> {
    const url = new URL(path, this.origin);
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "), accept: "application/json" };
    if (body !== undefined) {
      headers["content-type"] = type;
      headers["content-length"] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const request = http.request(url, { method, headers, agent: this.agent }, (response) => {
        for (const cookie of response.headers["set-cookie"] ?? []) {
          const [pair] = cookie.split(";");
          const at = pair.indexOf("=");
          this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
        }
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
      });
      request.on("error", reject);
      if (body !== undefined) request.write(body);
      request.end();
    });
  }
}
