import type { ReactNode, TextareaHTMLAttributes } from "react";
import { describedBy, FieldNotes, inputClass } from "./field";

/** A labelled multi-line field, like Field. */
export function TextareaField({
  label,
  id,
  hint,
  error,
  className = "",
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: ReactNode; id: string; hint?: ReactNode; error?: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea
        id={id}
        className={`${inputClass} ${className}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...props}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
