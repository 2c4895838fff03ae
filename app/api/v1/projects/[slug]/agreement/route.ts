import { getDb } from "@/db/client";
import { computeProjectAgreement, computeSuggestionAgreement } from "@/db/queries/agreement-data";
import { apiRoute, projectForCaller, queryOf } from "@/app/_server/api";
import { agreementQuerySchema } from "@/lib/validation/agreement";

type Params = { slug: string };

/**
 * The project's agreement report, exactly as `sourcemark agreement --json` prints it (DESIGN.md
 * "Agreement output"); with `?layer=suggestions`, the model's suggestions against gold.
 */
export const GET = apiRoute<Params>("agreement.view", async ({ request, user, params }) => {
  const query = queryOf(request, agreementQuerySchema);
  const project = await projectForCaller(user, params.slug);
  if (query.layer === "suggestions") return computeSuggestionAgreement(getDb(), project);
  return computeProjectAgreement(getDb(), project);
});
