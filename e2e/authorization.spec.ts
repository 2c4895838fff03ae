/**
 * The authorisation matrix: every route handler, page and server action of the app (read from
 * the source tree, so a new one fails the first test until its row is written here), called by
 * every kind of caller against the built app, with the answer each must get written in a table.
 *
 * Callers: anonymous; an analyst of the project, assigned to the article used; an analyst who
 * is a member of another project only ("outsider"); a reviewer; an admin; and, for the API, a
 * personal access token of each signed-in caller (a token acts with its user's role, so it must
 * get exactly its user's answer) and a token that does not exist.
 *
 * Server actions are called over HTTP as the browser calls them: a POST to a page with the
 * action's id (read from the build's server-reference-manifest.json) in the `Next-Action`
 * header and the arguments as the body. That runs the real action endpoint, the session cookie,
 * `defineAction`'s permission check and the action's own object checks; nothing is mocked.
 *
 * Writes go to a project, users and articles made for this run, never to the demo data; after
 * the matrix, the forbidden writes are checked to have written nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, request as requests, test, type APIRequestContext } from "@playwright/test";
import { pageRoutes, routeHandlers, serverActions } from "../lib/app-routes";
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS, type ExportFormat } from "../lib/export-request";
import { DEFAULT_LABELS } from "../lib/labels";
import { clusterId } from "../lib/quotes/cluster";
import { ACCOUNTS, DEMO_PASSWORD } from "./support";

const ROOT = path.resolve(import.meta.dirname, "..");
const APP = path.join(ROOT, "app");
const BASE = `http://localhost:${Number(process.env.E2E_PORT ?? 3210)}`;
const SPEC = "e2e/authorization.spec.ts";

// ---------------------------------------------------------------------------------------------
// Callers and the answers they get

const WHO = ["anonymous", "analyst", "outsider", "reviewer", "admin"] as const;
type Who = (typeof WHO)[number];
/** One answer per caller, in the order anonymous, analyst, outsider, reviewer, admin. */
type PerCaller<T> = Record<Who, T>;
function each<T>(anonymous: T, analyst: T, outsider: T, reviewer: T, admin: T): PerCaller<T> {
  return { anonymous, analyst, outsider, reviewer, admin };
}

/** What the test made for itself (and the demo accounts it uses). */
type Fixture = {
  run: string;
  project: string;
  projectId: string;
  other: string;
  otherId: string;
  /** In `project`, assigned to the analyst. */
  article: string;
  /** In `project`, assigned to nobody. */
  hidden: string;
  text: string;
  /** The analyst and the reviewer are made for the run, so that the demo accounts' projects stay as other specs expect. */
  analystEmail: string;
  reviewerEmail: string;
  outsiderEmail: string;
  targetUserId: string;
  /** A token of the reviewer for each caller to try to revoke. */
  revocable: PerCaller<string>;
  /** The canonical actor the gold ACTOR span links, and the cluster of the gold quote. */
  actorId: string;
  cluster: string;
};

const OTHER_ANALYST = "bob@sourcemark.test"; // an analyst of the demo project, not of the test's
const PASSWORD = "authz-password-2026";

// ---------------------------------------------------------------------------------------------
// API routes: HTTP status per caller. Tokens get their user's answer; a bad token always 401.

type ApiCase = {
  /** Shown in failures. */
  name: string;
  url: (fx: Fixture) => string;
  /** A valid, harmless body (for POST); `slot` differs per caller so that writes do not collide. */
  body?: (fx: Fixture, caller: string, slot: number) => { data: string; contentType: string };
  expect: PerCaller<number>;
};

const json = (value: unknown) => ({ data: JSON.stringify(value), contentType: "application/json" });
const v1 = (fx: Fixture, rest = "") => `/api/v1/projects/${fx.project}${rest}`;
const articleUrl = (fx: Fixture, rest = "", id = fx.article) => v1(fx, `/articles/${id}${rest}`);

/** A one-word span of the article, a different word per caller slot (and a label per case, so no two requests make one span). */
function spanChange(fx: Fixture, slot: number, label = "CLAIM") {
  const word = wordAt(fx.text, slot);
  return json({ changes: [{ id: randomUUID(), op: "create", span: { start: word.start, end: word.end, label, text: word.text } }] });
}

const EXPORT_LAYER_CASES: { layer: (fx: Fixture) => string; name: string; expect: PerCaller<number> }[] = [
  { name: "gold", layer: () => "gold", expect: each(401, 403, 404, 200, 200) },
  { name: "all analysts", layer: () => "all", expect: each(401, 403, 404, 200, 200) },
  { name: "me", layer: () => "me", expect: each(401, 200, 404, 200, 200) },
  { name: "the analyst's own email", layer: (fx) => fx.analystEmail, expect: each(401, 200, 404, 200, 200) },
  { name: "another analyst's email", layer: () => OTHER_ANALYST, expect: each(401, 403, 404, 200, 200) },
];
/** Every export format: a layer's export, or the project's actor register (no layer). */
const EXPORT_FORMAT_KIND: Record<ExportFormat, "layer" | "register"> = {
  jsonl: "layer",
  brat: "layer",
  conll: "layer",
  webanno: "layer",
  csv: "layer",
  doccano: "layer",
  "actors-csv": "register",
  "actors-jsonl": "register",
};
const REGISTER_EXPECT = each(401, 403, 404, 200, 200);

function exportCases(): ApiCase[] {
  const cases: ApiCase[] = [];
  for (const format of EXPORT_FORMATS) {
    if (EXPORT_FORMAT_KIND[format] === "register") {
      cases.push({ name: `export ${format}`, url: (fx) => v1(fx, `/export?format=${format}`), expect: REGISTER_EXPECT });
      continue;
    }
    for (const layer of EXPORT_LAYER_CASES) {
      cases.push({
        name: `export ${format} of ${layer.name}`,
        url: (fx) => v1(fx, `/export?format=${format}&layer=${encodeURIComponent(layer.layer(fx))}`),
        expect: layer.expect,
      });
    }
  }
  return cases;
}

