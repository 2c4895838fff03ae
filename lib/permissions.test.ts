import { describe, expect, it } from "vitest";
import { can, canSeeProject, PERMISSIONS } from "./permissions";

describe("permissions", () => {
  it("reserves user management to admins", () => {
    expect(can("admin", "users.manage")).toBe(true);
    expect(can("reviewer", "users.manage")).toBe(false);
    expect(can("analyst", "users.manage")).toBe(false);
  });

  it("lets reviewers review and read others' layers but not analysts", () => {
    expect(can("reviewer", "review.use")).toBe(true);
    expect(can("reviewer", "layers.readOthers")).toBe(true);
    expect(can("analyst", "review.use")).toBe(false);
    expect(can("analyst", "layers.readOthers")).toBe(false);
  });

  it("gives admins every permission", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can("admin", permission)).toBe(true);
    }
  });

  it("shows a project to its members and to admins only", () => {
    expect(canSeeProject("analyst", false)).toBe(false);
    expect(canSeeProject("reviewer", false)).toBe(false);
    expect(canSeeProject("analyst", true)).toBe(true);
    expect(canSeeProject("admin", false)).toBe(true);
  });
});
