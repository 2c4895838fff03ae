import { getDb } from "@/db/client";
import { applyChanges } from "@/db/queries/apply-changes";
import { setAssignmentStatusIfTodo } from "@/db/queries/assignments";
import { apiRoute } from "@/app/_server/api";
import { JsonAnswer } from "@/app/_server/api-answer";
import { articleTargetForCaller, layerForCaller } from "@/app/_server/article-access";
import { readJsonBody } from "@/app/_server/request-body";
import { ApiError } from "@/lib/api/errors";
import { changesBodySchema, MAX_CHANGES_BODY_BYTES } from "@/lib/validation/changes";

type Params = { slug: string; id: string; layer: string };

/**
 * The one write path for spans and relations (the editor, the review board and scripts).
 * 200 when every change applied; 409 when one was stale; 400 when one was refused.
 * Each result is in the body either way, in the order of the changes.
 */
export const POST = apiRoute<Params>("articles.annotate", async ({ request, user, params, target }) => {
  const raw = await readJsonBody(request, MAX_CHANGES_BODY_BYTES);
  const parsed = changesBodySchema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError("bad_request", "The changes are not valid.", parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })));
  }
  const db = getDb();
  const { project, article, labels } = await articleTargetForCaller(target, params.slug, params.id);
  const layer = await layerForCaller(user, params.layer, "write");
  const results = await applyChanges(
    db,
    { userId: user.id, projectId: project.id, article: { id: article.id }, layer, labels: new Set(labels) },
    parsed.data.changes,
  );
  if (layer.kind === "analyst" && layer.own && article.assignmentStatus === "todo") await setAssignmentStatusIfTodo(db, article.id, user.id);
  const failures = results.filter((result) => !result.ok);
  const status = failures.length === 0 ? 200 : failures.some((f) => !f.ok && f.error.code === "stale_version") ? 409 : 400;
  return JsonAnswer.of({ results }, status);
}, { articleTarget: true });