/** Keyed "METHOD /path" as the route tree names them. */
const API_MATRIX: Record<string, ApiCase[]> = {
  "GET /api/auth/{nextauth}": [{ name: "the session (public)", url: () => "/api/auth/session", expect: each(200, 200, 200, 200, 200) }],
  "POST /api/auth/{nextauth}": [
    // next-auth's own CSRF check: without its token a sign-in is sent back to the sign-in page
    { name: "a sign-in without next-auth's CSRF token", url: () => "/api/auth/callback/credentials", body: () => ({ data: "email=x%40y.z&password=nope", contentType: "application/x-www-form-urlencoded" }), expect: each(302, 302, 302, 302, 302) },
  ],
  "GET /api/health": [{ name: "health (public)", url: () => "/api/health", expect: each(200, 200, 200, 200, 200) }],
  "GET /api/v1/openapi.json": [{ name: "the OpenAPI document (public)", url: () => "/api/v1/openapi.json", expect: each(200, 200, 200, 200, 200) }],
  "GET /api/v1/projects": [{ name: "my projects", url: () => "/api/v1/projects", expect: each(401, 200, 200, 200, 200) }],
  "GET /api/v1/projects/{slug}/agreement": [
    { name: "agreement", url: (fx) => v1(fx, "/agreement"), expect: each(401, 403, 403, 200, 200) },
    { name: "agreement of a project the reviewer is not in", url: (fx) => `/api/v1/projects/${fx.other}/agreement`, expect: each(401, 403, 403, 404, 200) },
  ],
  "GET /api/v1/projects/{slug}/articles": [
    { name: "article list", url: (fx) => v1(fx, "/articles"), expect: each(401, 200, 404, 200, 200) },
    { name: "article list of unassigned articles", url: (fx) => v1(fx, "/articles?status=unassigned"), expect: each(401, 200, 404, 200, 200) },
  ],
  "POST /api/v1/projects/{slug}/articles": [
    {
      name: "import an article",
      url: (fx) => v1(fx, `/articles?filename=authz.jsonl`),
      body: (fx, caller) => ({
        data: `${JSON.stringify({ id: importedId(fx, caller), title: `Imported by ${caller}`, text: `A harmless article, imported by ${caller}.` })}\n`,
        contentType: "application/x-ndjson",
      }),
      expect: each(401, 403, 403, 403, 200),
    },
  ],
  "GET /api/v1/projects/{slug}/articles/{id}": [
    { name: "the assigned article", url: (fx) => articleUrl(fx), expect: each(401, 200, 404, 200, 200) },
    { name: "an article assigned to nobody", url: (fx) => articleUrl(fx, "", fx.hidden), expect: each(401, 404, 404, 200, 200) },
    { name: "an article of a project the reviewer is not in", url: (fx) => `/api/v1/projects/${fx.other}/articles/authz-other-article`, expect: each(401, 404, 200, 404, 200) },
  ],
  "GET /api/v1/projects/{slug}/articles/{id}/layers/{layer}": [
    { name: "layer me", url: (fx) => articleUrl(fx, "/layers/me"), expect: each(401, 200, 404, 200, 200) },
    { name: "layer gold", url: (fx) => articleUrl(fx, "/layers/gold"), expect: each(401, 403, 404, 200, 200) },
    { name: "layer suggestions", url: (fx) => articleUrl(fx, "/layers/suggestions"), expect: each(401, 200, 404, 200, 200) },
    { name: "the analyst's layer by email", url: (fx) => articleUrl(fx, `/layers/${fx.analystEmail}`), expect: each(401, 200, 404, 200, 200) },
    { name: "another analyst's layer", url: (fx) => articleUrl(fx, `/layers/${OTHER_ANALYST}`), expect: each(401, 403, 404, 200, 200) },
    { name: "layer me of an article assigned to nobody", url: (fx) => articleUrl(fx, "/layers/me", fx.hidden), expect: each(401, 404, 404, 200, 200) },
  ],
  "POST /api/v1/projects/{slug}/articles/{id}/layers/{layer}/changes": [
    { name: "write my layer", url: (fx) => articleUrl(fx, "/layers/me/changes"), body: (fx, _c, slot) => spanChange(fx, slot), expect: each(401, 200, 404, 200, 200) },
    { name: "write gold", url: (fx) => articleUrl(fx, "/layers/gold/changes"), body: (fx, _c, slot) => spanChange(fx, slot), expect: each(401, 403, 404, 200, 200) },
    { name: "write suggestions", url: (fx) => articleUrl(fx, "/layers/suggestions/changes"), body: (fx, _c, slot) => spanChange(fx, slot), expect: each(401, 403, 404, 200, 200) },
    { name: "write the analyst's layer by email", url: (fx) => articleUrl(fx, `/layers/${fx.analystEmail}/changes`), body: (fx, _c, slot) => spanChange(fx, slot, "QUOTE"), expect: each(401, 200, 404, 403, 403) },
    { name: "write my layer of an article assigned to nobody", url: (fx) => articleUrl(fx, "/layers/me/changes", fx.hidden), body: (fx, _c, slot) => spanChange(fx, slot), expect: each(401, 404, 404, 200, 200) },
  ],
  "GET /api/v1/projects/{slug}/articles/{id}/review": [
    { name: "review board", url: (fx) => articleUrl(fx, "/review"), expect: each(401, 403, 403, 200, 200) },
    { name: "review board of a project the reviewer is not in", url: (fx) => `/api/v1/projects/${fx.other}/articles/authz-other-article/review`, expect: each(401, 403, 403, 404, 200) },
  ],
  "POST /api/v1/projects/{slug}/articles/{id}/review/decisions": [
    // nothing to accept yet: the decision is refused as stale (409) once the caller is let through
    { name: "accept unanimous", url: (fx) => articleUrl(fx, "/review/decisions"), body: () => json({ decision: "accept_unanimous" }), expect: each(401, 403, 403, 409, 409) },
  ],
  "POST /api/v1/projects/{slug}/articles/{id}/review/undo": [
    { name: "undo (nothing to undo)", url: (fx) => articleUrl(fx, "/review/undo"), body: () => json({}), expect: each(401, 403, 403, 409, 409) },
  ],
  "GET /api/v1/projects/{slug}/export": exportCases(),
  "GET /api/v1/projects/{slug}/actors": [
    { name: "the actor register", url: (fx) => v1(fx, "/actors"), expect: each(401, 200, 404, 200, 200) },
    { name: "a fuzzy actor search", url: (fx) => v1(fx, "/actors?q=Brant"), expect: each(401, 200, 404, 200, 200) },
  ],
  "GET /api/v1/projects/{slug}/actors/{actor}/quotes": [
    // an analyst reads only their own layer's attributions there (empty here): never gold
    { name: "an actor's quotes", url: (fx) => v1(fx, `/actors/${fx.actorId}/quotes`), expect: each(401, 200, 404, 200, 200) },
    { name: "an actor's quotes as CSV", url: (fx) => v1(fx, `/actors/${fx.actorId}/quotes?format=csv`), expect: each(401, 200, 404, 200, 200) },
  ],
  "GET /api/v1/projects/{slug}/articles/{id}/suggestions/dismissals": [
    { name: "my dismissed suggestions", url: (fx) => articleUrl(fx, "/suggestions/dismissals"), expect: each(401, 200, 404, 200, 200) },
    { name: "my dismissed suggestions on an article assigned to nobody", url: (fx) => articleUrl(fx, "/suggestions/dismissals", fx.hidden), expect: each(401, 404, 404, 200, 200) },
  ],
  "POST /api/v1/projects/{slug}/articles/{id}/suggestions/dismissals": [
    { name: "dismiss a suggestion", url: (fx) => articleUrl(fx, "/suggestions/dismissals"), body: () => json({ key: "builtin:QUOTE:0:5" }), expect: each(401, 200, 404, 200, 200) },
  ],
  "DELETE /api/v1/projects/{slug}/articles/{id}/suggestions/dismissals": [
    { name: "restore a suggestion", url: (fx) => articleUrl(fx, "/suggestions/dismissals"), body: () => json({ key: "builtin:QUOTE:0:6" }), expect: each(401, 200, 404, 200, 200) },
  ],
  "GET /api/v1/projects/{slug}/quotes": [
    { name: "quotes of gold", url: (fx) => v1(fx, "/quotes?layer=gold"), expect: each(401, 403, 404, 200, 200) },
    { name: "quotes of gold as CSV", url: (fx) => v1(fx, "/quotes?layer=gold&format=csv"), expect: each(401, 403, 404, 200, 200) },
    { name: "quotes of my layer", url: (fx) => v1(fx, "/quotes?layer=me"), expect: each(401, 200, 404, 200, 200) },
    { name: "quotes of the analyst's layer by email", url: (fx) => v1(fx, `/quotes?layer=${fx.analystEmail}`), expect: each(401, 200, 404, 200, 200) },
    { name: "quotes of another analyst's layer", url: (fx) => v1(fx, `/quotes?layer=${OTHER_ANALYST}`), expect: each(401, 403, 404, 200, 200) },
  ],
};

