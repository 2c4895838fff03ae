"use client";

import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";

export type SpanDraft = { label: string; start: number; end: number };

/** Edit a unit's bounds and label, or add a span none made: label, start and end (code points), with the covered text shown. */
export function SpanDialog({
  mode,
  open,
  initial,
  labels,
  text,
  onCancel,
  onSave,
}: {
  mode: "edit" | "add";
  open: boolean;
  initial: SpanDraft;
  labels: { key: string; name: string }[];
  text: string;
  onCancel: () => void;
  onSave: (draft: SpanDraft) => void;
}) {
  const [draft, setDraft] = useState(initial);
  useEffect(() => {
    if (open) setDraft(initial);
  }, [open, initial]);
  const chars = [...text];
  const valid = Number.isInteger(draft.start) && Number.isInteger(draft.end) && draft.start >= 0 && draft.end <= chars.length && draft.start < draft.end;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onSave(draft);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? undefined : onCancel())}
      title={mode === "edit" ? "Edit the unit's gold span" : "Add a span no analyst made"}
      description="Offsets count characters (code points) from the start of the article; the end is exclusive."
    >
      <form onSubmit={submit} className="space-y-3">
        <div className="space-y-1">
          <label htmlFor="span-label" className="block text-sm font-medium text-stone-800">
            Label
          </label>
          <select id="span-label" className={inputClass} value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value })}>
            {labels.map((label) => (
              <option key={label.key} value={label.key}>
                {label.name}
              </option>
            ))}
          </select>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Start" id="span-start" type="number" min={0} max={chars.length} value={draft.start} onChange={(e) => setDraft({ ...draft, start: Number(e.target.value) })} />
          <Field label="End" id="span-end" type="number" min={1} max={chars.length} value={draft.end} onChange={(e) => setDraft({ ...draft, end: Number(e.target.value) })} />
        </div>
        <p className="rounded-md bg-stone-100 px-3 py-2 text-sm" aria-live="polite">
          {valid ? <>Covers “{chars.slice(draft.start, draft.end).join("")}”</> : `Start must be before end, within 0–${chars.length}.`}
        </p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={!valid}>
            {mode === "edit" ? "Save to gold" : "Add to gold"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
