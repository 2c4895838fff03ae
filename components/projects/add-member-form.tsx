"use client";

import { useState, type FormEvent } from "react";
import { addMemberAction } from "@/app/(app)/projects/[slug]/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ROLE_LABELS, type Role } from "@/lib/permissions";

type Candidate = { id: string; email: string; name: string; role: Role };

export function AddMemberForm({ projectId, candidates }: { projectId: string; candidates: Candidate[] }) {
  const [userId, setUserId] = useState("");
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!userId) return setMessage({ tone: "error", text: "Choose a user to add." });
    setPending(true);
    const result = await addMemberAction({ projectId, userId });
    setPending(false);
    if (!result.ok) return setMessage({ tone: "error", text: result.error });
    setUserId("");
    setMessage({ tone: "success", text: `Added ${result.data.email}.` });
  }

  if (candidates.length === 0) {
    return <p className="text-sm text-stone-700">Every active analyst and reviewer is a member already.</p>;
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <label htmlFor="add-member-user" className="block text-sm font-medium text-stone-800">
        User to add
      </label>
      <div className="flex flex-wrap gap-2">
        <select
          id="add-member-user"
          value={userId}
          onChange={(event) => setUserId(event.target.value)}
          className={`${inputClass} max-w-md`}
          aria-describedby="add-member-user-hint"
        >
          <option value="">Choose a user…</option>
          {candidates.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name} ({user.email}), {ROLE_LABELS[user.role].toLowerCase()}
            </option>
          ))}
        </select>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add member"}
        </Button>
      </div>
      <p id="add-member-user-hint" className="text-xs text-stone-600">
        Admins see every project without being members. Disabled accounts are not listed.
      </p>
    </form>
  );
}
