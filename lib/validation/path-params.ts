import { z } from "zod";

/**
 * The path parameters of the /api/v1 routes, for the OpenAPI document (the routes read them
 * from the URL; each lookup answers 404 for a value that names nothing the caller may see).
 */
export const projectSlugParam = z.string().min(1).max(200).meta({
  description: "The project's slug, as in its address (`/projects/{slug}`).",
  example: "velmora-strike",
});
export const articleIdParam = z.string().min(1).max(500).meta({
  description: "The article's external id within its project (URL-encoded).",
  example: "velmora-strike-coastal-times-2026-03-02",
});
export const layerNameParam = z.string().min(1).max(320).meta({
  description: 'A layer: `me` (the caller\'s own), an analyst\'s email, `gold` or `suggestions`.',
  example: "me",
});

export const projectPathSchema = z.object({ slug: projectSlugParam });
export const articlePathSchema = projectPathSchema.extend({ id: articleIdParam });
export const layerPathSchema = articlePathSchema.extend({ layer: layerNameParam });
export const actorIdParam = z.uuid().meta({ description: "The actor's id (as in `/projects/{slug}/actors/{actor}`)." });
export const actorPathSchema = projectPathSchema.extend({ actor: actorIdParam });
