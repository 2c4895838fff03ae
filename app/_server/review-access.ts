import "server-only";
import { getDb } from "@/db/client";
import { listProjectLabels } from "@/db/queries/projects";
import { ReviewRefusal, type ReviewContext } from "@/db/queries/review-decisions";
import { ApiError } from "@/lib/api/errors";
import { articleForCaller } from "./article-access";
import type { CurrentUser } from "./current-user";

/** The article of a review route (404 when the caller cannot see it) and the context decisions run in. */
export async function reviewTarget(user: CurrentUser, slug: string, externalId: string) {
  const { project, article } = await articleForCaller(user, slug, externalId);
  const labels = new Set((await listProjectLabels(getDb(), [project.id])).map((label) => label.key));
  const context: ReviewContext = { userId: user.id, projectId: project.id, article: { id: article.id, text: article.text }, labels };
  return { project, article, context };
}

/** A refused decision in the API's error shape: a stale board is 409, anything else 400. */
export function refusalToApiError(error: unknown): unknown {
  if (!(error instanceof ReviewRefusal)) return error;
  const stale = error.code === "unknown_unit" || error.code === "nothing_to_undo" || error.code === "nothing_to_accept";
  return new ApiError(stale ? "stale_version" : "bad_request", error.message, [{ code: error.code }]);
}
