import { z } from "zod";
import { EXPORT_FORMATS, MAX_ARTICLE_IDS } from "../export-request";

const lowerCase = (value: unknown) => (typeof value === "string" ? value.trim().toLowerCase() : value);

/**
 * The query of `GET /api/v1/projects/{slug}/export`: its shape. `parseExportRequest` then reads
 * the layer name and the article list, and `authoriseExport` applies the access rules.
 */
export const exportQuerySchema = z.object({
  format: z.preprocess(
    lowerCase,
    z.enum(EXPORT_FORMATS, { error: `Choose a format: ${EXPORT_FORMATS.join(", ")}.` }),
  ).meta({ description: "The file format.", example: "jsonl" }),
  layer: z.string().max(320).optional().meta({
    description:
      "`gold`, `all` (every analyst's layer), `me`, or an analyst's email. Required except for the actor register (`actors-csv`, `actors-jsonl`). Analysts may export only `me`.",
    example: "gold",
  }),
  articles: z.string().max(MAX_ARTICLE_IDS * 600).optional().meta({
    description: "External ids separated by commas: export only these articles.",
  }),
});
