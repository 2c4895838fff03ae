/**
 * The app's surface read from the source tree: every route handler with its HTTP methods,
 * every page, every server action. Tests walk it (the OpenAPI completeness check, the
 * authorisation matrix) so that a route added later cannot be forgotten by them.
 * Plain Node (fs), no Next.js imports; never imported by the app itself.
 */
import fs from "node:fs";
import path from "node:path";

export const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

/** A route handler: `GET /api/v1/projects/{slug}`, with its file relative to the app folder. */
export type RouteHandler = { method: RouteMethod; path: string; file: string };
/** A page: `/projects/{slug}/articles/{id}`. */
export type PageRoute = { path: string; file: string };
/** An exported function of a `"use server"` module. */
export type ServerAction = { name: string; file: string };

function walk(dir: string, visit: (file: string) => void): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "node_modules") continue;
      walk(full, visit);
    } else visit(full);
  }
}

/**
 * The URL of a folder of the app tree: route groups `(app)` dropped, `[slug]` and
 * `[...rest]` written `{slug}` and `{rest}` as in OpenAPI.
 */
export function urlOfFolder(appDir: string, folder: string): string {
  const parts = path
    .relative(appDir, folder)
    .split(path.sep)
    .filter((part) => part && !/^\(.+\)$/.test(part) && !part.startsWith("@"))
    .map((part) => part.replace(/^\[{1,2}(?:\.\.\.)?(.+?)\]{1,2}$/, "{$1}"));
  return "/" + parts.join("/");
}

/** Private folders (`_server`) are not routes. */
function isPrivate(appDir: string, file: string): boolean {
  return path.relative(appDir, file).split(path.sep).some((part) => part.startsWith("_"));
}

function exportsName(source: string, name: string): boolean {
  return (
    new RegExp(`export\\s+(?:const|let|async\\s+function|function)\\s+${name}\\b`).test(source) ||
    new RegExp(`export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`).test(source)
  );
}

/** Every `route.ts` (or .tsx/.js) under `appDir` and the HTTP methods it exports, sorted. */
export function routeHandlers(appDir: string): RouteHandler[] {
  const found: RouteHandler[] = [];
  walk(appDir, (file) => {
    if (!/^route\.(ts|tsx|js|mjs)$/.test(path.basename(file)) || isPrivate(appDir, file)) return;
    const source = fs.readFileSync(file, "utf8");
    for (const method of ROUTE_METHODS) {
      if (exportsName(source, method)) found.push({ method, path: urlOfFolder(appDir, path.dirname(file)), file: path.relative(appDir, file) });
    }
  });
  return found.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Every `page.tsx` (or .ts/.jsx/.js/.mdx) under `appDir`, sorted by URL. */
export function pageRoutes(appDir: string): PageRoute[] {
  const found: PageRoute[] = [];
  walk(appDir, (file) => {
    if (!/^page\.(tsx|ts|jsx|js|mdx)$/.test(path.basename(file)) || isPrivate(appDir, file)) return;
    found.push({ path: urlOfFolder(appDir, path.dirname(file)), file: path.relative(appDir, file) });
  });
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

const USE_SERVER_FILE = /^\s*(?:(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/)\s*)*["']use server["']/;

/**
 * Every exported function of a module that starts with `"use server"` (each export of such a
 * module is a server action a browser can call), under `dirs` of `rootDir`, sorted by file
 * then name; files are named relative to `rootDir` with forward slashes.
 */
export function serverActions(rootDir: string, dirs: string[]): ServerAction[] {
  const found: ServerAction[] = [];
  for (const dir of dirs) {
    const absolute = path.join(rootDir, dir);
    if (!fs.existsSync(absolute)) continue;
    walk(absolute, (file) => {
      if (!/\.(ts|tsx|js|mjs)$/.test(file) || /\.test\.|\.spec\./.test(file)) return;
      const source = fs.readFileSync(file, "utf8");
      if (!USE_SERVER_FILE.test(source)) return;
      const names = new Set<string>();
      for (const match of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Za-z_$][\w$]*)/g)) names.add(match[1]);
      for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
        for (const piece of match[1].split(",")) {
          const name = piece.trim().split(/\s+as\s+/).pop()?.trim();
          if (name) names.add(name);
        }
      }
      for (const name of names) found.push({ name, file: path.relative(rootDir, file).split(path.sep).join("/") });
    });
  }
  return found.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}
