"use client";

import { useState } from "react";
import { revokeTokenAction } from "@/app/(app)/settings/tokens/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Revoke “${name}”?`}
        description="Scripts using it stop working at once. This cannot be undone."
        confirmLabel="Revoke"
        danger
        onConfirm={async () => {
          const result = await revokeTokenAction({ id });
          return result.ok ? null : result.error;
        }}
      />
    </>
  );
}
