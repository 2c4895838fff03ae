import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-path";

describe("safeCallbackPath", () => {
  it.each([
    [undefined, "/"],
    ["/projects/x?layer=a", "/projects/x?layer=a"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/admin/users", "/admin/users"],
    ["javascript:alert(1)", "/"],
    ["/signin?callbackUrl=/", "/"],
  ])("%s -> %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