function importedId(fx: Fixture, caller: string): string {
  return `authz-import-${caller}-${fx.run}`;
}

// ---------------------------------------------------------------------------------------------
// Pages: 200, "signin" (a redirect to /signin), 403 (the forbidden page), 404 (hidden), "home".

type PageAnswer = 200 | 403 | 404 | "signin" | "home";
type PageCase = { name: string; url: (fx: Fixture) => string; expect: PerCaller<PageAnswer> };
const S = "signin" as const;

/** Keyed by the page's URL pattern as the route tree names it. */
const PAGE_MATRIX: Record<string, PageCase[]> = {
  "/": [{ name: "my queue", url: () => "/", expect: each<PageAnswer>(S, 200, 200, 200, 200) }],
  "/admin/users": [{ name: "users", url: () => "/admin/users", expect: each<PageAnswer>(S, 403, 403, 403, 200) }],
  "/api/docs": [{ name: "API docs (public)", url: () => "/api/docs", expect: each<PageAnswer>(200, 200, 200, 200, 200) }],
  "/projects/new": [{ name: "new project", url: () => "/projects/new", expect: each<PageAnswer>(S, 403, 403, 403, 200) }],
  "/projects/{slug}": [
    { name: "articles", url: (fx) => `/projects/${fx.project}`, expect: each<PageAnswer>(S, 200, 404, 200, 200) },
    { name: "a project that does not exist", url: () => "/projects/no-such-project-authz", expect: each<PageAnswer>(S, 404, 404, 404, 404) },
  ],
  "/projects/{slug}/actors": [{ name: "actor register", url: (fx) => `/projects/${fx.project}/actors`, expect: each<PageAnswer>(S, 200, 404, 200, 200) }],
  "/projects/{slug}/actors/{actor}": [{ name: "an actor's page", url: (fx) => `/projects/${fx.project}/actors/${fx.actorId}`, expect: each<PageAnswer>(S, 200, 404, 200, 200) }],
  "/projects/{slug}/quotes": [{ name: "quote clusters", url: (fx) => `/projects/${fx.project}/quotes`, expect: each<PageAnswer>(S, 403, 403, 200, 200) }],
  "/projects/{slug}/quotes/{cluster}": [{ name: "a quote's story", url: (fx) => `/projects/${fx.project}/quotes/${fx.cluster}`, expect: each<PageAnswer>(S, 403, 403, 200, 200) }],
  "/projects/{slug}/agreement": [{ name: "agreement", url: (fx) => `/projects/${fx.project}/agreement`, expect: each<PageAnswer>(S, 403, 403, 200, 200) }],
  "/projects/{slug}/articles/{id}": [
    { name: "the reader", url: (fx) => `/projects/${fx.project}/articles/${fx.article}`, expect: each<PageAnswer>(S, 200, 404, 200, 200) },
    { name: "the reader on gold", url: (fx) => `/projects/${fx.project}/articles/${fx.article}?layer=gold`, expect: each<PageAnswer>(S, 403, 404, 200, 200) },
    { name: "the reader on another analyst's layer", url: (fx) => `/projects/${fx.project}/articles/${fx.article}?layer=${OTHER_ANALYST}`, expect: each<PageAnswer>(S, 403, 404, 200, 200) },
    { name: "the reader of an article assigned to nobody", url: (fx) => `/projects/${fx.project}/articles/${fx.hidden}`, expect: each<PageAnswer>(S, 404, 404, 200, 200) },
  ],
  "/projects/{slug}/export": [{ name: "export", url: (fx) => `/projects/${fx.project}/export`, expect: each<PageAnswer>(S, 200, 404, 200, 200) }],
  "/projects/{slug}/import": [{ name: "import", url: (fx) => `/projects/${fx.project}/import`, expect: each<PageAnswer>(S, 403, 403, 403, 200) }],
  "/projects/{slug}/review": [{ name: "review queue", url: (fx) => `/projects/${fx.project}/review`, expect: each<PageAnswer>(S, 403, 403, 200, 200) }],
  "/projects/{slug}/review/{id}": [{ name: "review board", url: (fx) => `/projects/${fx.project}/review/${fx.article}`, expect: each<PageAnswer>(S, 403, 403, 200, 200) }],
  "/projects/{slug}/settings": [{ name: "project settings", url: (fx) => `/projects/${fx.project}/settings`, expect: each<PageAnswer>(S, 403, 403, 403, 200) }],
  "/settings/tokens": [{ name: "tokens", url: () => "/settings/tokens", expect: each<PageAnswer>(S, 200, 200, 200, 200) }],
  "/signin": [{ name: "sign-in (signed-in users go home)", url: () => "/signin", expect: each<PageAnswer>(200, "home", "home", "home", "home") }],
};

