"use client";

import { useState, type FormEvent } from "react";
import { createTokenAction } from "@/app/(app)/settings/tokens/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";

export function CreateTokenForm() {
  const [error, setError] = useState<string | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const days = String(form.get("expires") ?? "");
    const result = await createTokenAction({ name: String(form.get("name") ?? ""), expiresInDays: days ? Number(days) : null });
    if (!result.ok) return setError(result.error);
    setError(null);
    setCopied(false);
    setToken(result.data.token);
    event.currentTarget.reset();
  }

  return (
    <>
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4" noValidate>
        <div className="min-w-56 flex-1">
          <Field label="Token name" id="token-name" name="name" required placeholder="e.g. quote-finder script" />
        </div>
        <div className="space-y-1">
          <label htmlFor="token-expires" className="block text-sm font-medium text-stone-800">
            Expires
          </label>
          <select id="token-expires" name="expires" defaultValue="90" className={inputClass}>
            <option value="7">in 7 days</option>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="">never</option>
          </select>
        </div>
        <Button type="submit">Create token</Button>
        {error ? (
          <div className="w-full">
            <Alert>{error}</Alert>
          </div>
        ) : null}
      </form>
      <Dialog open={token !== null} onOpenChange={(open) => !open && setToken(null)} title="Your new token" description="Copy it now: it is shown only once. Only a hash of it is stored.">
        <div className="space-y-3">
          <label htmlFor="new-token" className="sr-only">
            New token
          </label>
          <input id="new-token" readOnly value={token ?? ""} className={`${inputClass} font-mono text-xs`} onFocus={(e) => e.currentTarget.select()} />
          <div className="flex justify-end gap-2">
            <Button
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(token ?? "").catch(() => {});
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
            <Button onClick={() => setToken(null)}>Done</Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
