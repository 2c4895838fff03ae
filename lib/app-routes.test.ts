import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pageRoutes, routeHandlers, serverActions, urlOfFolder } from "./app-routes";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "app-routes-"));
const app = path.join(root, "app");
function write(relative: string, source: string) {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, source);
}
write("app/(app)/page.tsx", "export default function Home() {}");
write("app/(app)/projects/[slug]/articles/[id]/page.tsx", "export default async function Reader() {}");
write("app/(app)/projects/[slug]/articles/[id]/actions.ts", `"use server";\n\nexport const setStatus = defineAction(null, schema, run);\nexport async function other() {}\nconst hidden = 1;`);
write("app/(app)/projects/actions.ts", `// the project actions\n'use server';\nconst a = 1, b = 2;\nexport { a, b as renamed };`);
write("app/(app)/projects/helpers.ts", `export const notAnAction = 1; // "use server" only counts at the top`);
write("app/_server/page.tsx", "export default function Private() {}");
write("app/api/v1/projects/[slug]/route.ts", "export const GET = apiRoute(null, run);\nexport async function POST() {}");
write("app/api/auth/[...nextauth]/route.ts", "const handler = NextAuth(options);\nexport { handler as GET, handler as POST };");
write("app/api/health/route.ts", "export function GET() {}\nexport const dynamic = 'force-dynamic';");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("the app tree", () => {
  it("names folders as URLs without route groups, with OpenAPI-style parameters", () => {
    expect(urlOfFolder(app, path.join(app, "(app)", "projects", "[slug]"))).toBe("/projects/{slug}");
    expect(urlOfFolder(app, path.join(app, "api", "auth", "[...nextauth]"))).toBe("/api/auth/{nextauth}");
    expect(urlOfFolder(app, path.join(app, "(app)"))).toBe("/");
  });

  it("finds every route handler with the methods it exports", () => {
    expect(routeHandlers(app).map((route) => `${route.method} ${route.path}`)).toEqual([
      "GET /api/auth/{nextauth}",
      "POST /api/auth/{nextauth}",
      "GET /api/health",
      "GET /api/v1/projects/{slug}",
      "POST /api/v1/projects/{slug}",
    ]);
  });

  it("finds every page but not private folders", () => {
    expect(pageRoutes(app).map((page) => page.path)).toEqual(["/", "/projects/{slug}/articles/{id}"]);
  });

  it("finds every export of a \"use server\" module, and nothing else", () => {
    expect(serverActions(root, ["app"])).toEqual([
      { file: "app/(app)/projects/[slug]/articles/[id]/actions.ts", name: "other" },
      { file: "app/(app)/projects/[slug]/articles/[id]/actions.ts", name: "setStatus" },
      { file: "app/(app)/projects/actions.ts", name: "a" },
      { file: "app/(app)/projects/actions.ts", name: "renamed" },
    ]);
  });

  it("reads this repository's app: the changes route, the reader and the token actions are there", () => {
    const here = path.resolve(__dirname, "..");
    expect(routeHandlers(path.join(here, "app")).map((route) => `${route.method} ${route.path}`)).toContain(
      "POST /api/v1/projects/{slug}/articles/{id}/layers/{layer}/changes",
    );
    expect(pageRoutes(path.join(here, "app")).map((page) => page.path)).toContain("/projects/{slug}/articles/{id}");
    expect(serverActions(here, ["app"]).map((action) => action.name)).toContain("revokeTokenAction");
  });
});
