import { getDb } from "@/db/client";
import { dismissSuggestion, listDismissals, restoreSuggestion } from "@/db/queries/suggestions";
import { apiRoute } from "@/app/_server/api";
import { articleForCaller } from "@/app/_server/article-access";
import { readJsonBody } from "@/app/_server/request-body";
import { ApiError } from "@/lib/api/errors";
import { dismissalSchema } from "@/lib/validation/actors";

type Params = { slug: string; id: string };

async function parseKey(request: Request) {
  const parsed = dismissalSchema.safeParse(await readJsonBody(request, 4 * 1024));
  if (!parsed.success) throw new ApiError("bad_request", "The suggestion key is not valid.", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  return parsed.data.key;
}

/** The caller's dismissed suggestions in an article (their own; dismissing hides for nobody else). */
export const GET = apiRoute<Params>("articles.annotate", async ({ user, params }) => {
  const { article } = await articleForCaller(user, params.slug, params.id);
  return { keys: await listDismissals(getDb(), article.id, user.id) };
});

/** `{"key": "builtin:QUOTE:10:42"}` or `{"key": "model:<span id>"}`: dismiss it for the caller (idempotent). */
export const POST = apiRoute<Params>("articles.annotate", async ({ request, user, params }) => {
  const key = await parseKey(request);
  const { article } = await articleForCaller(user, params.slug, params.id);
  await dismissSuggestion(getDb(), article.id, user.id, key);
  return { key, dismissed: true };
});

/** Brings a dismissed suggestion back. */
export const DELETE = apiRoute<Params>("articles.annotate", async ({ request, user, params }) => {
  const key = await parseKey(request);
  const { article } = await articleForCaller(user, params.slug, params.id);
  await restoreSuggestion(getDb(), article.id, user.id, key);
  return { key, dismissed: false };
});
