import { getDb } from "@/db/client";
import { readLayerJson } from "@/db/queries/layers";
import { apiRoute } from "@/app/_server/api";
import { JsonAnswer } from "@/app/_server/api-answer";
import { articleTargetForCaller, layerForCaller } from "@/app/_server/article-access";

type Params = { slug: string; id: string; layer: string };

export const GET = apiRoute<Params>(null, async ({ user, params, target }) => {
  const { article } = await articleTargetForCaller(target, params.slug, params.id);
  const layer = await layerForCaller(user, params.layer, "read");
  return JsonAnswer.text(await readLayerJson(getDb(), article.id, layer));
}, { articleTarget: true });
