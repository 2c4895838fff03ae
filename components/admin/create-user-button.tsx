"use client";

import { useState, type FormEvent } from "react";
import { createUserAction } from "@/app/(app)/admin/users/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";

export function CreateUserButton() {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await createUserAction({
      email: String(form.get("email")),
      name: String(form.get("name")),
      role: String(form.get("role")) as "analyst",
      password: String(form.get("password")),
    });
    setPending(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setOpen(false);
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>New user</Button>
      <Dialog open={open} onOpenChange={(next) => (setOpen(next), setError(null))} title="New user">
        <form onSubmit={onSubmit} className="space-y-3" noValidate>
          {error ? <Alert>{error}</Alert> : null}
          <Field label="Name" id="new-user-name" name="name" required autoComplete="off" />
          <Field label="Email" id="new-user-email" name="email" type="email" required autoComplete="off" />
          <div className="space-y-1">
            <label htmlFor="new-user-role" className="block text-sm font-medium text-stone-800">
              Role
            </label>
            <select id="new-user-role" name="role" defaultValue="analyst" className={inputClass}>
              <option value="analyst">Analyst</option>
              <option value="reviewer">Reviewer</option>
              <option value="admin">Admin</option>
            </select>
          </div>
          <Field
            label="Initial password"
            id="new-user-password"
            name="password"
            type="password"
            required
            autoComplete="new-password"
            hint="At least 8 characters. Share it with the user privately."
          />
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Creating…" : "Create user"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
