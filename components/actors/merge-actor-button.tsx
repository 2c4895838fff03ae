"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { mergeActorsAction } from "@/app/(app)/projects/[slug]/actors/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { inputClass } from "@/components/ui/field";

/**
 * Merges this actor into another: first choose the one to keep, then confirm (every span linked
 * to this actor, in every layer, moves to the kept one; this name becomes one of its aliases).
 */
export function MergeActorButton({ slug, actor, register }: { slug: string; actor: { id: string; name: string }; register: readonly { id: string; name: string }[] }) {
  const router = useRouter();
  const [choosing, setChoosing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [survivorId, setSurvivorId] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const others = register.filter((other) => other.id !== actor.id);
  const survivor = others.find((other) => other.id === survivorId);
  const selectId = `merge-${actor.id}-into`;

  return (
    <>
      <Button variant="ghost" onClick={() => setChoosing(true)} disabled={others.length === 0} aria-label={`Merge ${actor.name} into another actor`}>
        Merge…
      </Button>
      <Dialog open={choosing} onOpenChange={setChoosing} title={`Merge ${actor.name}`} description="Choose the actor to keep. Every span linked to this one moves to it.">
        {message ? <Alert>{message}</Alert> : null}
        <div className="space-y-1">
          <label htmlFor={selectId} className="block text-sm font-medium text-stone-800">
            Merge into
          </label>
          <select id={selectId} value={survivorId} onChange={(e) => setSurvivorId(e.target.value)} className={inputClass}>
            <option value="">Choose an actor…</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setChoosing(false)}>
            Cancel
          </Button>
          <Button
            disabled={!survivor}
            onClick={() => {
              setChoosing(false);
              setConfirming(true);
            }}
          >
            Continue
          </Button>
        </div>
      </Dialog>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Merge ${actor.name} into ${survivor?.name ?? "…"}?`}
        description={`Every span linked to ${actor.name}, in every analyst's layer and in gold, will link to ${survivor?.name ?? "the chosen actor"}. ${actor.name} and its aliases become aliases of ${survivor?.name ?? "it"}. This cannot be undone here.`}
        confirmLabel="Merge actors"
        danger
        onConfirm={async () => {
          if (!survivor) return "Choose the actor to keep.";
          const result = await mergeActorsAction({ slug, loserId: actor.id, survivorId: survivor.id });
          if (!result.ok) {
            setMessage(result.error);
            return result.error;
          }
          router.refresh();
          return null;
        }}
      />
    </>
  );
}
