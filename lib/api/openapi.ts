/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas that validate the
 * requests (lib/validation) and describe the answers (lib/api/responses). Pure: the route
 * `GET /api/v1/openapi.json` and the page `/api/docs` both call `openApiDocument()`.
 *
 * Each route is one entry of `API_OPERATIONS` (lib/api/operations.ts); this module turns the
 * entries into the document and adds what every operation shares (authentication, the error
 * shape, 401/404/413/429).
 */
import { z } from "zod";
import { errorResponseSchema } from "./responses";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";
export const HTTP_METHODS: readonly HttpMethod[] = ["get", "post", "put", "patch", "delete"];

/** A JSON Schema written out, for bodies zod cannot describe (raw files). */
export type JsonSchema = { [key: string]: unknown };

export type ApiResponseSpec = {
  description: string;
  /** The JSON body (application/json). */
  schema?: z.ZodType;
  /** Other bodies: media type → JSON Schema (e.g. a binary download). */
  content?: Record<string, JsonSchema>;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
};

export type ApiOperation = {
  method: HttpMethod;
  /** Relative to /api/v1, with `{name}` path parameters: "/projects/{slug}/articles". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Who may call it, in words (the server checks lib/permissions.ts). */
  access: string;
  /** "public": no authentication. Default: the session cookie or a bearer token. */
  auth?: "public";
  /** Path parameters: an object schema whose keys are the `{name}`s of the path. */
  params?: z.ZodObject;
  /** Query parameters: an object schema, one parameter per key. */
  query?: z.ZodObject;
  body?: {
    description?: string;
    /** A JSON body. */
    schema?: z.ZodType;
    /** Other bodies: media type → JSON Schema. */
    content?: Record<string, JsonSchema>;
    /** The size limit in bytes (413 beyond it). */
    maxBytes?: number;
  };
  /** Successful answers by status; errors are added from `errors`. */
  responses: Record<number, ApiResponseSpec>;
  /** Error statuses this operation answers besides 401, 404 (with path params), 413 (with a body) and 429. */
  errors?: (400 | 403 | 409)[];
  /** For the curl example: a query string and a JSON body. */
  example?: { query?: string; body?: unknown; rawBody?: { file: string; contentType?: string } };
};

export const API_BASE = "/api/v1";

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Bad input: the body, the query or a change is not valid (`issues` says where).",
  401: "No session and no valid token (missing, revoked, expired, or its user disabled).",
  403: "The caller's role does not allow this.",
  404: "Not found, or not visible to the caller.",
  409: "A change was based on a stale version; the results carry the current state.",
  413: "The body is larger than the limit; refused before it is read whole.",
  429: "Too many requests from this token (or signed-in user) this minute; retry after `Retry-After` seconds.",
};

/** JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) of a zod schema, inline, without `$schema`. */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", cycles: "throw", reused: "inline" }) as JsonSchema;
  delete out.$schema;
  if ("$defs" in out) throw new Error("OpenAPI schemas must be inline: a schema needs $defs");
  return out;
}

/** `/projects/{slug}/articles` → `["slug"]`. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
}

type Parameter = { name: string; in: "path" | "query"; required: boolean; description?: string; schema: JsonSchema; example?: unknown };

/** One parameter per key of an object schema; descriptions and examples move to the parameter. */
export function parametersOf(schema: z.ZodObject, where: "path" | "query"): Parameter[] {
  const json = jsonSchemaOf(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, examples, ...rest } = property as JsonSchema & { description?: string; examples?: unknown[] };
    const example = (schema.shape[name] as z.ZodType | undefined)?.meta()?.example;
    return {
      name,
      in: where,
      required: where === "path" || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
      ...(example !== undefined ? { example } : examples?.length ? { example: examples[0] } : {}),
    };
  });
}

const errorRef = { $ref: "#/components/schemas/Error" };

