"use client";

import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { newDraft, type LabelDraft } from "./label-drafts";
import { LabelRow } from "./label-row";

const ADD_BUTTON_ID = "label-set-add";
const FIELDS = ["key", "name", "colour", "hotkey", "description"] as const;

/**
 * Edits a project's label set: add (with the next colour-blind-safe colour), edit, reorder
 * and remove. `errors` are the server's, keyed `labels.{index}.{field}`.
 */
export function LabelSetEditor({
  labels,
  onChange,
  errors,
}: {
  labels: LabelDraft[];
  onChange: (labels: LabelDraft[]) => void;
  errors: Record<string, string>;
}) {
  const newRows = useRef(0);
  const [focusRow, setFocusRow] = useState<string | null>(null);

  useEffect(() => {
    if (focusRow) document.getElementById(`label-${focusRow}-key`)?.focus();
  }, [focusRow]);

  function update(index: number, change: Partial<LabelDraft>) {
    onChange(labels.map((label, i) => (i === index ? { ...label, ...change } : label)));
  }

  function move(index: number, by: -1 | 1) {
    const next = [...labels];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
  }

  function add() {
    const draft = newDraft(`new-${++newRows.current}`, labels);
    onChange([...labels, draft]);
    setFocusRow(draft.rowKey);
  }

  function remove(index: number) {
    onChange(labels.filter((_, i) => i !== index));
    setFocusRow(null);
    document.getElementById(ADD_BUTTON_ID)?.focus();
  }

  return (
    <div className="space-y-3">
      {errors.labels ? <Alert>{errors.labels}</Alert> : null}
      <ol className="space-y-3">
        {labels.map((label, index) => (
          <li key={label.rowKey}>
            <LabelRow
              label={label}
              position={index + 1}
              isFirst={index === 0}
              isLast={index === labels.length - 1}
              errors={Object.fromEntries(FIELDS.map((field) => [field, errors[`labels.${index}.${field}`]]))}
              onChange={(change) => update(index, change)}
              onMove={(by) => move(index, by)}
              onRemove={labels.length > 1 ? () => remove(index) : undefined}
            />
          </li>
        ))}
      </ol>
      <Button id={ADD_BUTTON_ID} variant="secondary" onClick={add}>
        Add label
      </Button>
    </div>
  );
}
