"use client";

import { useState, type FormEvent } from "react";
import { assignArticlesAction } from "@/app/(app)/projects/[slug]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";

export function AssignButton({ slug, overlap }: { slug: string; overlap: number }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const value = Number(new FormData(event.currentTarget).get("overlap"));
    const result = await assignArticlesAction({ slug, overlap: value });
    setPending(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    const loads = Object.values(result.data.loads);
    setSummary(
      `Created ${result.data.created} assignment${result.data.created === 1 ? "" : "s"} across ${result.data.articles} articles and ${result.data.analysts} analysts; each analyst now has ${Math.min(...loads)}–${Math.max(...loads)} articles.`,
    );
  }

  return (
    <>
      <Button variant="secondary" onClick={() => (setOpen(true), setSummary(null), setError(null))}>
        Assign…
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Assign articles"
        description="Gives every article of the project its number of distinct analysts (members with the analyst role), balancing the load. Existing assignments stay."
      >
        {summary ? (
          <div className="space-y-3">
            <Alert tone="success">{summary}</Alert>
            <div className="flex justify-end">
              <Button onClick={() => setOpen(false)}>Close</Button>
            </div>
          </div>
        ) : (
          <form onSubmit={onSubmit} className="space-y-3" noValidate>
            {error ? <Alert>{error}</Alert> : null}
            <Field label="Analysts per article" id="assign-overlap" name="overlap" type="number" min={1} max={20} defaultValue={overlap} required />
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? "Assigning…" : "Assign"}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
