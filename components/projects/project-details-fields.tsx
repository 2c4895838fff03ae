"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Markdown } from "@/components/ui/markdown";
import { TextareaField } from "@/components/ui/textarea-field";
import { MAX_SLUG_LENGTH, slugify } from "@/lib/slug";
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_GUIDELINES_LENGTH,
  MAX_OVERLAP,
  MAX_PROJECT_NAME_LENGTH,
} from "@/lib/validation/project-limits";

export type ProjectDetailsDraft = { name: string; slug: string; description: string; guidelines: string; overlap: string };

/**
 * Name, slug, description, guidelines and overlap. With `deriveSlug` the slug follows the
 * name until someone edits it by hand.
 */
export function ProjectDetailsFields({
  value,
  onChange,
  errors,
  deriveSlug,
  slugHint,
}: {
  value: ProjectDetailsDraft;
  onChange: (value: ProjectDetailsDraft) => void;
  errors: Record<string, string>;
  deriveSlug: boolean;
  slugHint: string;
}) {
  const [slugEdited, setSlugEdited] = useState(!deriveSlug);
  const set = (change: Partial<ProjectDetailsDraft>) => onChange({ ...value, ...change });
  return (
    <div className="space-y-4">
      <Field
        label="Name"
        id="project-name"
        value={value.name}
        onChange={(event) =>
          set({ name: event.target.value, ...(slugEdited ? {} : { slug: slugify(event.target.value) }) })
        }
        required
        maxLength={MAX_PROJECT_NAME_LENGTH}
        autoComplete="off"
        error={errors.name}
      />
      <Field
        label="Slug"
        id="project-slug"
        value={value.slug}
        onChange={(event) => {
          setSlugEdited(true);
          set({ slug: event.target.value });
        }}
        required
        maxLength={MAX_SLUG_LENGTH}
        autoComplete="off"
        spellCheck={false}
        error={errors.slug}
        hint={slugHint}
      />
      <TextareaField
        label="Description"
        id="project-description"
        value={value.description}
        onChange={(event) => set({ description: event.target.value })}
        rows={2}
        maxLength={MAX_DESCRIPTION_LENGTH}
        error={errors.description}
      />
      <TextareaField
        label="Guidelines"
        id="project-guidelines"
        value={value.guidelines}
        onChange={(event) => set({ guidelines: event.target.value })}
        rows={10}
        maxLength={MAX_GUIDELINES_LENGTH}
        className="font-mono"
        error={errors.guidelines}
        hint="Markdown: # headings, - lists, **bold**, *italic*, [links](https://…). Analysts see them beside the article."
      />
      {value.guidelines.trim() ? (
        <details className="rounded-md border border-stone-200 bg-stone-50 px-3 py-2">
          <summary className="cursor-pointer text-sm font-medium">Preview the guidelines</summary>
          <div className="pt-2">
            <Markdown source={value.guidelines} headingLevel={3} />
          </div>
        </details>
      ) : null}
      <div className="sm:max-w-md">
        <Field
        label="Analysts per article"
        id="project-overlap"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_OVERLAP}
        step={1}
        value={value.overlap}
        onChange={(event) => set({ overlap: event.target.value })}
        required
        error={errors.overlap}
        hint="How many analysts annotate each article independently (overlap), for measuring agreement."
      />
      </div>
    </div>
  );
}
