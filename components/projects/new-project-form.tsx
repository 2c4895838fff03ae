"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { createProjectAction } from "@/app/(app)/projects/actions";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { DEFAULT_LABELS } from "@/lib/labels";
import { describeFormError, toDrafts, toLabelInput, type LabelDraft } from "./label-drafts";
import { LabelSetEditor } from "./label-set-editor";
import { ProjectDetailsFields, type ProjectDetailsDraft } from "./project-details-fields";

const EMPTY_DETAILS: ProjectDetailsDraft = { name: "", slug: "", description: "", guidelines: "", overlap: "2" };

export function NewProjectForm() {
  const router = useRouter();
  const [details, setDetails] = useState(EMPTY_DETAILS);
  const [labels, setLabels] = useState<LabelDraft[]>(() => toDrafts(DEFAULT_LABELS));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const result = await createProjectAction({
      ...details,
      slug: details.slug || undefined,
      labels: labels.map(toLabelInput),
    });
    if (result.ok) return router.push(`/projects/${result.data.slug}`);
    setPending(false);
    setErrors(result.fieldErrors ?? {});
    setFormError(describeFormError(result.error, result.fieldErrors));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8">
      {formError ? <Alert>The project was not created. {formError}</Alert> : null}
      <section aria-labelledby="details-heading" className="space-y-4">
        <h2 id="details-heading" className="text-lg font-semibold">
          Details
        </h2>
        <ProjectDetailsFields
          value={details}
          onChange={setDetails}
          errors={errors}
          deriveSlug
          slugHint="The project's address: /projects/slug. Lowercase letters, digits and hyphens."
        />
      </section>
      <section aria-labelledby="labels-heading" className="space-y-4">
        <div>
          <h2 id="labels-heading" className="text-lg font-semibold">
            Labels
          </h2>
          <p className="text-sm text-stone-700">The tags analysts apply to spans, each with a colour and a one-key shortcut.</p>
        </div>
        <LabelSetEditor labels={labels} onChange={setLabels} errors={errors} />
      </section>
      <div className="flex gap-2 border-t border-stone-200 pt-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create project"}
        </Button>
        <Link href="/" className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