function responsesOf(operation: ApiOperation): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(operation.responses)) {
    const content: Record<string, { schema: JsonSchema }> = {};
    if (spec.schema) content["application/json"] = { schema: jsonSchemaOf(spec.schema, "output") };
    for (const [type, schema] of Object.entries(spec.content ?? {})) content[type] = { schema };
    responses[status] = {
      description: spec.description,
      ...(spec.headers ? { headers: Object.fromEntries(Object.entries(spec.headers).map(([name, h]) => [name, { description: h.description, schema: h.schema }])) } : {}),
      ...(Object.keys(content).length ? { content } : {}),
    };
  }
  const errors = new Set<number>(operation.errors ?? []);
  if (operation.auth !== "public") {
    errors.add(401);
    errors.add(429);
  }
  if (operation.params) errors.add(404);
  if (operation.body) errors.add(413);
  for (const status of [...errors].sort()) {
    if (responses[status]) continue;
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status],
      ...(status === 429
        ? { headers: { "Retry-After": { description: "Seconds until the next window.", schema: { type: "integer", minimum: 1 } } } }
        : {}),
      content: { "application/json": { schema: errorRef } },
    };
  }
  return responses;
}

function operationObject(operation: ApiOperation): Record<string, unknown> {
  const parameters = [
    ...(operation.params ? parametersOf(operation.params, "path") : []),
    ...(operation.query ? parametersOf(operation.query, "query") : []),
  ];
  let requestBody: Record<string, unknown> | undefined;
  if (operation.body) {
    const content: Record<string, { schema: JsonSchema }> = {};
    if (operation.body.schema) content["application/json"] = { schema: jsonSchemaOf(operation.body.schema, "input") };
    for (const [type, schema] of Object.entries(operation.body.content ?? {})) content[type] = { schema };
    const limit = operation.body.maxBytes ? ` At most ${formatBytes(operation.body.maxBytes)}.` : "";
    requestBody = { required: true, description: `${operation.body.description ?? ""}${limit}`.trim(), content };
  }
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: [operation.description, `**Who:** ${operation.access}`].filter(Boolean).join("\n\n"),
    tags: [operation.tag],
    ...(operation.auth === "public" ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: responsesOf(operation),
  };
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/** Checks that the entries fit together: unique ids and routes, path parameters that match the schema. */
export function checkOperations(operations: readonly ApiOperation[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const routes = new Set<string>();
  for (const op of operations) {
    if (ids.has(op.operationId)) problems.push(`operationId ${op.operationId} is used twice`);
    ids.add(op.operationId);
    const route = `${op.method.toUpperCase()} ${op.path}`;
    if (routes.has(route)) problems.push(`${route} is registered twice`);
    routes.add(route);
    const inPath = pathParamNames(op.path).sort().join();
    const inSchema = Object.keys(op.params?.shape ?? {}).sort().join();
    if (inPath !== inSchema) problems.push(`${route}: path parameters {${inPath}} but the params schema has {${inSchema}}`);
  }
  return problems;
}

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: Record<string, unknown>;
  servers: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, unknown>;
  [key: string]: unknown;
};

export function buildOpenApiDocument(operations: readonly ApiOperation[], info: { version: string }): OpenApiDocument {
  const problems = checkOperations(operations);
  if (problems.length) throw new Error(`The API registry is inconsistent:\n${problems.join("\n")}`);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) (paths[operation.path] ??= {})[operation.method] = operationObject(operation);
  return {
    openapi: "3.1.0",
    info: {
      title: "Sourcemark API",
      version: info.version,
      description:
        "JSON under /api/v1 for the web app and for scripts. Authenticate with the session cookie or `Authorization: Bearer <token>` " +
        "(a personal access token from /settings/tokens; it carries its user's role). Offsets are Unicode code points. " +
        "Errors have one shape: `{\"error\": {\"code\", \"message\", \"issues\"?}}`.",
    },
    servers: [{ url: API_BASE }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal access token (`smk_…`)." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The web app's session." },
      },
      schemas: { Error: jsonSchemaOf(errorResponseSchema, "output") },
    },
  };
}
