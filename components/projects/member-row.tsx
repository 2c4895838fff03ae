"use client";

import { useState } from "react";
import { removeMemberAction } from "@/app/(app)/projects/[slug]/settings/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ROLE_LABELS, type Role } from "@/lib/permissions";

type Member = { id: string; email: string; name: string; role: Role; disabled: boolean };

export function MemberRow({ projectId, projectName, member }: { projectId: string; projectName: string; member: Member }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <tr>
      <td className="px-4 py-2 font-medium">{member.name}</td>
      <td className="px-4 py-2">{member.email}</td>
      <td className="px-4 py-2">
        {ROLE_LABELS[member.role]}
        {member.disabled ? " (disabled)" : ""}
      </td>
      <td className="px-4 py-2 text-right">
        <Button variant="secondary" onClick={() => setConfirming(true)} aria-label={`Remove ${member.email} from the project`}>
          Remove
        </Button>
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={`Remove ${member.name} from ${projectName}?`}
          description="They no longer see the project or its articles. Their annotations and assignments stay, and come back if they are added again."
          confirmLabel="Remove member"
          danger
          onConfirm={async () => {
            const result = await removeMemberAction({ projectId, userId: member.id });
            return result.ok ? null : result.error;
          }}
        />
      </td>
    </tr>
  );
}
