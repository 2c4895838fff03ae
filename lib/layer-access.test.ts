import { describe, expect, it } from "vitest";
import { resolveLayerAccess } from "./layer-access";

const analyst = { role: "analyst" as const, email: "ann@x.org" };
const reviewer = { role: "reviewer" as const, email: "rev@x.org" };

describe("resolveLayerAccess", () => {
  it("lets an analyst read and write their own layer by email or as me", () => {
    expect(resolveLayerAccess({ ...analyst, layer: "me", mode: "write" })).toEqual({ ok: true, target: { kind: "analyst", email: "ann@x.org" }, own: true });
    expect(resolveLayerAccess({ ...analyst, layer: "ANN@x.org", mode: "read" })).toMatchObject({ ok: true, own: true });
  });

  it("keeps annotation blind: an analyst cannot read another's layer or gold", () => {
    expect(resolveLayerAccess({ ...analyst, layer: "bob@x.org", mode: "read" })).toMatchObject({ ok: false, status: 403 });
    expect(resolveLayerAccess({ ...analyst, layer: "gold", mode: "read" })).toMatchObject({ ok: false, status: 403 });
  });

  it("lets analysts read but not write suggestions", () => {
    expect(resolveLayerAccess({ ...analyst, layer: "suggestions", mode: "read" })).toMatchObject({ ok: true });
    expect(resolveLayerAccess({ ...analyst, layer: "suggestions", mode: "write" })).toMatchObject({ ok: false, status: 403 });
  });

  it("lets reviewers read any layer, write gold, but never write an analyst's layer", () => {
    expect(resolveLayerAccess({ ...reviewer, layer: "ann@x.org", mode: "read" })).toMatchObject({ ok: true, own: false });
    expect(resolveLayerAccess({ ...reviewer, layer: "ann@x.org", mode: "write" })).toMatchObject({ ok: false, status: 403 });
    expect(resolveLayerAccess({ ...reviewer, layer: "gold", mode: "write" })).toMatchObject({ ok: true });
  });

  it("refuses a layer name that is none of the known kinds", () => {
    expect(resolveLayerAccess({ ...reviewer, layer: "everyone", mode: "read" })).toMatchObject({ ok: false, status: 400 });
  });
});