// ---------------------------------------------------------------------------------------------
// Server actions: "ok", "unauthenticated", "forbidden" (the role may not), "refused" (the role
// may, but not on this object: a user-facing error from the action's own check).

type ActionOutcome = "ok" | "unauthenticated" | "forbidden" | "refused";
type ActionCase = { args: (fx: Fixture, who: Who) => unknown; expect: PerCaller<ActionOutcome> };
const ADMIN_ONLY = each<ActionOutcome>("unauthenticated", "forbidden", "forbidden", "forbidden", "ok");
/** Reviewers and admins: curating actors and quote clusters. */
const CURATORS = each<ActionOutcome>("unauthenticated", "forbidden", "forbidden", "ok", "ok");

/** Keyed "file exportedName". */
const ACTION_MATRIX: Record<string, ActionCase> = {
  "app/(app)/admin/users/actions.ts createUserAction": {
    args: (fx, who) => ({ email: createdEmail(fx, who), name: `Made by ${who}`, role: "analyst", password: PASSWORD }),
    expect: ADMIN_ONLY,
  },
  "app/(app)/admin/users/actions.ts updateUserAction": {
    args: (fx, who) => ({ id: fx.targetUserId, name: `Renamed by ${who}` }),
    expect: ADMIN_ONLY,
  },
  "app/(app)/admin/users/actions.ts resetPasswordAction": {
    args: (fx) => ({ id: fx.targetUserId, password: PASSWORD }),
    expect: ADMIN_ONLY,
  },
  "app/(app)/projects/[slug]/actions.ts assignArticlesAction": {
    // the other project: assigning there cannot change who sees the articles the matrix reads
    args: (fx) => ({ slug: fx.other, overlap: 1 }),
    expect: ADMIN_ONLY,
  },
  "app/(app)/projects/[slug]/articles/[id]/actions.ts setMyStatusAction": {
    args: (fx) => ({ slug: fx.project, id: fx.article, status: "in_progress" }),
    // only the assigned analyst has an assignment to mark; the outsider cannot see the article
    expect: each("unauthenticated", "ok", "refused", "refused", "refused"),
  },
  "app/(app)/projects/[slug]/settings/actions.ts updateProjectDetailsAction": {
    args: (fx) => ({ projectId: fx.otherId, name: `Authz other ${fx.run}`, slug: fx.other, description: "", guidelines: "", overlap: 1 }),
    expect: ADMIN_ONLY,
  },
  "app/(app)/projects/[slug]/settings/actions.ts replaceLabelsAction": {
    args: (fx) => ({ projectId: fx.otherId, labels: DEFAULT_LABELS }),
    expect: ADMIN_ONLY,
  },
  "app/(app)/projects/[slug]/settings/actions.ts addMemberAction": {
    args: (fx) => ({ projectId: fx.otherId, userId: fx.targetUserId }),
    expect: ADMIN_ONLY,
  },
  "app/(app)/projects/[slug]/settings/actions.ts removeMemberAction": {
    args: (fx) => ({ projectId: fx.otherId, userId: fx.targetUserId }),
    expect: ADMIN_ONLY,
  },
  "app/(app)/projects/[slug]/actors/actions.ts createActorAction": {
    args: (fx, who) => ({ slug: fx.project, name: `Authz actor by ${who} ${fx.run}`, kind: "person" }),
    expect: CURATORS,
  },
  "app/(app)/projects/[slug]/actors/actions.ts updateActorAction": {
    args: (fx, who) => ({ slug: fx.project, actorId: fx.actorId, description: `Edited by ${who}` }),
    expect: CURATORS,
  },
  "app/(app)/projects/[slug]/actors/actions.ts mergeActorsAction": {
    // an actor into itself: refused by the action's own check once the role may merge
    args: (fx) => ({ slug: fx.project, loserId: fx.actorId, survivorId: fx.actorId }),
    expect: each("unauthenticated", "forbidden", "forbidden", "refused", "refused"),
  },
  "app/(app)/projects/[slug]/quotes/actions.ts splitClusterAction": {
    args: (fx, who) => ({ slug: fx.project, moving: [`authz-none-${who}:0:1:QUOTE`], staying: [`authz-none-${who}:2:3:QUOTE`] }),
    expect: CURATORS,
  },
  "app/(app)/projects/[slug]/quotes/actions.ts mergeClustersAction": {
    args: (fx, who) => ({ slug: fx.project, a: `authz-none-${who}:0:1:QUOTE`, b: `authz-none-${who}:4:5:QUOTE` }),
    expect: CURATORS,
  },
  "app/(app)/projects/[slug]/quotes/actions.ts setQuoteThresholdAction": {
    args: (fx) => ({ slug: fx.project, threshold: 0.75 }),
    expect: CURATORS,
  },
  "app/(app)/projects/actions.ts createProjectAction": {
    args: (fx, who) => ({ name: `Authz made by ${who} ${fx.run}`, slug: `authz-made-${who}-${fx.run}`, description: "", guidelines: "", overlap: 1, labels: DEFAULT_LABELS }),
    expect: ADMIN_ONLY,
  },
  "app/(app)/settings/tokens/actions.ts createTokenAction": {
    args: (fx, who) => ({ name: `authz-made-${who}-${fx.run}`, expiresInDays: 1 }),
    expect: each("unauthenticated", "ok", "ok", "ok", "ok"),
  },
  "app/(app)/settings/tokens/actions.ts revokeTokenAction": {
    // each caller tries a different token of the reviewer's: only its owner and admins may revoke it
    args: (fx, who) => ({ id: fx.revocable[who] }),
    expect: each("unauthenticated", "refused", "refused", "ok", "ok"),
  },
};

