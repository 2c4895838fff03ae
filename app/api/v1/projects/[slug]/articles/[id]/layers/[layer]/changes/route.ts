import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { applyChanges } from "@/db/queries/apply-changes";
import { setAssignmentStatusIfTodo } from "@/db/queries/assignments";
import { apiRoute } from "@/app/_server/api";
import { articleTargetForCaller, layerForCaller } from "@/app/_server/article-access";
import { readJsonBody } from "@/app/_server/request-body";
import { ApiError } from "@/lib/api/errors";
import { changesBodySchema, MAX_CHANGES_BODY_BYTES, type Change } from "@/lib/validation/changes";
import type { ChangeResult } from "@/db/queries/apply-changes";

type Params = { slug: string; id: string; layer: string };

/** A request's changes, read and checked once (before authentication for the first change, then by the handler). */
const changesRead = new WeakMap<NextRequest, Promise<Change[]>>();

function changesOf(request: NextRequest): Promise<Change[]> {
  let changes = changesRead.get(request);
  if (!changes) {
    changes = readJsonBody(request, MAX_CHANGES_BODY_BYTES).then((raw) => {
      const parsed = changesBodySchema.safeParse(raw);
      if (parsed.success) return parsed.data.changes;
      throw new ApiError("bad_request", "The changes are not valid.", parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })));
    });
    changesRead.set(request, changes);
  }
  return changes;
}

/** The editor writes its own layer: its first change can go with the request's checks (app/_server/api.ts). */
async function firstChange(request: NextRequest, params: Params): Promise<Change | null> {
  if (params.layer !== "me") return null;
  return changesOf(request).then((changes) => changes[0] ?? null, () => null);
}

/**
 * The one write path for spans and relations (the editor, the review board and scripts).
 * 200 when every change applied; 409 when one was stale; 400 when one was refused.
 * Each result is in the body either way, in the order of the changes.
 */
export const POST = apiRoute<Params>("articles.annotate", async ({ request, user, params, target, firstApplied }) => {
  const changes = await changesOf(request);
  const db = getDb();
  const { project, article, labels } = await articleTargetForCaller(target, params.slug, params.id);
  const layer = await layerForCaller(user, params.layer, "write");
  const context = { userId: user.id, projectId: project.id, article: { id: article.id }, layer, labels: new Set(labels) };
  const results = firstApplied
    ? [firstApplied as ChangeResult, ...(await applyChanges(db, context, changes.slice(1)))]
    : await applyChanges(db, context, changes);
  if (layer.kind === "analyst" && layer.own && article.assignmentStatus === "todo") await setAssignmentStatusIfTodo(db, article.id, user.id);
  const failures = results.filter((result) => !result.ok);
  const status = failures.length === 0 ? 200 : failures.some((f) => !f.ok && f.error.code === "stale_version") ? 409 : 400;
  return NextResponse.json({ results }, { status });
}, { articleTarget: true, firstChange });
