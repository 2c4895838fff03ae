import { getDb } from "@/db/client";
import { readLayerJson } from "@/db/queries/layers";
import { apiRoute } from "@/app/_server/api";
import { articleTargetForCaller, layerForCaller } from "@/app/_server/article-access";

type Params = { slug: string; id: string; layer: string };

export const GET = apiRoute<Params>(null, async ({ user, params, target }) => {
  const { article } = await articleTargetForCaller(target, params.slug, params.id);
  const layer = await layerForCaller(user, params.layer, "read");
  return new Response(await readLayerJson(getDb(), article.id, layer), { headers: { "content-type": "application/json" } });
}, { articleTarget: true });
