import { describe, expect, it } from "vitest";
import { agreementQuerySchema } from "./agreement";
import { exportQuerySchema } from "./export";
import { importQuerySchema } from "./imports";

describe("query schemas of the API routes", () => {
  it("export: a known format in any case; layer and articles passed on as written", () => {
    expect(exportQuerySchema.parse({ format: " JSONL ", layer: "Gold" })).toEqual({ format: "jsonl", layer: "Gold" });
    const missing = exportQuerySchema.safeParse({ layer: "gold" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0].message).toMatch(/^Choose a format: jsonl, brat/);
    expect(exportQuerySchema.safeParse({ format: "xml" }).success).toBe(false);
  });

  it("agreement: the analysts by default, or the suggestions against gold", () => {
    expect(agreementQuerySchema.parse({})).toEqual({ layer: "analysts" });
    expect(agreementQuerySchema.parse({ layer: "suggestions" })).toEqual({ layer: "suggestions" });
    expect(agreementQuerySchema.safeParse({ layer: "gold" }).error?.issues[0].message).toBe('layer is "analysts" (the default) or "suggestions".');
  });

  it("import: an optional file name", () => {
    expect(importQuerySchema.parse({})).toEqual({});
    expect(importQuerySchema.parse({ filename: " a.jsonl " })).toEqual({ filename: "a.jsonl" });
    expect(importQuerySchema.safeParse({ filename: "x".repeat(256) }).success).toBe(false);
  });
});
