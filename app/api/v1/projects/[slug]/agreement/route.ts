import { getDb } from "@/db/client";
import { computeProjectAgreement } from "@/db/queries/agreement-data";
import { apiRoute, projectForCaller } from "@/app/_server/api";

type Params = { slug: string };

/** The project's agreement report, exactly as `sourcemark agreement --json` prints it (DESIGN.md "Agreement output"). */
export const GET = apiRoute<Params>("agreement.view", async ({ user, params }) => {
  const project = await projectForCaller(user, params.slug);
  return computeProjectAgreement(getDb(), project);
});
