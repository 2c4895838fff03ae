"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { createActorAction, updateActorAction } from "@/app/(app)/projects/[slug]/actors/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { ACTOR_KIND_VALUES, parseAliasList } from "@/lib/validation/actors";

export type EditableActor = { id: string; name: string; aliases: string[]; kind: (typeof ACTOR_KIND_VALUES)[number]; externalId: string | null; description: string };

export const KIND_LABELS: Record<(typeof ACTOR_KIND_VALUES)[number], string> = { person: "Person", organisation: "Organisation", state: "State", other: "Other" };

/** "New actor" or "Edit" (with `actor`): a dialog with the register's fields. */
export function ActorFormButton({ slug, actor }: { slug: string; actor?: EditableActor }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const prefix = actor ? `edit-actor-${actor.id}` : "new-actor";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      slug,
      name: String(form.get("name") ?? ""),
      kind: String(form.get("kind")) as EditableActor["kind"],
      aliases: parseAliasList(String(form.get("aliases") ?? "")),
      externalId: String(form.get("externalId") ?? ""),
      description: String(form.get("description") ?? ""),
    };
    setPending(true);
    const result = actor ? await updateActorAction({ ...input, actorId: actor.id }) : await createActorAction(input);
    setPending(false);
    if (!result.ok) {
      setFieldErrors(result.fieldErrors ?? {});
      return setError(result.error);
    }
    setError(null);
    setFieldErrors({});
    setOpen(false);
    router.refresh();
  }

  return (
    <>
      <Button variant={actor ? "ghost" : "primary"} onClick={() => setOpen(true)} aria-label={actor ? `Edit ${actor.name}` : undefined}>
        {actor ? "Edit" : "New actor"}
      </Button>
      <Dialog open={open} onOpenChange={(next) => (setOpen(next), setError(null))} title={actor ? `Edit ${actor.name}` : "New actor"}>
        <form onSubmit={onSubmit} className="space-y-3" noValidate>
          {error ? <Alert>{error}</Alert> : null}
          <Field label="Name" id={`${prefix}-name`} name="name" required defaultValue={actor?.name} autoComplete="off" error={fieldErrors.name} />
          <div className="space-y-1">
            <label htmlFor={`${prefix}-kind`} className="block text-sm font-medium text-stone-800">
              Kind
            </label>
            <select id={`${prefix}-kind`} name="kind" defaultValue={actor?.kind ?? "person"} className={inputClass}>
              {ACTOR_KIND_VALUES.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor={`${prefix}-aliases`} className="block text-sm font-medium text-stone-800">
              Aliases
            </label>
            <textarea
              id={`${prefix}-aliases`}
              name="aliases"
              rows={3}
              defaultValue={actor?.aliases.join("\n")}
              aria-describedby={`${prefix}-aliases-hint`}
              className={inputClass}
            />
            <p id={`${prefix}-aliases-hint`} className="text-xs text-stone-600">
              One a line: other spellings and short forms of the name.
            </p>
          </div>
          <Field label="External id" id={`${prefix}-external`} name="externalId" defaultValue={actor?.externalId ?? ""} hint="Optional, such as a Wikidata QID (Q42)." autoComplete="off" />
          <div className="space-y-1">
            <label htmlFor={`${prefix}-description`} className="block text-sm font-medium text-stone-800">
              Description
            </label>
            <textarea id={`${prefix}-description`} name="description" rows={2} defaultValue={actor?.description} className={inputClass} />
          </div>
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : actor ? "Save actor" : "Create actor"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
