import { getDb } from "@/db/client";
import { loadReviewBoard } from "@/db/queries/review-board";
import { acceptAllUnanimous, decide } from "@/db/queries/review-decisions";
import { apiRoute } from "@/app/_server/api";
import { readJsonBody } from "@/app/_server/request-body";
import { refusalToApiError, reviewTarget } from "@/app/_server/review-access";
import { ApiError } from "@/lib/api/errors";
import { MAX_REVIEW_BODY_BYTES, reviewDecisionSchema } from "@/lib/validation/review";

type Params = { slug: string; id: string };

/**
 * A reviewer's decision on a unit (accept an analyst's version, edit, add, reject, or accept
 * all unanimous units), written to gold in one transaction. Answers the new board.
 */
export const POST = apiRoute<Params>("review.use", async ({ request, user, params }) => {
  const parsed = reviewDecisionSchema.safeParse(await readJsonBody(request, MAX_REVIEW_BODY_BYTES));
  if (!parsed.success) {
    throw new ApiError("bad_request", "The decision is not valid.", parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })));
  }
  const { project, article, context } = await reviewTarget(user, params.slug, params.id);
  const db = getDb();
  const body = parsed.data;
  let decisionIds: string[];
  try {
    if (body.decision === "accept_unanimous") ({ decisionIds } = await acceptAllUnanimous(db, context));
    else if (body.decision === "accept") ({ decisionIds } = await decide(db, context, { decision: "accept", unit: body.unit, analystId: body.analyst }));
    else ({ decisionIds } = await decide(db, context, body));
  } catch (error) {
    throw refusalToApiError(error);
  }
  return { decisions: decisionIds, board: await loadReviewBoard(db, project, article) };
});