function createdEmail(fx: Fixture, who: Who): string {
  return `authz-made-${who}-${fx.run}@sourcemark.test`;
}

// ---------------------------------------------------------------------------------------------
// The checks

test("every route handler, page and server action has its row in the matrix", () => {
  const problems: string[] = [];
  const routes = routeHandlers(APP);
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (!API_MATRIX[key]?.length) problems.push(`Route ${key} (app/${route.file}) has no entry in API_MATRIX of ${SPEC}: write who gets 200/401/403/404.`);
  }
  for (const key of Object.keys(API_MATRIX)) {
    if (!routes.some((route) => `${route.method} ${route.path}` === key)) problems.push(`API_MATRIX of ${SPEC} has "${key}", which is no route of app/ any more.`);
  }
  const pages = pageRoutes(APP);
  for (const page of pages) {
    if (!PAGE_MATRIX[page.path]?.length) problems.push(`Page ${page.path} (app/${page.file}) has no entry in PAGE_MATRIX of ${SPEC}: write who gets 200/sign-in/403/404.`);
  }
  for (const key of Object.keys(PAGE_MATRIX)) {
    if (!pages.some((page) => page.path === key)) problems.push(`PAGE_MATRIX of ${SPEC} has "${key}", which is no page of app/ any more.`);
  }
  const actions = serverActions(ROOT, ["app", "components", "lib", "db"]);
  for (const action of actions) {
    const key = `${action.file} ${action.name}`;
    if (!ACTION_MATRIX[key]) problems.push(`Server action ${action.name} (${action.file}) has no entry "${key}" in ACTION_MATRIX of ${SPEC}: write who gets ok/unauthenticated/forbidden/refused.`);
  }
  for (const key of Object.keys(ACTION_MATRIX)) {
    if (!actions.some((action) => `${action.file} ${action.name}` === key)) problems.push(`ACTION_MATRIX of ${SPEC} has "${key}", which is no server action any more.`);
  }
  for (const format of EXPORT_FORMATS) {
    const kind = EXPORT_FORMAT_KIND[format];
    if (!kind) problems.push(`Export format ${format} (lib/export-request.ts) has no entry in EXPORT_FORMAT_KIND of ${SPEC}.`);
    else if ((kind === "register") !== EXPORT_FORMAT_INFO[format].register) problems.push(`EXPORT_FORMAT_KIND of ${SPEC} calls ${format} a ${kind} export; lib/export-request.ts says otherwise.`);
  }
  expect(problems, problems.join("\n")).toEqual([]);
  // the walk really found the app (a broken walker must not pass by finding nothing)
  expect(routes.length).toBeGreaterThan(10);
  expect(pages.length).toBeGreaterThan(10);
  expect(actions.length).toBeGreaterThan(5);
});

