"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { replaceLabelsAction } from "@/app/(app)/projects/[slug]/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { describeFormError, toDrafts, toLabelInput, type LabelDraft } from "./label-drafts";
import { LabelSetEditor } from "./label-set-editor";

/** The settings page's label editor: saving asks first when stored labels would be removed. */
export function LabelSetForm({ projectId, initial }: { projectId: string; initial: LabelDraft[] }) {
  const router = useRouter();
  const [saved, setSaved] = useState(initial);
  const [labels, setLabels] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);

  const removed = saved.filter((label) => !labels.some((draft) => draft.id === label.id));

  async function save(): Promise<string | null> {
    setPending(true);
    const result = await replaceLabelsAction({ projectId, labels: labels.map(toLabelInput) });
    setPending(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      const text = describeFormError(result.error, result.fieldErrors);
      setMessage({ tone: "error", text: `Labels not saved. ${text}` });
      return text;
    }
    const stored = toDrafts(result.data.labels);
    setSaved(stored);
    setLabels(stored);
    setErrors({});
    setMessage({ tone: "success", text: "Labels saved." });
    router.refresh();
    return null;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (removed.length > 0) setConfirming(true);
    else void save();
  }

  const removedKeys = removed.map((label) => label.key).join(", ");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <LabelSetEditor labels={labels} onChange={setLabels} errors={errors} />
      <div className="border-t border-stone-200 pt-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save labels"}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={removed.length === 1 ? `Remove the label ${removedKeys}?` : `Remove the labels ${removedKeys}?`}
        description={`Analysts can no longer apply ${removed.length === 1 ? "it" : "them"}. No annotation uses ${removed.length === 1 ? "it" : "them"}, so nothing else changes.`}
        confirmLabel="Remove and save"
        danger
        onConfirm={save}
      />
    </form>
  );
}
