import { describe, expect, it } from "vitest";
import { requestTargetProblem, requestTargetRefusal } from "./request-target";

describe("request paths", () => {
  it("accepts ordinary, encoded and non-ASCII paths, whatever the query holds", () => {
    for (const url of ["/", "/projects/velmora-strike?q=%", "/projects/a/articles/caf%C3%A9%20%F0%9F%9A%A2", "/api/v1/projects/x/articles/a%2Fb?q=%FF%00", "/projects/x#%FF"]) {
      expect(requestTargetProblem(url), url).toBeNull();
    }
  });

  it("refuses percent-encoding that is not UTF-8, and NUL characters, in the path", () => {
    for (const url of ["/projects/%FF", "/api/v1/projects/x/articles/%FF%FE", "/projects/%E0%A4%A", "/projects/100%", "/projects/%C0%AF"]) {
      expect(requestTargetProblem(url), url).toMatch(/not UTF-8/);
    }
    expect(requestTargetProblem("/api/v1/projects/x/articles/%00")).toMatch(/NUL/);
    expect(requestTargetProblem("/projects/x/review/a%00b?q=1")).toMatch(/NUL/);
  });

  it("answers the API in its error shape and pages in plain text", () => {
    const api = requestTargetRefusal("/api/v1/projects/%FF", "bad");
    expect(JSON.parse(api.body)).toEqual({ error: { code: "bad_request", message: "bad" } });
    expect(requestTargetRefusal("/projects/%FF", "bad").contentType).toMatch(/^text\/plain/);
  });
});
