"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { updateProjectDetailsAction } from "@/app/(app)/projects/[slug]/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProjectDetailsFields, type ProjectDetailsDraft } from "./project-details-fields";

export function ProjectDetailsForm({ projectId, initial }: { projectId: string; initial: ProjectDetailsDraft }) {
  const router = useRouter();
  const [details, setDetails] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const result = await updateProjectDetailsAction({ projectId, ...details });
    setPending(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      return setMessage({ tone: "error", text: `Not saved. ${result.error}` });
    }
    setErrors({});
    setMessage({ tone: "success", text: "Details saved." });
    if (result.data.slug !== initial.slug) router.replace(`/projects/${result.data.slug}/settings`);
    else router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <ProjectDetailsFields
        value={details}
        onChange={setDetails}
        errors={errors}
        deriveSlug={false}
        slugHint="The project's address: /projects/slug. Changing it breaks links and bookmarks to the old address."
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save details"}
      </Button>
    </form>
  );
}
