import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { OperationSection, operationAnchor, type OperationObject } from "@/components/api-docs/operation-section";
import { API_BASE } from "@/lib/api/openapi";
import { API_OPERATIONS, openApiDocument } from "@/lib/api/operations";
import { DEFAULT_TOKEN_LIMIT } from "@/lib/api/rate-limit";

export const metadata: Metadata = { title: "API documentation" };

/**
 * The OpenAPI document rendered for people: every operation with its parameters, body schema,
 * answers and a curl example. Public, like the document itself; server-rendered, no scripts.
 */
export default async function ApiDocsPage() {
  const document = openApiDocument();
  // The curl examples name this server as the browser reached it (shown only, never fetched).
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const origin = `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${host}`;
  const tags = [...new Set(API_OPERATIONS.map((op) => op.tag))];
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <header className="space-y-3">
        <p className="text-sm">
          <Link href="/" className="underline">Sourcemark</Link>
        </p>
        <h1 className="text-2xl font-semibold">Sourcemark HTTP API</h1>
        <div className="max-w-3xl space-y-2 text-sm leading-6 text-stone-800">
          <p>
            JSON under <code>{API_BASE}</code>. Scripts send <code>Authorization: Bearer &lt;token&gt;</code> with a personal access
            token made on <Link href="/settings/tokens" className="underline">your tokens page</Link> (it carries your role); the web app
            uses its session cookie. Offsets are Unicode code points, as in Python.
          </p>
          <p>
            Errors have one shape, <code>{'{"error": {"code", "message", "issues"?}}'}</code>: 400 bad input, 401 not signed in, 403 not
            allowed, 404 not found (or not yours to see), 409 stale version, 413 body too large, 429 too many requests (at most{" "}
            {DEFAULT_TOKEN_LIMIT} a minute per token by default; wait <code>Retry-After</code> seconds).
          </p>
          <p>
            The machine-readable document: <a href={`${API_BASE}/openapi.json`} className="underline">{API_BASE}/openapi.json</a> (OpenAPI 3.1).
          </p>
        </div>
      </header>

      <nav aria-label="Operations" className="my-6 rounded-lg border border-stone-200 bg-white p-4">
        <h2 className="mb-2 text-sm font-semibold">Operations</h2>
        <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {tags.flatMap((tag) =>
            API_OPERATIONS.filter((op) => op.tag === tag).map((op) => (
              <li key={op.operationId}>
                <a href={`#${operationAnchor(op)}`} className="underline">
                  <span className="font-mono text-xs uppercase">{op.method}</span> {op.path}
                </a>
                <span className="text-stone-700"> · {op.summary}</span>
              </li>
            )),
          )}
        </ul>
      </nav>

      <main className="space-y-6">
        {API_OPERATIONS.map((op) => (
          <OperationSection key={op.operationId} operation={op} object={document.paths[op.path][op.method] as OperationObject} origin={origin} />
        ))}
      </main>
    </div>
  );
}
