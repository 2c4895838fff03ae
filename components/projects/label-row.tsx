"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { MAX_LABEL_DESCRIPTION_LENGTH, MAX_LABEL_KEY_LENGTH, MAX_LABEL_NAME_LENGTH } from "@/lib/validation/project-limits";
import type { LabelDraft } from "./label-drafts";

type LabelErrors = Partial<Record<"key" | "name" | "colour" | "hotkey" | "description", string>>;

/** One label of the editor: a group of labelled fields with move and remove buttons. */
export function LabelRow({
  label,
  position,
  isFirst,
  isLast,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  label: LabelDraft;
  position: number;
  isFirst: boolean;
  isLast: boolean;
  errors: LabelErrors;
  onChange: (change: Partial<LabelDraft>) => void;
  onMove: (by: -1 | 1) => void;
  /** Absent for the last remaining label: a project keeps at least one. */
  onRemove?: () => void;
}) {
  const id = (field: string) => `label-${label.rowKey}-${field}`;
  const title = label.key || `Label ${position}`;
  const inUse = label.annotationCount > 0;
  const usage = `${label.annotationCount} annotation${label.annotationCount === 1 ? "" : "s"}`;
  return (
    <fieldset className="rounded-lg border border-stone-200 bg-white p-3">
      <legend className="flex items-center gap-2 px-1 text-sm font-semibold">
        <span aria-hidden className="inline-block h-3 w-3 rounded-full border border-stone-400" style={{ backgroundColor: label.colour }} />
        Label {position}
        {label.key ? `: ${label.key}` : ""}
      </legend>
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_6rem_5rem]">
        <Field
          label="Key"
          id={id("key")}
          value={label.key}
          onChange={(event) => onChange({ key: event.target.value.toUpperCase() })}
          readOnly={inUse}
          required
          maxLength={MAX_LABEL_KEY_LENGTH}
          autoComplete="off"
          spellCheck={false}
          error={errors.key}
          hint={inUse ? `Used by ${usage}: the key cannot change.` : "Capitals, digits and _, e.g. SOURCE."}
        />
        <Field label="Name" id={id("name")} value={label.name} onChange={(event) => onChange({ name: event.target.value })} required maxLength={MAX_LABEL_NAME_LENGTH} autoComplete="off" error={errors.name} />
        <Field
          label="Colour"
          id={id("colour")}
          type="color"
          value={label.colour.toLowerCase()}
          onChange={(event) => onChange({ colour: event.target.value.toUpperCase() })}
          className="h-9 w-full cursor-pointer rounded-md border border-stone-300 bg-white p-1"
          error={errors.colour}
        />
        <Field
          label="Hotkey"
          id={id("hotkey")}
          value={label.hotkey ?? ""}
          onChange={(event) => onChange({ hotkey: event.target.value.toLowerCase().slice(-1) || null })}
          maxLength={1}
          autoComplete="off"
          spellCheck={false}
          error={errors.hotkey}
          hint="A letter or digit"
        />
      </div>
      <div className="mt-3">
        <Field
          label="Description"
          id={id("description")}
          value={label.description}
          onChange={(event) => onChange({ description: event.target.value })}
          maxLength={MAX_LABEL_DESCRIPTION_LENGTH}
          autoComplete="off"
          error={errors.description}
        />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Button variant="ghost" onClick={() => onMove(-1)} disabled={isFirst} aria-label={`Move ${title} up`}>
          Move up
        </Button>
        <Button variant="ghost" onClick={() => onMove(1)} disabled={isLast} aria-label={`Move ${title} down`}>
          Move down
        </Button>
        {inUse ? (
          <p className="ml-auto text-xs text-stone-600">In use by {usage}: it cannot be removed.</p>
        ) : onRemove ? (
          <Button variant="secondary" className="ml-auto" onClick={onRemove} aria-label={`Remove ${title}`}>
            Remove
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}