test.describe("the authorisation matrix", () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 });

  let fx: Fixture;
  const sessions = {} as PerCaller<APIRequestContext>;
  const tokens = {} as Record<Exclude<Who, "anonymous">, string>;
  const contexts: APIRequestContext[] = [];
  /** The reviewer's tokens that each caller tries to revoke: their secret values, to see whether they still work. */
  const revocableValues = new Map<Who, string>();

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const admin = await signedIn(ACCOUNTS.admin);
    const madeUser = async (kind: string, role: string) => {
      const email = `authz-${kind}-${run}@sourcemark.test`;
      const made = await callAction(admin, "app/(app)/admin/users/actions.ts createUserAction", { email, name: `Authz ${kind}`, role, password: PASSWORD });
      expect(made.outcome, made.message).toBe("ok");
      return { email, id: (made.data as { id: string }).id };
    };
    const analyst = await madeUser("analyst", "analyst");
    const reviewer = await madeUser("reviewer", "reviewer");
    const outsider = await madeUser("outsider", "analyst");
    const target = await madeUser("target", "analyst");

    const project = `authz-${run}`;
    const other = `authz-other-${run}`;
    for (const [slug, name] of [[project, `Authz ${run}`], [other, `Authz other ${run}`]]) {
      const made = await callAction(admin, "app/(app)/projects/actions.ts createProjectAction", { name, slug, description: "", guidelines: "", overlap: 1, labels: DEFAULT_LABELS });
      expect(made.outcome, made.message).toBe("ok");
    }
    const projectId = await projectIdOf(admin, project);
    const otherId = await projectIdOf(admin, other);
    for (const [projectRef, userId] of [
      [projectId, analyst.id],
      [projectId, reviewer.id],
      [otherId, outsider.id],
    ]) {
      const added = await callAction(admin, "app/(app)/projects/[slug]/settings/actions.ts addMemberAction", { projectId: projectRef, userId }, { slug: project });
      expect(added.outcome, added.message).toBe("ok");
    }

    // The article carries an attributed gold quote, so that a leak of gold shows in the quotes.
    const text = `Mayor Ilse Brandt said: "The port will reopen on Monday." Dock workers at the northern terminal disagreed loudly, and union stewards promised further strikes across every pier this week.`;
    const gold = {
      spans: [{ ...spanOf(text, "Ilse Brandt", "ACTOR", "g1"), actor: "Ilse Brandt" }, spanOf(text, `"The port will reopen on Monday."`, "QUOTE", "g2")],
      relations: [{ type: "attributed_to", from: "g2", to: "g1" }],
    };
    await importArticle(admin, project, { id: "authz-article", title: "Authz article", text, gold });
    await importArticle(admin, other, { id: "authz-other-article", title: "Authz other article", text });
    for (const slug of [project, other]) {
      const assigned = await callAction(admin, "app/(app)/projects/[slug]/actions.ts assignArticlesAction", { slug, overlap: 1 }, { slug });
      expect(assigned.outcome, assigned.message).toBe("ok");
    }
    // (a text of its own: an article whose text is already in the project is not imported again)
    await importArticle(admin, project, { id: "authz-hidden", title: "Authz unassigned article", text: `${text} A later edition.` });

    sessions.anonymous = await signedIn(null);
    sessions.analyst = await signedIn(analyst.email, PASSWORD);
    sessions.outsider = await signedIn(outsider.email, PASSWORD);
    sessions.reviewer = await signedIn(reviewer.email, PASSWORD);
    sessions.admin = admin;
    for (const who of ["analyst", "outsider", "reviewer", "admin"] as const) {
      const made = await callAction(sessions[who], "app/(app)/settings/tokens/actions.ts createTokenAction", { name: `authz-${who}-${run}`, expiresInDays: 1 });
      expect(made.outcome, made.message).toBe("ok");
      tokens[who] = (made.data as { token: string }).token;
    }
    const revocable = {} as PerCaller<string>;
    for (const who of WHO) {
      const made = await callAction(sessions.reviewer, "app/(app)/settings/tokens/actions.ts createTokenAction", { name: `authz-revoke-${who}-${run}`, expiresInDays: 1 });
      expect(made.outcome, made.message).toBe("ok");
      revocableValues.set(who, (made.data as { token: string }).token);
    }
    const tokensPage = await (await sessions.reviewer.get("/settings/tokens")).text();
    for (const who of WHO) revocable[who] = tokenIdIn(tokensPage, `authz-revoke-${who}-${run}`);

    const register = (await (await admin.get(`/api/v1/projects/${project}/actors`)).json()) as { actors: { id: string; name: string }[] };
    const actorId = register.actors.find((actor) => actor.name === "Ilse Brandt")!.id;
    const quote = gold.spans[1];
    const cluster = clusterId([`authz-article:${quote.start}:${quote.end}:QUOTE`]);

    fx = { run, project, projectId, other, otherId, article: "authz-article", hidden: "authz-hidden", text, analystEmail: analyst.email, reviewerEmail: reviewer.email, outsiderEmail: outsider.email, targetUserId: target.id, revocable, actorId, cluster };
  });

  test.afterAll(async () => {
    await Promise.all(contexts.map((context) => context.dispose()));
  });

  async function signedIn(email: string | null, password = DEMO_PASSWORD, headers?: Record<string, string>): Promise<APIRequestContext> {
    const context = await requests.newContext({ baseURL: BASE, extraHTTPHeaders: headers });
    contexts.push(context);
    if (!email) return context;
    const csrf = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await context.post("/api/auth/callback/credentials", { form: { email, password, csrfToken: csrf.csrfToken, json: "true" }, maxRedirects: 0 });
    const check = await context.get("/api/v1/projects");
    expect(check.status(), `signing in ${email}`).toBe(200);
    return context;
  }

  test("API routes answer each caller and each caller's token as the table says", async () => {
    const callers: { name: string; who: Who; context: APIRequestContext; slot: number }[] = WHO.map((who, slot) => ({ name: who, who, context: sessions[who], slot }));
    for (const who of ["analyst", "outsider", "reviewer", "admin"] as const) {
      callers.push({ name: `${who}'s token`, who, context: await signedIn(null, undefined, { authorization: `Bearer ${tokens[who]}` }), slot: callers.length });
    }
    const badToken = await signedIn(null, undefined, { authorization: "Bearer smk_not-a-token-of-anyone-00000000000000" });

    const checks: { key: string; apiCase: ApiCase; caller: (typeof callers)[number] | null }[] = [];
    for (const [key, cases] of Object.entries(API_MATRIX)) {
      for (const apiCase of cases) {
        for (const caller of callers) checks.push({ key, apiCase, caller });
        checks.push({ key, apiCase, caller: null });
      }
    }
    const mismatches: string[] = [];
    await inParallel(checks, 8, async ({ key, apiCase, caller }) => {
      const method = key.split(" ")[0];
      const url = apiCase.url(fx);
      const name = caller?.name ?? "a token of nobody";
      const context = caller?.context ?? badToken;
      const body = apiCase.body?.(fx, name.replace(/[^a-z]+/g, "-"), caller?.slot ?? 20);
      const response = await context.fetch(url, {
        method,
        maxRedirects: 0,
        ...(body ? { data: body.data, headers: { "content-type": body.contentType } } : {}),
      });
      const wanted = caller ? apiCase.expect[caller.who] : isPublic(apiCase) ? apiCase.expect.anonymous : 401;
      if (response.status() !== wanted) {
        mismatches.push(`${key} [${apiCase.name}] ${method} ${url} as ${name}: got ${response.status()}, the table says ${wanted} — ${(await response.text()).slice(0, 200)}`);
      } else if (wanted >= 400 && wanted !== 409 && /^\/api\/v1\//.test(url)) {
        const error = ((await response.json()) as { error?: { code?: string } }).error;
        if (!error?.code) mismatches.push(`${key} [${apiCase.name}] as ${name}: ${wanted} without the error shape`);
      }
    });
    expect(mismatches, mismatches.join("\n")).toEqual([]);
    expect(checks.length).toBeGreaterThan(300);

    // Forbidden writes wrote nothing; allowed ones wrote exactly their own span.
    const admin = sessions.admin;
    const spanTexts = async (layer: string, article = fx.article) => {
      const answer = (await (await admin.get(articleUrl(fx, `/layers/${layer}`, article))).json()) as { spans: { label: string; text: string }[] };
      return answer.spans.filter((span) => span.label === "CLAIM").map((span) => span.text).sort();
    };
    const wordsOf = (names: string[]) => callers.filter((caller) => names.includes(caller.name)).map((caller) => wordAt(fx.text, caller.slot).text).sort();
    const reviewersAndAdmins = ["reviewer", "reviewer's token", "admin", "admin's token"];
    expect(await spanTexts("gold")).toEqual(wordsOf(reviewersAndAdmins));
    expect(await spanTexts("suggestions")).toEqual(wordsOf(reviewersAndAdmins));
    expect(await spanTexts(fx.analystEmail)).toEqual(wordsOf(["analyst", "analyst's token"]));
    expect(await spanTexts(fx.analystEmail, fx.hidden)).toEqual([]);
    for (const caller of callers) {
      const found = await admin.get(articleUrl(fx, "", importedId(fx, caller.name.replace(/[^a-z]+/g, "-"))));
      expect(found.status(), `the article ${caller.name} tried to import`).toBe(caller.who === "admin" ? 200 : 404);
    }

    // An analyst's lists and exports hold only the articles assigned to them.
    for (const url of [v1(fx, "/articles"), v1(fx, "/articles?status=unassigned"), v1(fx, "/export?format=jsonl&layer=me")]) {
      expect(await (await admin.get(url.replace("layer=me", "layer=all"))).text(), `${url} as admin`).toContain(fx.hidden);
      expect(await (await sessions.analyst.get(url)).text(), `${url} as the analyst`).not.toContain(fx.hidden);
    }

    // Blind annotation: an analyst's own quotes hold nothing of gold (the gold quote is attributed).
    const goldQuotes = await (await admin.get(v1(fx, "/quotes?layer=gold"))).text();
    expect(goldQuotes).toContain("The port will reopen on Monday.");
    for (const who of ["analyst", "reviewer"] as const) {
      const mine = await (await sessions[who].get(v1(fx, "/quotes?layer=me"))).text();
      if (who === "analyst") expect(mine).not.toContain("The port will reopen on Monday.");
      else expect(mine).toContain("The port will reopen on Monday."); // reviewers may see gold where it exists
    }
  });

  test("pages answer each caller as the table says", async () => {
    const checks = Object.entries(PAGE_MATRIX).flatMap(([key, cases]) => cases.flatMap((pageCase) => WHO.map((who) => ({ key, pageCase, who }))));
    const mismatches: string[] = [];
    await inParallel(checks, 6, async ({ key, pageCase, who }) => {
      const url = pageCase.url(fx);
      const response = await sessions[who].get(url, { maxRedirects: 0 });
      const location = response.headers()["location"] ?? "";
      const got: number | string =
        response.status() === 307 || response.status() === 303 || response.status() === 302
          ? /^(https?:\/\/[^/]+)?\/signin\?callbackUrl=/.test(location)
            ? "signin"
            : /^(https?:\/\/[^/]+)?\/$/.test(location)
              ? "home"
              : `redirect to ${location}`
          : response.status();
      const wanted = pageCase.expect[who];
      if (got !== wanted) {
        mismatches.push(`${key} [${pageCase.name}] ${url} as ${who}: got ${got}, the table says ${wanted}`);
        return;
      }
      if (got === 403 || got === 404) {
        const html = await response.text();
        const heading = got === 403 ? "You do not have access to this page" : "Nothing here";
        if (!html.includes(heading)) mismatches.push(`${key} [${pageCase.name}] as ${who}: ${got} without the "${heading}" page`);
        if (html.includes(fx.text.slice(0, 40))) mismatches.push(`${key} [${pageCase.name}] as ${who}: ${got} yet the article's text is in the page`);
      }
    });
    expect(mismatches, mismatches.join("\n")).toEqual([]);
  });

  test("server actions, called over HTTP as the browser calls them, answer each caller as the table says", async () => {
    const checks = Object.entries(ACTION_MATRIX).flatMap(([key, actionCase]) => WHO.map((who) => ({ key, actionCase, who })));
    const mismatches: string[] = [];
    await inParallel(checks, 6, async ({ key, actionCase, who }) => {
      const result = await callAction(sessions[who], key, actionCase.args(fx, who), { slug: fx.project, id: fx.article, actor: fx.actorId, cluster: fx.cluster });
      if (result.outcome !== actionCase.expect[who]) {
        mismatches.push(`${key} as ${who}: got ${result.outcome} (${result.message}), the table says ${actionCase.expect[who]}`);
      }
    });
    expect(mismatches, mismatches.join("\n")).toEqual([]);

    // Forbidden writes wrote nothing.
    const admin = sessions.admin;
    const usersPage = await (await admin.get("/admin/users")).text();
    for (const who of WHO) expect(usersPage.includes(createdEmail(fx, who)), `the user ${who} tried to create`).toBe(who === "admin");
    const projects = ((await (await admin.get("/api/v1/projects")).json()) as { projects: { slug: string }[] }).projects.map((p) => p.slug);
    for (const who of WHO) expect(projects.includes(`authz-made-${who}-${fx.run}`), `the project ${who} tried to create`).toBe(who === "admin");
    for (const who of WHO) if (who !== "admin") expect(usersPage, `the rename ${who} tried`).not.toContain(`Renamed by ${who}`);
    for (const who of WHO) {
      // a token survives the callers who may not revoke it
      const probe = await requests.newContext({ baseURL: BASE, extraHTTPHeaders: { authorization: `Bearer ${tokenValueOf(who)}` } });
      contexts.push(probe);
      const status = (await probe.get("/api/v1/projects")).status();
      expect(status, `the reviewer's token that ${who} tried to revoke`).toBe(actionCase("revokeTokenAction").expect[who] === "ok" ? 401 : 200);
    }
  });

  function tokenValueOf(who: Who): string {
    const value = revocableValues.get(who);
    if (!value) throw new Error(`no token value kept for ${who}`);
    return value;
  }
  function actionCase(name: string): ActionCase {
    const entry = Object.entries(ACTION_MATRIX).find(([key]) => key.endsWith(` ${name}`));
    if (!entry) throw new Error(`no action ${name}`);
    return entry[1];
  }
});

