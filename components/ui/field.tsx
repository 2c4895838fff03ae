import type { InputHTMLAttributes, ReactNode } from "react";

export const inputClass =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm text-stone-900 placeholder:text-stone-500 focus:border-stone-600 focus:outline-none disabled:bg-stone-100 aria-[invalid=true]:border-red-700";

/** The ids a field's hint and error get, joined for `aria-describedby`. */
export function describedBy(id: string, hint?: ReactNode, error?: ReactNode): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** The hint and error lines under a field, with the ids `describedBy` refers to. */
export function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: ReactNode }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A labelled input: the label is a real <label> so every field has an accessible name. */
export function Field({
  label,
  id,
  hint,
  error,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; id: string; hint?: ReactNode; error?: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        id={id}
        className={inputClass}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...props}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
