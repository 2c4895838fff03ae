"use client";

import { useState, type FormEvent } from "react";
import { resetPasswordAction, updateUserAction } from "@/app/(app)/admin/users/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import type { Role } from "@/lib/permissions";

type RowUser = { id: string; email: string; name: string; role: Role; disabled: boolean };

export function UserRow({ user, isSelf }: { user: RowUser; isSelf: boolean }) {
  const [roleError, setRoleError] = useState<string | null>(null);
  const [roleSaved, setRoleSaved] = useState(false);
  const [confirmDisable, setConfirmDisable] = useState(false);
  const [resetOpen, setResetOpen] = useState(false);
  const [resetError, setResetError] = useState<string | null>(null);
  const [resetDone, setResetDone] = useState(false);

  async function changeRole(role: Role) {
    setRoleSaved(false);
    const result = await updateUserAction({ id: user.id, role });
    setRoleError(result.ok ? null : result.error);
    setRoleSaved(result.ok);
  }

  async function resetPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password"));
    const result = await resetPasswordAction({ id: user.id, password });
    if (!result.ok) return setResetError(result.error);
    setResetError(null);
    setResetDone(true);
  }

  return (
    <tr className={user.disabled ? "bg-stone-50 text-stone-600" : undefined}>
      <td className="px-4 py-2 font-medium">{user.name}</td>
      <td className="px-4 py-2">{user.email}</td>
      <td className="px-4 py-2">
        <label htmlFor={`role-${user.id}`} className="sr-only">
          Role of {user.email}
        </label>
        <select
          id={`role-${user.id}`}
          value={user.role}
          onChange={(event) => changeRole(event.target.value as Role)}
          className={`${inputClass} w-32`}
        >
          <option value="analyst">Analyst</option>
          <option value="reviewer">Reviewer</option>
          <option value="admin">Admin</option>
        </select>
        {roleError ? (
          <p role="alert" className="mt-1 text-xs text-red-800">
            {roleError}
          </p>
        ) : null}
        {roleSaved ? (
          <p role="status" className="mt-1 text-xs text-emerald-800">
            Role saved
          </p>
        ) : null}
      </td>
      <td className="px-4 py-2">{user.disabled ? "Disabled" : "Active"}</td>
      <td className="space-x-2 whitespace-nowrap px-4 py-2 text-right">
        <Button variant="secondary" onClick={() => (setResetOpen(true), setResetDone(false))} aria-label={`Reset password of ${user.email}`}>
          Reset password
        </Button>
        {!isSelf || user.disabled ? (
          <Button
            variant={user.disabled ? "secondary" : "danger"}
            onClick={() => setConfirmDisable(true)}
            aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}
          >
            {user.disabled ? "Enable" : "Disable"}
          </Button>
        ) : null}
        <ConfirmDialog
          open={confirmDisable}
          onOpenChange={setConfirmDisable}
          title={user.disabled ? `Enable ${user.name}?` : `Disable ${user.name}?`}
          description={
            user.disabled
              ? "They will be able to sign in again."
              : "They are signed out at once and cannot sign in or use their tokens until enabled again. Their annotations stay."
          }
          confirmLabel={user.disabled ? "Enable" : "Disable"}
          danger={!user.disabled}
          onConfirm={async () => {
            const result = await updateUserAction({ id: user.id, disabled: !user.disabled });
            return result.ok ? null : result.error;
          }}
        />
        <Dialog open={resetOpen} onOpenChange={(next) => (setResetOpen(next), setResetError(null))} title={`Reset the password of ${user.name}`}>
          {resetDone ? (
            <div className="space-y-3 text-left">
              <Alert tone="success">Password changed. Their existing sessions are signed out.</Alert>
              <div className="flex justify-end">
                <Button onClick={() => setResetOpen(false)}>Close</Button>
              </div>
            </div>
          ) : (
            <form onSubmit={resetPassword} className="space-y-3 text-left" noValidate>
              {resetError ? <Alert>{resetError}</Alert> : null}
              <Field label="New password" id={`reset-${user.id}`} name="password" type="password" autoComplete="new-password" required hint="At least 8 characters." />
              <div className="flex justify-end gap-2">
                <Button variant="secondary" onClick={() => setResetOpen(false)}>
                  Cancel
                </Button>
                <Button type="submit">Set password</Button>
              </div>
            </form>
          )}
        </Dialog>
      </td>
    </tr>
  );
}
