import { API_BASE, type ApiOperation } from "./openapi";

/** Shell-quotes a word with single quotes. */
function quote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * A curl command for an operation, with a bearer token from `$TOKEN` and example values of the
 * path parameters (their schema's `example`).
 */
export function curlExample(operation: ApiOperation, origin = "http://localhost:3000"): string {
  let path = operation.path;
  for (const [name, schema] of Object.entries(operation.params?.shape ?? {})) {
    const example = (schema as { meta?: () => { example?: unknown } | undefined }).meta?.()?.example;
    path = path.replace(`{${name}}`, encodeURIComponent(String(example ?? name.toUpperCase())));
  }
  const query = operation.example?.query ? `?${operation.example.query}` : "";
  const parts = ["curl", "-sS"];
  if (operation.method !== "get") parts.push("-X", operation.method.toUpperCase());
  if (operation.auth !== "public") parts.push("-H", quote("Authorization: Bearer $TOKEN").replace(/^'(.*)'$/, '"$1"'));
  if (operation.example?.body !== undefined) {
    parts.push("-H", quote("Content-Type: application/json"), "--data", quote(JSON.stringify(operation.example.body)));
  } else if (operation.example?.rawBody) {
    parts.push("--data-binary", quote(`@${operation.example.rawBody.file}`));
  }
  parts.push(quote(`${origin}${API_BASE}${path}${query}`));
  return parts.join(" ");
}
