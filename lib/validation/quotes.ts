import { z } from "zod";

/** The query of `GET /api/v1/projects/{slug}/quotes` (and the CLI's options). */
export const quotesQuerySchema = z.object({
  layer: z
    .string()
    .trim()
    .min(1)
    .max(320)
    .default("gold")
    .meta({
      description:
        "`gold` (default): the reviewed layer. An analyst's email (or `me`): for reviewers and admins, gold where an article has it, else that analyst's layer; for an analyst (their own layer only), that layer alone, never gold.",
    }),
  actor: z.string().trim().min(1).max(300).optional().meta({ description: "Only the quotes attributed to this speaker (canonical name, any case)." }),
  format: z.enum(["jsonl", "csv"], { error: 'format is "jsonl" (the default) or "csv".' }).default("jsonl"),
});
export type QuotesQuery = z.output<typeof quotesQuerySchema>;