// ---------------------------------------------------------------------------------------------
// Helpers

function isPublic(apiCase: ApiCase): boolean {
  return apiCase.expect.anonymous !== 401;
}

/** The word at a slot after the article's opening quote: a different word for each caller. */
function wordAt(text: string, slot: number): { start: number; end: number; text: string } {
  const from = text.indexOf("Dock");
  const words = [...text.slice(from).matchAll(/[A-Za-z]+/g)];
  const word = words[slot % words.length];
  const start = from + word.index!; // ASCII text: code points are UTF-16 units
  return { start, end: start + word[0].length, text: word[0] };
}

function spanOf(text: string, needle: string, label: string, id: string) {
  const start = Array.from(text.slice(0, text.indexOf(needle))).length;
  return { id, start, end: start + Array.from(needle).length, label, text: needle };
}

async function importArticle(admin: APIRequestContext, slug: string, article: Record<string, unknown>): Promise<void> {
  const imported = await admin.post(`/api/v1/projects/${slug}/articles?filename=${article.id}.jsonl`, {
    headers: { "content-type": "application/x-ndjson" },
    data: `${JSON.stringify(article)}\n`,
  });
  expect(imported.status(), await imported.text()).toBe(200);
}

async function projectIdOf(admin: APIRequestContext, slug: string): Promise<string> {
  const html = await (await admin.get(`/projects/${slug}/settings`)).text();
  const found = /\\?"projectId\\?":\\?"([0-9a-f-]{36})/.exec(html);
  if (!found) throw new Error(`no project id on the settings page of ${slug}`);
  return found[1];
}

