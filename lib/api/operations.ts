/**
 * Every /api/v1 route, one entry each: adding a route is adding its entry here (the test
 * `lib/api/openapi.test.ts` fails for a route under app/api/v1 that has none). Request schemas
 * come from lib/validation, the ones the routes validate with; answers from lib/api/responses.
 */
import { buildOpenApiDocument, type ApiOperation, type OpenApiDocument } from "./openapi";
import {
  agreementResponseSchema,
  articleListSchema,
  articleSchema,
  changesResponseSchema,
  importResultSchema,
  layerSchema,
  projectListSchema,
} from "./responses";
import { articleFiltersSchema } from "../validation/articles";
import { agreementQuerySchema } from "../validation/agreement";
import { changesBodySchema, MAX_CHANGES_BODY_BYTES } from "../validation/changes";
import { exportQuerySchema } from "../validation/export";
import { quotesQuerySchema } from "../validation/quotes";
import { actorQuotesQuerySchema, actorSearchQuerySchema, dismissalSchema } from "../validation/actors";
import { MAX_REVIEW_BODY_BYTES, reviewDecisionSchema, reviewUndoSchema } from "../validation/review";
import { importQuerySchema, MAX_IMPORT_FILE_BYTES, MAX_MULTIPART_BYTES } from "../validation/imports";
import { actorPathSchema, articlePathSchema, layerPathSchema, projectPathSchema } from "../validation/path-params";

const binary = { type: "string", contentMediaType: "application/octet-stream" };

