/**
 * The JSON the /api/v1 routes answer, as zod schemas for the OpenAPI document. Each is typed
 * against the TypeScript type the route returns, so the document cannot drift from the code
 * without the typecheck failing.
 */
import { z } from "zod";
import type { AgreementReport } from "../agreement/types";
import { SUGGESTION_MEASURES, type SuggestionReport } from "../agreement/suggestions-vs-gold";
import type { LayerRelation, LayerSpan } from "./layer";
import { API_ERROR_CODES } from "./errors";

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      message: z.string(),
      issues: z.array(z.unknown()).optional(),
    }),
  })
  .meta({ description: "Every error has this shape." });

export const projectListSchema = z.object({
  projects: z.array(
    z.object({ slug: z.string(), name: z.string(), description: z.string(), articles: z.number().int() }),
  ),
});

export const articleListSchema = z.object({
  articles: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      outlet: z.string().nullable(),
      published_at: z.string().nullable(),
      assignees: z.array(z.object({ email: z.string(), status: z.enum(["todo", "in_progress", "done"]) })),
      label_counts: z.record(z.string(), z.number().int()),
    }),
  ),
  next_cursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
});

export const articleSchema = z.object({
  id: z.string(),
  title: z.string(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  published_at: z.string().nullable(),
  meta: z.record(z.string(), z.unknown()),
  text: z.string().meta({ description: "The text exactly as imported; span offsets count its Unicode code points." }),
  version: z.number().int(),
});

export const layerSpanSchema: z.ZodType<LayerSpan> = z.object({
  id: z.string(),
  version: z.number().int(),
  start: z.number().int().meta({ description: "Code point offset, inclusive." }),
  end: z.number().int().meta({ description: "Code point offset, exclusive." }),
  label: z.string(),
  text: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  actor: z.string().nullable(),
});

export const layerRelationSchema: z.ZodType<LayerRelation> = z.object({
  id: z.string(),
  version: z.number().int(),
  type: z.literal("attributed_to"),
  from: z.string(),
  to: z.string(),
});

export const layerSchema = z.object({ spans: z.array(layerSpanSchema), relations: z.array(layerRelationSchema) });

export const changeResultSchema = z.union([
  z.object({
    id: z.string(),
    ok: z.literal(true),
    span: layerSpanSchema.optional(),
    relation: layerRelationSchema.optional(),
    deleted: z.boolean().optional(),
  }),
  z.object({
    id: z.string(),
    ok: z.literal(false),
    error: z.object({
      code: z.string(),
      message: z.string(),
      current: z.unknown().optional().meta({ description: "With stale_version: the span or relation as it is now." }),
    }),
  }),
]);

export const changesResponseSchema = z
  .object({ results: z.array(changeResultSchema) })
  .meta({ description: "One result per change, in the order of the changes." });

const importIssueSchema = z.object({ file: z.string(), line: z.number().int(), message: z.string() });
export const importResultSchema = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      ok: z.boolean(),
      imported: z.number().int(),
      duplicates: z.array(z.object({ id: z.string(), existing: z.string() })),
      errors: z.array(importIssueSchema),
      warnings: z.array(importIssueSchema),
    }),
  ),
});

const figureFields = {
  label: z.string().nullable().meta({ description: "A label key, or null for all labels together." }),
  article: z.string().nullable().meta({ description: "An article's external id, or null for the whole project." }),
  value: z.number().nullable().meta({ description: "null where the figure is undefined." }),
  units: z.number(),
};

export const agreementReportSchema: z.ZodType<AgreementReport> = z
  .object({
    project: z.string(),
    labels: z.array(z.string()),
    annotators: z.array(z.string()),
    figures: z.array(
      z.object({
        measure: z.enum(["f1_exact", "f1_overlap", "cohen_kappa", "fleiss_kappa", "alpha_u", "f1_attribution", "speaker_agreement"]),
        label: figureFields.label,
        annotators: z.array(z.string()),
        article: figureFields.article,
        value: figureFields.value,
        units: figureFields.units,
      }),
    ),
  })
  .meta({ title: "Agreement between analysts", description: "DESIGN.md \"Agreement output\": one flat list of figures." });

export const suggestionReportSchema: z.ZodType<SuggestionReport> = z
  .object({
    project: z.string(),
    labels: z.array(z.string()),
    annotators: z.tuple([z.literal("suggestions"), z.literal("gold")]),
    figures: z.array(
      z.object({
        measure: z.enum(SUGGESTION_MEASURES),
        label: figureFields.label,
        annotators: z.tuple([z.literal("suggestions"), z.literal("gold")]),
        article: figureFields.article,
        value: figureFields.value,
        units: figureFields.units,
      }),
    ),
  })
  .meta({ title: "Suggestions against gold", description: "With ?layer=suggestions: the model's suggestions compared with gold." });

export const agreementResponseSchema = z.union([agreementReportSchema, suggestionReportSchema]);
