import { z } from "zod";

/** The query of `GET /api/v1/projects/{slug}/agreement` (and the CLI's `--layer`). */
export const agreementQuerySchema = z.object({
  layer: z
    .enum(["analysts", "suggestions"], { error: 'layer is "analysts" (the default) or "suggestions".' })
    .default("analysts")
    .meta({
      description:
        "`analysts` (default): agreement between the analysts' layers. `suggestions`: the model's suggestions compared with gold (precision, recall and F1 per label).",
    }),
});
export type AgreementQuery = z.output<typeof agreementQuerySchema>;
