import { z } from "zod";

const slug = z.string().min(1).max(60);
const quoteKey = z.string().min(3).max(400);

export const splitClusterSchema = z.object({
  slug,
  /** The quotes to take out, and the ones that stay: every pair across is kept apart from now on. */
  moving: z.array(quoteKey).min(1, { error: "Select the quotes to split off." }).max(500),
  staying: z.array(quoteKey).min(1, { error: "Leave at least one quote in the cluster." }).max(500),
});

export const mergeClustersSchema = z.object({ slug, a: quoteKey, b: quoteKey });

export const quoteThresholdSchema = z.object({
  slug,
  threshold: z.coerce
    .number({ error: "The threshold is a number from 0.3 to 1." })
    .min(0.3, { error: "Below 0.3 unrelated quotes join: use 0.3 to 1." })
    .max(1, { error: "The threshold is at most 1 (the same words only)." }),
});
