import { RESERVED_READER_KEYS } from "../editor/keymap";
import { z } from "zod";
import { MAX_SLUG_LENGTH, slugify } from "../slug";
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_GUIDELINES_LENGTH,
  MAX_LABEL_DESCRIPTION_LENGTH,
  MAX_LABEL_KEY_LENGTH,
  MAX_LABEL_NAME_LENGTH,
  MAX_OVERLAP,
  MAX_PROJECT_NAME_LENGTH,
} from "./project-limits";

/** Slugs that would collide with fixed addresses under /projects. */
const RESERVED_SLUGS = new Set(["new"]);

export const projectNameSchema = z
  .string()
  .trim()
  .min(1, { error: "Enter a project name." })
  .max(MAX_PROJECT_NAME_LENGTH, { error: `Project names are limited to ${MAX_PROJECT_NAME_LENGTH} characters.` });

export const slugSchema = z
  .string({ error: "Enter a slug." })
  .trim()
  .min(1, { error: "Enter a slug." })
  .max(MAX_SLUG_LENGTH, { error: `Slugs are limited to ${MAX_SLUG_LENGTH} characters.` })
  .regex(/^[a-z0-9][a-z0-9-]*$/, {
    error: "Use lowercase letters, digits and hyphens, starting with a letter or digit.",
  })
  .refine((slug) => !RESERVED_SLUGS.has(slug), { error: "This slug is reserved. Choose another." });

export const overlapSchema = z.coerce
  .number({ error: "Enter the number of analysts per article." })
  .int({ error: "The number of analysts per article must be a whole number." })
  .min(1, { error: "At least 1 analyst per article." })
  .max(MAX_OVERLAP, { error: `At most ${MAX_OVERLAP} analysts per article.` });

export const projectDetailsSchema = z.object({
  name: projectNameSchema,
  /** Optional: derived from the name when empty or absent. */
  slug: z.string().trim().optional(),
  description: z
    .string()
    .trim()
    .max(MAX_DESCRIPTION_LENGTH, { error: `Descriptions are limited to ${MAX_DESCRIPTION_LENGTH.toLocaleString("en")} characters.` }).default(""),
  guidelines: z
    .string()
    .max(MAX_GUIDELINES_LENGTH, { error: `Guidelines are limited to ${MAX_GUIDELINES_LENGTH.toLocaleString("en")} characters.` })
    .default(""),
  overlap: overlapSchema.default(2),
});

export const labelSchema = z.object({
  /** Present for a label that already exists, so a change of key can be told from a new label. */
  id: z.uuid({ error: "Unknown label." }).optional(),
  key: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, { error: "Enter a key." })
    .max(MAX_LABEL_KEY_LENGTH, { error: `Keys are limited to ${MAX_LABEL_KEY_LENGTH} characters.` })
    .regex(/^[A-Z][A-Z0-9_]*$/, { error: "Keys are capital letters, digits and _, starting with a letter." }),
  name: z
    .string()
    .trim()
    .min(1, { error: "Enter a name." })
    .max(MAX_LABEL_NAME_LENGTH, { error: `Label names are limited to ${MAX_LABEL_NAME_LENGTH} characters.` }),
  colour: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: "Colours are written #RRGGBB." })
    .transform((colour) => colour.toUpperCase()),
  hotkey: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]?$/, { error: "A hotkey is a single letter or digit." })
    .nullish()
    .transform((hotkey) => hotkey || null),
  description: z
    .string()
    .trim()
    .max(MAX_LABEL_DESCRIPTION_LENGTH, { error: `Label descriptions are limited to ${MAX_LABEL_DESCRIPTION_LENGTH} characters.` }).default(""),
});

export const labelSetSchema = z
  .array(labelSchema)
  .min(1, { error: "A project needs at least one label." })
  .max(50, { error: "A project has at most 50 labels." })
  .superRefine((labels, ctx) => {
    const seenKeys = new Set<string>();
    const seenHotkeys = new Set<string>();
    labels.forEach((label, index) => {
      if (seenKeys.has(label.key)) {
        ctx.addIssue({ code: "custom", path: [index, "key"], message: `The key ${label.key} is used twice.` });
      }
      seenKeys.add(label.key);
      if (label.hotkey && seenHotkeys.has(label.hotkey)) {
        ctx.addIssue({ code: "custom", path: [index, "hotkey"], message: `The hotkey ${label.hotkey} is used twice.` });
      }
      if (label.hotkey && RESERVED_READER_KEYS.includes(label.hotkey)) {
        ctx.addIssue({
          code: "custom",
          path: [index, "hotkey"],
          message: `The reader uses ${label.hotkey} for itself (g guidelines, s speaker, e note, n y d suggestions): choose another hotkey.`,
        });
      }
      if (label.hotkey) seenHotkeys.add(label.hotkey);
    });
  });

/** Validates the slug, or derives it from the name when none was given. */
function withSlug<T extends { name: string; slug?: string }>(project: T, ctx: z.RefinementCtx) {
  const slug = project.slug || slugify(project.name);
  if (!slug) {
    ctx.addIssue({ code: "custom", path: ["slug"], message: "Enter a slug: the name has no letters or digits to make one from." });
    return z.NEVER;
  }
  const checked = slugSchema.safeParse(slug);
  if (!checked.success) {
    for (const issue of checked.error.issues) ctx.addIssue({ code: "custom", path: ["slug"], message: issue.message });
    return z.NEVER;
  }
  return { ...project, slug: checked.data };
}

export const newProjectSchema = projectDetailsSchema.extend({ labels: labelSetSchema }).transform(withSlug);
export type NewProjectInput = z.input<typeof newProjectSchema>;
export type NewProject = z.output<typeof newProjectSchema>;

/** In settings the slug is always given: a project's address changes only when someone means it to. */
export const projectDetailsUpdateSchema = projectDetailsSchema.extend({ slug: slugSchema });
export type ProjectDetails = z.output<typeof projectDetailsUpdateSchema>;

export type LabelInput = z.input<typeof labelSchema>;
export type LabelSet = z.output<typeof labelSetSchema>;
