import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS, authoriseExport, parseExportRequest, resolveExportRequest, type ExportQuery } from "./export-request";
import type { Role } from "./permissions";

const people: Record<Role, { role: Role; email: string }> = {
  analyst: { role: "analyst", email: "Alice@Example.org" },
  reviewer: { role: "reviewer", email: "rui@example.org" },
  admin: { role: "admin", email: "admin@example.org" },
};

const resolve = (role: Role, query: ExportQuery) => resolveExportRequest(query, people[role], "velmora-strike");
const status = (role: Role, query: ExportQuery) => {
  const result = resolve(role, query);
  return result.ok ? 200 : result.status;
};

describe("parseExportRequest", () => {
  it("accepts every format, case-insensitively", () => {
    for (const format of EXPORT_FORMATS) expect(parseExportRequest({ format: format.toUpperCase(), layer: "gold" }).ok, format).toBe(true);
  });

  it.each<[string, ExportQuery]>([
    ["no format", { layer: "gold" }],
    ["an unknown format", { format: "xml", layer: "gold" }],
    ["no layer", { format: "jsonl" }],
    ["an unknown layer", { format: "jsonl", layer: "everyone" }],
    ["the suggestions layer", { format: "jsonl", layer: "suggestions" }],
    ["an empty article list", { format: "jsonl", layer: "gold", articles: " , ," }],
  ])("answers 400 for %s", (_case, query) => {
    expect(parseExportRequest(query)).toMatchObject({ ok: false, status: 400 });
  });

  it("reads the layer names and the article list (trimmed, without repeats)", () => {
    expect(parseExportRequest({ format: "csv", layer: " ALL " })).toMatchObject({ ok: true, request: { layer: { kind: "analysts" }, articles: null } });
    expect(parseExportRequest({ format: "csv", layer: "Bob@X.org", articles: "a, b,a,,c " })).toMatchObject({
      ok: true,
      request: { layer: { kind: "analyst", email: "bob@x.org" }, articles: ["a", "b", "c"] },
    });
  });

  it("needs no layer for the actor register", () => {
    expect(parseExportRequest({ format: "actors-csv" })).toMatchObject({ ok: true, request: { layer: null } });
  });

  it("refuses more article ids than one request may name", () => {
    const many = Array.from({ length: 10_001 }, (_, i) => `a${i}`).join(",");
    expect(parseExportRequest({ format: "jsonl", layer: "gold", articles: many })).toMatchObject({ ok: false, status: 400 });
  });
});

describe("the access matrix", () => {
  const layers = ["gold", "all", "me", "alice@example.org", "ALICE@example.org", "bob@example.org"] as const;
  const expected: Record<Role, Record<(typeof layers)[number], number>> = {
    analyst: { gold: 403, all: 403, me: 200, "alice@example.org": 200, "ALICE@example.org": 200, "bob@example.org": 403 },
    reviewer: { gold: 200, all: 200, me: 200, "alice@example.org": 200, "ALICE@example.org": 200, "bob@example.org": 200 },
    admin: { gold: 200, all: 200, me: 200, "alice@example.org": 200, "ALICE@example.org": 200, "bob@example.org": 200 },
  };
  for (const role of ["analyst", "reviewer", "admin"] as const) {
    for (const layer of layers) {
      for (const format of EXPORT_FORMATS.filter((f) => !f.startsWith("actors"))) {
        it(`${role} · ${layer} · ${format} → ${expected[role][layer]}`, () => {
          expect(status(role, { format, layer })).toBe(expected[role][layer]);
        });
      }
    }
  }

  it("keeps the actor register for reviewers and admins", () => {
    for (const format of ["actors-csv", "actors-jsonl"]) {
      expect(status("analyst", { format })).toBe(403);
      expect(status("reviewer", { format })).toBe(200);
      expect(status("admin", { format, layer: "whatever-it-is-ignored" })).toBe(200);
    }
  });

  it("resolves me and an email to the analyst's own layer, and limits analysts to their assigned articles", () => {
    expect(resolve("analyst", { format: "jsonl", layer: "me" })).toMatchObject({
      ok: true,
      export: { target: { kind: "analyst", email: "alice@example.org", own: true }, assignedOnly: true },
    });
    expect(resolve("reviewer", { format: "jsonl", layer: "me" })).toMatchObject({
      ok: true,
      export: { target: { kind: "analyst", email: "rui@example.org", own: true }, assignedOnly: false },
    });
    expect(resolve("reviewer", { format: "jsonl", layer: "alice@example.org" })).toMatchObject({
      ok: true,
      export: { target: { kind: "analyst", email: "alice@example.org", own: false } },
    });
    expect(resolve("admin", { format: "jsonl", layer: "all" })).toMatchObject({ ok: true, export: { target: { kind: "analysts" } } });
  });

  it("says why it refuses", () => {
    const refused = resolve("analyst", { format: "brat", layer: "gold" });
    expect(refused).toMatchObject({ ok: false, status: 403 });
    expect(!refused.ok && refused.message).toMatch(/reviewers and admins/);
    expect(authoriseExport({ format: "jsonl", layer: null, articles: null }, people.admin, "p")).toMatchObject({ ok: false, status: 400 });
  });
});

describe("content type and file name", () => {
  it.each([
    ["jsonl", "gold", "application/x-ndjson; charset=utf-8", "velmora-strike-gold.jsonl"],
    ["brat", "gold", "application/zip", "velmora-strike-gold-brat.zip"],
    ["conll", "all", "text/plain; charset=utf-8", "velmora-strike-all-analysts.conll"],
    ["webanno", "gold", "application/ld+json; charset=utf-8", "velmora-strike-gold.jsonld"],
    ["csv", "me", "text/csv; charset=utf-8", "velmora-strike-rui@example.org-spans.csv"],
    ["doccano", "gold", "application/x-ndjson; charset=utf-8", "velmora-strike-gold-doccano.jsonl"],
    ["actors-csv", null, "text/csv; charset=utf-8", "velmora-strike-actors.csv"],
    ["actors-jsonl", null, "application/x-ndjson; charset=utf-8", "velmora-strike-actors.jsonl"],
  ])("%s of %s", (format, layer, contentType, fileName) => {
    expect(resolve("reviewer", { format, layer })).toMatchObject({ ok: true, export: { contentType, fileName } });
  });

  it("keeps odd characters of an email out of the file name", () => {
    const result = resolve("reviewer", { format: "jsonl", layer: 'o"hara/x@example.org' });
    expect(result).toMatchObject({ ok: true, export: { fileName: "velmora-strike-o_hara_x@example.org.jsonl" } });
  });
});
