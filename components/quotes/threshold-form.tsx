"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { setQuoteThresholdAction } from "@/app/(app)/projects/[slug]/quotes/actions";

/** The similarity two wordings need to count as one quote; saving recomputes the clusters. */
export function ThresholdForm({ slug, threshold }: { slug: string; threshold: number }) {
  const [value, setValue] = useState(String(threshold));
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        start(async () => {
          const result = await setQuoteThresholdAction({ slug, threshold: value as unknown as number });
          if (!result.ok) return setMessage({ tone: "error", text: result.error });
          setMessage({ tone: "success", text: `Saved: quotes now join at a similarity of ${result.data.threshold}.` });
          router.refresh();
        });
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="quote-threshold" className="text-sm font-medium">
          Similarity threshold
        </label>
        <input
          id="quote-threshold"
          type="number"
          min={0.3}
          max={1}
          step={0.01}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-describedby="quote-threshold-hint"
          className={`${inputClass} w-28`}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save and recompute"}
      </Button>
      <p id="quote-threshold-hint" className="w-full text-xs text-stone-600">
        1 joins only the same words (quotation marks, case and spacing aside); 0.75, the default, lets one word in four differ.
      </p>
      {message ? (
        <div className="w-full">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      ) : null}
    </form>
  );
}
