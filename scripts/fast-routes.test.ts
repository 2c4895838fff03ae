import { describe, expect, it } from "vitest";
import { matchFastRoute, routePattern } from "./fast-routes";

const changes = async () => new Response("changes");
const layer = async () => new Response("layer");
const routes = [
  { ...routePattern("/api/v1/projects/[slug]/articles/[id]/layers/[layer]/changes"), module: { POST: changes } },
  { ...routePattern("/api/v1/projects/[slug]/articles/[id]/layers/[layer]"), module: { GET: layer } },
];

describe("fast routes", () => {
  it("match the route's own paths and decode their segments as Next does", () => {
    const match = matchFastRoute(routes, "POST", "/api/v1/projects/velmora/articles/art%201/layers/me/changes?x=1");
    expect(match?.handler).toBe(changes);
    expect(match?.params).toEqual({ slug: "velmora", id: "art 1", layer: "me" });
    expect(matchFastRoute(routes, "GET", "/api/v1/projects/p/articles/a/layers/bob%40x.org")?.params.layer).toBe("bob@x.org");
  });

  it("leave everything else to Next: other paths, other methods, trailing slashes, empty segments, bad escapes", () => {
    expect(matchFastRoute(routes, "GET", "/api/v1/projects/p/articles/a/layers/me/changes")).toBeNull();
    expect(matchFastRoute(routes, "POST", "/api/v1/projects/p/articles/a/layers/me/changes/")).toBeNull();
    expect(matchFastRoute(routes, "POST", "/api/v1/projects//articles/a/layers/me/changes")).toBeNull();
    expect(matchFastRoute(routes, "GET", "/api/v1/projects/p/articles/a%E0%A4%A/layers/me")).toBeNull();
    expect(matchFastRoute(routes, "GET", "/api/v1/projects/p/articles")).toBeNull();
    expect(matchFastRoute(routes, "GET", "/projects/p/articles/a")).toBeNull();
  });

  it("take a segment's dots and specials literally", () => {
    const { pattern } = routePattern("/a.b/[x]");
    expect(pattern.test("/a.b/1")).toBe(true);
    expect(pattern.test("/aXb/1")).toBe(false);
  });
});