function tokenIdIn(tokensPage: string, name: string): string {
  const found = new RegExp(`\\\\?"id\\\\?":\\\\?"([0-9a-f-]{36})\\\\?",\\\\?"name\\\\?":\\\\?"${name}\\\\?"`).exec(tokensPage);
  if (!found) throw new Error(`no token "${name}" on /settings/tokens`);
  return found[1];
}

type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }> };
let manifest: Manifest | null = null;

/** The action's id in this build and a page that serves it (its URL with the test's objects in it). */
function actionEndpoint(key: string, params: Record<string, string>): { id: string; page: string } {
  manifest ??= JSON.parse(fs.readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const [file, name] = key.split(" ");
  const entry = Object.entries(manifest.node).find(([, action]) => action.filename === file && action.exportedName === name);
  if (!entry) throw new Error(`Server action ${name} of ${file} is not in the build's server-reference-manifest.json: no client component imports it, so no browser can call it. Remove it or use it.`);
  const worker = Object.keys(entry[1].workers)[0];
  return { id: entry[0], page: urlOfWorker(worker, params) };
}

/** `app/(app)/projects/[slug]/page` → `/projects/authz-…`: a page that imports the action, with real objects in its URL. */
function urlOfWorker(worker: string, params: Record<string, string>): string {
  const parts = worker.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter((part) => part && !/^\(.+\)$/.test(part));
  return (
    "/" +
    parts
      .map((part) => {
        const name = /^\[(?:\.\.\.)?(.+)\]$/.exec(part)?.[1];
        if (!name) return part;
        if (!params[name]) throw new Error(`The page ${worker} serving a server action needs a value for [${name}] in callAction's params.`);
        return encodeURIComponent(params[name]);
      })
      .join("/")
  );
}

type ActionResult = { outcome: ActionOutcome | string; message: string; data?: unknown };

/** Calls a server action as React does: POST to its page, `Next-Action: <id>`, the arguments as JSON; reads the result from the RSC answer. */
async function callAction(context: APIRequestContext, key: string, args: unknown, params: Record<string, string> = {}): Promise<ActionResult> {
  const { id, page } = actionEndpoint(key, params);
  const response = await context.post(page, {
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: BASE },
    data: JSON.stringify([args]),
    maxRedirects: 0,
  });
  const body = await response.text();
  if (response.status() !== 200) return { outcome: `HTTP ${response.status()}`, message: body.slice(0, 200) };
  const head = /^0:(\{.*\})$/m.exec(body);
  const reference = head ? /"a":"\$@([0-9a-f]+)"/.exec(head[1]) : null;
  const line = reference ? new RegExp(`^${reference[1]}:(\\{.*\\})$`, "m").exec(body) : null;
  if (!line) return { outcome: "unreadable", message: body.slice(0, 200) };
  const result = JSON.parse(line[1]) as { ok: boolean; data?: unknown; error?: string };
  if (result.ok) return { outcome: "ok", message: "ok", data: result.data };
  const message = result.error ?? "";
  if (message === "Your session has expired. Sign in again.") return { outcome: "unauthenticated", message };
  if (message === "Your role does not allow this.") return { outcome: "forbidden", message };
  return { outcome: "refused", message };
}

async function inParallel<T>(items: T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}
