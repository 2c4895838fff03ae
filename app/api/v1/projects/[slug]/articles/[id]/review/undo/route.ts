import { getDb } from "@/db/client";
import { loadReviewBoard } from "@/db/queries/review-board";
import { undoDecision } from "@/db/queries/review-decisions";
import { apiRoute } from "@/app/_server/api";
import { readJsonBody } from "@/app/_server/request-body";
import { refusalToApiError, reviewTarget } from "@/app/_server/review-access";
import { ApiError } from "@/lib/api/errors";
import { MAX_REVIEW_BODY_BYTES, reviewUndoSchema } from "@/lib/validation/review";

type Params = { slug: string; id: string };

/** Undoes a decision (`{"decision": id}`) or the last step (`{}`); answers the new board. */
export const POST = apiRoute<Params>("review.use", async ({ request, user, params }) => {
  const parsed = reviewUndoSchema.safeParse(await readJsonBody(request, MAX_REVIEW_BODY_BYTES));
  if (!parsed.success) throw new ApiError("bad_request", "Send {} or {\"decision\": \"<id>\"}.");
  const { project, article, context } = await reviewTarget(user, params.slug, params.id);
  const db = getDb();
  let decisionIds: string[];
  try {
    ({ decisionIds } = await undoDecision(db, context, parsed.data.decision));
  } catch (error) {
    throw refusalToApiError(error);
  }
  return { undone: decisionIds, board: await loadReviewBoard(db, project, article) };
});
