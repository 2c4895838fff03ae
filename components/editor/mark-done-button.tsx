"use client";

import { useState } from "react";
import { setMyStatusAction } from "@/app/(app)/projects/[slug]/articles/[id]/actions";
import { Button } from "@/components/ui/button";

export function MarkDoneButton({ slug, id, initial }: { slug: string; id: string; initial: "todo" | "in_progress" | "done" }) {
  const [status, setStatus] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const done = status === "done";
  return (
    <div className="text-right">
      <Button
        variant={done ? "secondary" : "primary"}
        onClick={async () => {
          const result = await setMyStatusAction({ slug, id, status: done ? "in_progress" : "done" });
          if (result.ok) {
            setStatus(result.data.status);
            setError(null);
          } else setError(result.error);
        }}
      >
        {done ? "Done ✓ (reopen)" : "Mark done"}
      </Button>
      {error ? (
        <p role="alert" className="text-xs text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
