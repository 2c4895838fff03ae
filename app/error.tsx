"use client";

import { Button } from "@/components/ui/button";

/** Never shows a stack trace: a short message, the digest for the server log, and a retry. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg space-y-3 px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-stone-700">
        The server could not complete this request. If the database is restarting, trying again in a moment usually works.
      </p>
      {error.digest ? <p className="text-xs text-stone-600">Reference: {error.digest}</p> : null}
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
