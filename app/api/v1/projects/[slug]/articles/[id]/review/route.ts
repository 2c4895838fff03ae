import { getDb } from "@/db/client";
import { loadReviewBoard } from "@/db/queries/review-board";
import { apiRoute } from "@/app/_server/api";
import { reviewTarget } from "@/app/_server/review-access";

type Params = { slug: string; id: string };

/** The review board of an article: analysts' layers as units, the gold layer with provenance, feedback. Reviewers and admins. */
export const GET = apiRoute<Params>("review.use", async ({ user, params }) => {
  const { project, article } = await reviewTarget(user, params.slug, params.id);
  return loadReviewBoard(getDb(), project, article);
});