export const API_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    description: "The OpenAPI 3.1 document of the API, generated from the schemas that validate the requests. Rendered for people at /api/docs.",
    tag: "API",
    access: "anyone (no authentication: it describes the API, never data).",
    auth: "public",
    responses: { 200: { description: "The OpenAPI document.", content: { "application/json": { type: "object" } } } },
  },
  {
    method: "get",
    path: "/projects",
    operationId: "listProjects",
    summary: "List the projects the caller can see",
    tag: "Projects",
    access: "every signed-in user or token: admins see all projects, others the projects they are members of.",
    responses: { 200: { description: "The projects.", schema: projectListSchema } },
  },
  {
    method: "get",
    path: "/projects/{slug}/articles",
    operationId: "listArticles",
    summary: "List and search a project's articles",
    description: "50 a page, newest first; follow `next_cursor`. Analysts see only the articles assigned to them.",
    tag: "Articles",
    access: "members of the project (analysts: their assigned articles) and admins.",
    params: projectPathSchema,
    query: articleFiltersSchema,
    responses: { 200: { description: "A page of articles.", schema: articleListSchema } },
    example: { query: "q=Kessler&status=done" },
  },
  {
    method: "post",
    path: "/projects/{slug}/articles",
    operationId: "importArticles",
    summary: "Import files into a project",
    description:
      "Native JSONL, doccano JSONL, brat `.txt` + `.ann` pairs, or plain `.txt`. Send multipart form data with fields named `file`, " +
      "or one raw file as the body with `?filename=`. Each file is imported whole or not at all.",
    tag: "Articles",
    access: "admins.",
    params: projectPathSchema,
    query: importQuerySchema,
    body: {
      description: `Raw files up to ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MiB; multipart uploads up to ${MAX_MULTIPART_BYTES / 1024 / 1024} MiB a request.`,
      content: {
        "application/octet-stream": binary,
        "multipart/form-data": { type: "object", properties: { file: { type: "array", items: binary } }, required: ["file"] },
      },
    },
    responses: { 200: { description: "Every file was imported.", schema: importResultSchema } },
    errors: [400, 403],
    example: { query: "filename=articles.jsonl", rawBody: { file: "articles.jsonl" } },
  },
  {
    method: "get",
    path: "/projects/{slug}/articles/{id}",
    operationId: "getArticle",
    summary: "An article's text and metadata",
    tag: "Articles",
    access: "members who may see the article (analysts: when assigned) and admins.",
    params: articlePathSchema,
    responses: { 200: { description: "The article.", schema: articleSchema } },
  },
  {
    method: "get",
    path: "/projects/{slug}/articles/{id}/layers/{layer}",
    operationId: "getLayer",
    summary: "The spans and relations of one layer of an article",
    description: "Annotation is blind: analysts read their own layer (`me`) and `suggestions`; reviewers and admins read every layer.",
    tag: "Layers",
    access: "analysts: `me` and `suggestions`; reviewers and admins: any layer.",
    params: layerPathSchema,
    responses: { 200: { description: "The layer.", schema: layerSchema } },
    errors: [400, 403],
  },
  {
    method: "post",
    path: "/projects/{slug}/articles/{id}/layers/{layer}/changes",
    operationId: "postLayerChanges",
    summary: "Write a batch of changes to a layer",
    description:
      "Creates, updates and deletes spans and `attributed_to` relations. Each change has a UUID made by the client: a UUID is applied at most once, " +
      "and sending it again answers with the first answer, so retries write once. Updates and deletes name the version they were based on; a stale one " +
      "is refused (409) with the current state. Relations may also be written as DESIGN.md does, " +
      '`{"op": "create", "relation": {…}}` and `{"op": "delete", "relation": {…}}`. ' +
      "Post a model's pre-annotations to the `suggestions` layer: they never count as anyone's annotation.",
    tag: "Layers",
    access: "everyone writes their own layer (`me`); reviewers and admins also `gold` and `suggestions`.",
    params: layerPathSchema,
    body: { schema: changesBodySchema, maxBytes: MAX_CHANGES_BODY_BYTES },
    responses: {
      200: { description: "Every change applied: one result per change, in order.", schema: changesResponseSchema },
    },
    errors: [400, 403, 409],
    example: {
      body: {
        changes: [{ id: "2f1c7a4e-8b0d-4c1e-9a55-0c3b7d6e9f10", op: "create", span: { start: 0, end: 7, label: "ACTOR", text: "Kessler" } }],
      },
    },
  },
  {
    method: "get",
    path: "/projects/{slug}/agreement",
    operationId: "getAgreement",
    summary: "Agreement figures of a project",
    description:
      "The report `sourcemark agreement --json` prints (one flat list of figures). With `layer=suggestions`: the model's suggestions against gold " +
      "(precision, recall, f1_exact, f1_overlap per label; annotators [\"suggestions\", \"gold\"]).",
    tag: "Agreement",
    access: "reviewers and admins.",
    params: projectPathSchema,
    query: agreementQuerySchema,
    responses: { 200: { description: "The figures.", schema: agreementResponseSchema } },
    errors: [400, 403],
  },
  {
    method: "get",
    path: "/projects/{slug}/export",
    operationId: "exportProject",
    summary: "Export a layer of a project in a file format",
    description: "Streamed as a download (`Content-Disposition: attachment`). Offsets in every format are code points.",
    tag: "Export",
    access: "everyone may export their own layer (`me`, assigned articles); gold, `all`, other analysts and the actor register: reviewers and admins.",
    params: projectPathSchema,
    query: exportQuerySchema,
    responses: {
      200: {
        description: "The file.",
        content: {
          "application/x-ndjson": { type: "string" },
          "application/zip": binary,
          "text/csv": { type: "string" },
          "text/plain": { type: "string" },
          "application/ld+json": { type: "string" },
        },
        headers: { "Content-Disposition": { description: "attachment; filename=\"…\"", schema: { type: "string" } } },
      },
    },
    errors: [400, 403],
    example: { query: "format=jsonl&layer=gold" },
  },
  {
    method: "get",
    path: "/projects/{slug}/quotes",
    operationId: "listQuotes",
    summary: "Every attributed quote and claim, with its speaker and cluster",
    description:
      "What `sourcemark quotes` prints: one record per attributed QUOTE or CLAIM (`article`, `outlet`, `published_at`, `label`, `start`, `end` in code points, " +
      "`text`, `speaker` (the canonical actor), `cluster` (shared by the same quote in other articles), `layer`), as JSON lines or CSV.",
    tag: "Quotes",
    access: "gold: reviewers and admins; an analyst's layer: that analyst too.",
    params: projectPathSchema,
    query: quotesQuerySchema,
    responses: {
      200: {
        description: "The quotes, as a download.",
        content: { "application/x-ndjson": { type: "string" }, "text/csv": { type: "string" } },
        headers: { "Content-Disposition": { description: "attachment; filename=\"…\"", schema: { type: "string" } } },
      },
    },
    errors: [400, 403],
    example: { query: "layer=gold&format=csv&actor=Marta%20Kessler" },
  },
  {
    method: "get",
    path: "/projects/{slug}/articles/{id}/review",
    operationId: "getReviewBoard",
    summary: "The review board of an article",
    description:
      "The analysts' layers grouped into units (overlapping spans), each classified (unanimous, bounds differ, label differs, attribution differs, " +
      "missing in some layers) with every analyst's version, the gold layer with its provenance, the decisions, and each analyst's figures against gold.",
    tag: "Review",
    access: "reviewers and admins.",
    params: articlePathSchema,
    responses: { 200: { description: "The board.", content: { "application/json": { type: "object" } } } },
    errors: [403],
  },
  {
    method: "post",
    path: "/projects/{slug}/articles/{id}/review/decisions",
    operationId: "postReviewDecision",
    summary: "Resolve a unit into the gold layer",
    description:
      "Accept one analyst's version, reject the unit, edit bounds or label, add a span none made, or accept every unanimous unit. One transaction: " +
      "the gold spans and attributions, the decision with its source spans, and the audit log. Answers with the new board.",
    tag: "Review",
    access: "reviewers and admins.",
    params: articlePathSchema,
    body: { schema: reviewDecisionSchema, maxBytes: MAX_REVIEW_BODY_BYTES },
    responses: { 200: { description: "The board after the decision.", content: { "application/json": { type: "object" } } } },
    errors: [400, 403, 409],
    example: { body: { decision: "accept_unanimous" } },
  },
  {
    method: "post",
    path: "/projects/{slug}/articles/{id}/review/undo",
    operationId: "undoReviewDecision",
    summary: "Undo the latest review step (or a named decision)",
    tag: "Review",
    access: "reviewers and admins.",
    params: articlePathSchema,
    body: { schema: reviewUndoSchema, maxBytes: MAX_REVIEW_BODY_BYTES },
    responses: { 200: { description: "The board after the undo.", content: { "application/json": { type: "object" } } } },
    errors: [400, 403, 409],
    example: { body: {} },
  },
  {
    method: "get",
    path: "/projects/{slug}/actors",
    operationId: "listActors",
    summary: "The project's register of canonical actors, or a fuzzy search of it",
    description:
      "With `q`: actors ranked by how well `q` matches their name or an alias (trigram and word-level similarity, so misspellings such as " +
      "\"Walz\" or \"Volz\" find \"Mike Waltz\"), each with its score.",
    tag: "Actors",
    access: "members of the project and admins.",
    params: projectPathSchema,
    query: actorSearchQuerySchema,
    responses: { 200: { description: "The actors.", content: { "application/json": { type: "object" } } } },
    example: { query: "q=Kesler" },
  },
  {
    method: "get",
    path: "/projects/{slug}/actors/{actor}/quotes",
    operationId: "listActorQuotes",
    summary: "Every quote and claim attributed to an actor",
    description: "Across the project, in the layers the caller may read (an analyst: their own), with article, outlet, date and context; `format=csv` for a download.",
    tag: "Actors",
    access: "members of the project and admins.",
    params: actorPathSchema,
    query: actorQuotesQuerySchema,
    responses: {
      200: {
        description: "The attributed quotes and claims.",
        content: { "application/json": { type: "object" }, "text/csv": { type: "string" } },
      },
    },
    errors: [400],
    example: { query: "format=csv" },
  },
  {
    method: "get",
    path: "/projects/{slug}/articles/{id}/suggestions/dismissals",
    operationId: "listSuggestionDismissals",
    summary: "The suggestions the caller dismissed on an article",
    tag: "Suggestions",
    access: "whoever may annotate the article (their own dismissals).",
    params: articlePathSchema,
    responses: { 200: { description: "The dismissed suggestion keys.", content: { "application/json": { type: "object" } } } },
  },
  {
    method: "post",
    path: "/projects/{slug}/articles/{id}/suggestions/dismissals",
    operationId: "dismissSuggestion",
    summary: "Dismiss a suggestion (built-in or a model's) for the caller",
    description: "Keys are `builtin:LABEL:start:end` or `model:<span id>`. A dismissed suggestion is not offered again to this user on this article.",
    tag: "Suggestions",
    access: "whoever may annotate the article.",
    params: articlePathSchema,
    body: { schema: dismissalSchema },
    responses: { 200: { description: "Dismissed.", content: { "application/json": { type: "object" } } } },
    errors: [400],
    example: { body: { key: "builtin:QUOTE:12:40" } },
  },
  {
    method: "delete",
    path: "/projects/{slug}/articles/{id}/suggestions/dismissals",
    operationId: "restoreSuggestion",
    summary: "Offer a dismissed suggestion again",
    tag: "Suggestions",
    access: "whoever may annotate the article.",
    params: articlePathSchema,
    body: { schema: dismissalSchema },
    responses: { 200: { description: "Restored.", content: { "application/json": { type: "object" } } } },
    errors: [400],
    example: { body: { key: "builtin:QUOTE:12:40" } },
  },
];

let cached: OpenApiDocument | null = null;

/** The document served at /api/v1/openapi.json (built once per process). */
export function openApiDocument(): OpenApiDocument {
  return (cached ??= buildOpenApiDocument(API_OPERATIONS, { version: "1.0.0" }));
}
