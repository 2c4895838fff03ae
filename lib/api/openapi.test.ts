import path from "node:path";
import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import { API_OPERATIONS, openApiDocument } from "./operations";
import { buildOpenApiDocument, checkOperations, HTTP_METHODS, type ApiOperation } from "./openapi";
import { curlExample } from "./curl";
import { changesBodySchema } from "../validation/changes";
import { routeHandlers } from "../app-routes";

const APP_DIR = path.resolve(__dirname, "../../app");

/** Every route file under app/api/v1 as "METHOD /projects/{slug}/…", read from disk. */
function routesOnDisk(): string[] {
  return routeHandlers(APP_DIR)
    .filter((route) => route.path.startsWith("/api/v1/") && (HTTP_METHODS as readonly string[]).includes(route.method.toLowerCase()))
    .map((route) => `${route.method} ${route.path.slice("/api/v1".length)}`)
    .sort();
}

describe("the OpenAPI document", () => {
  const document = openApiDocument();

  it("has every route under app/api/v1, and nothing that is not a route", () => {
    const onDisk = routesOnDisk();
    expect(onDisk).toContain("POST /projects/{slug}/articles/{id}/layers/{layer}/changes");
    expect(onDisk).toContain("GET /openapi.json");
    const documented = Object.entries(document.paths)
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(documented).toEqual(onDisk);
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("holds valid JSON Schemas (draft 2020-12) for every parameter, body and answer", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    let count = 0;
    const visit = (node: unknown) => {
      if (!node || typeof node !== "object") return;
      const record = node as Record<string, unknown>;
      if (record.schema && typeof record.schema === "object" && !("$ref" in (record.schema as object))) {
        ajv.compile(record.schema as object);
        count++;
      }
      for (const value of Object.values(record)) visit(value);
    };
    visit(document.paths);
    expect(count).toBeGreaterThan(20);
  });

  it("describes the changes body as the zod schema validates it", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const schema = (document.paths["/projects/{slug}/articles/{id}/layers/{layer}/changes"].post as {
      requestBody: { content: { "application/json": { schema: object } } };
    }).requestBody.content["application/json"].schema;
    const validate = ajv.compile(schema);
    const good = { changes: [{ id: "2f1c7a4e-8b0d-4c1e-9a55-0c3b7d6e9f10", op: "create", span: { start: 0, end: 5, label: "QUOTE", text: "Hello" } }] };
    const bad = [
      { changes: [] },
      { changes: [{ id: "not-a-uuid", op: "create", span: { start: 0, end: 5, label: "QUOTE", text: "Hello" } }] },
      { changes: [{ id: "2f1c7a4e-8b0d-4c1e-9a55-0c3b7d6e9f10", op: "create", span: { start: -1, end: 5, label: "QUOTE", text: "Hello" } }] },
      { changes: [{ id: "2f1c7a4e-8b0d-4c1e-9a55-0c3b7d6e9f10", op: "create", span: { start: 0, end: 5, label: "quote", text: "Hello" } }] },
    ];
    expect(validate(good)).toBe(true);
    expect(changesBodySchema.safeParse(good).success).toBe(true);
    for (const body of bad) {
      expect(validate(body), JSON.stringify(body)).toBe(false);
      expect(changesBodySchema.safeParse(body).success).toBe(false);
    }
  });

  it("documents authentication, the error shape and the limits on every operation", () => {
    for (const [p, methods] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(methods) as [string, { responses: Record<string, { content?: Record<string, { schema: unknown }>; headers?: object }>; security?: unknown[]; requestBody?: unknown }][]) {
        const where = `${method} ${p}`;
        if (p === "/openapi.json") {
          expect(op.security, where).toEqual([]);
          continue;
        }
        expect(op.responses["401"]?.content?.["application/json"].schema, where).toEqual({ $ref: "#/components/schemas/Error" });
        expect(op.responses["429"]?.headers, where).toHaveProperty("Retry-After");
        if (op.requestBody) expect(op.responses, where).toHaveProperty("413");
      }
    }
    expect(document.components.securitySchemes).toMatchObject({ bearerToken: { type: "http", scheme: "bearer" } });
  });

  it("refuses a registry whose entries do not fit together", () => {
    const changes = API_OPERATIONS.find((op) => op.operationId === "postLayerChanges")!;
    const twice: ApiOperation[] = [...API_OPERATIONS, { ...changes, operationId: "again" }];
    expect(checkOperations(twice)).toEqual(["POST /projects/{slug}/articles/{id}/layers/{layer}/changes is registered twice"]);
    const wrongParams: ApiOperation = { ...changes, operationId: "x", path: "/projects/{slug}/x" };
    expect(checkOperations([wrongParams])[0]).toMatch(/path parameters \{slug\} but the params schema has \{id,layer,slug\}/);
    expect(() => buildOpenApiDocument(twice, { version: "1" })).toThrow(/registered twice/);
  });

  it("makes a curl example for each operation", () => {
    const changes = API_OPERATIONS.find((op) => op.operationId === "postLayerChanges")!;
    expect(curlExample(changes)).toBe(
      `curl -sS -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data '{"changes":[{"id":"2f1c7a4e-8b0d-4c1e-9a55-0c3b7d6e9f10","op":"create","span":{"start":0,"end":7,"label":"ACTOR","text":"Kessler"}}]}' http://localhost:3000/api/v1/projects/velmora-strike/articles/velmora-strike-coastal-times-2026-03-02/layers/me/changes`,
    );
    const list = API_OPERATIONS.find((op) => op.operationId === "listArticles")!;
    expect(curlExample(list, "https://sm.example.org")).toBe(
      `curl -sS -H "Authorization: Bearer $TOKEN" 'https://sm.example.org/api/v1/projects/velmora-strike/articles?q=Kessler&status=done'`,
    );
  });
});
