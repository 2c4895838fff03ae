"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { QuoteWording } from "./quote-wording";
import { mergeClustersAction, splitClusterAction } from "@/app/(app)/projects/[slug]/quotes/actions";
import type { StoryEntry } from "@/lib/quotes/story";

type Near = { id: string; text: string; outlets: number; score: number; memberKey: string };

/**
 * A cluster's story in date order, with the reviewer's tools: select quotes and split them off
 * into their own cluster, or merge a close cluster into this one. Both ask before they act.
 */
export function ClusterStory({ slug, entries, near }: { slug: string; entries: StoryEntry[]; near: Near[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirm, setConfirm] = useState<{ kind: "split" } | { kind: "merge"; other: Near } | null>(null);
  const toggle = (key: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const canSplit = selected.size > 0 && selected.size < entries.length;

  return (
    <div className="space-y-4">
      <ol className="space-y-3" aria-label="The quote, outlet by outlet, in date order">
        {entries.map((entry) => {
          const id = `pick-${entry.key}`;
          return (
            <li key={entry.key} className="rounded-lg border border-stone-200 bg-white p-3">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
                <input id={id} type="checkbox" checked={selected.has(entry.key)} onChange={() => toggle(entry.key)} className="h-4 w-4" />
                <label htmlFor={id} className="font-medium">
                  {entry.outlet ?? "Unknown outlet"} · {entry.publishedAt ?? "undated"}
                </label>
                <Link href={`/projects/${slug}/articles/${encodeURIComponent(entry.article)}?layer=gold`} className="text-stone-700 underline">
                  {entry.title}
                </Link>
                <span className="text-stone-700">
                  {entry.speaker ? <>said by <strong className="font-medium">{entry.speaker}</strong></> : "no speaker"}
                </span>
                {entry.verbatim ? <span className="text-xs text-stone-600">same words</span> : null}
              </div>
              <p className="mt-2 text-base leading-7">
                <QuoteWording pieces={entry.pieces} />
              </p>
              {entry.missing.length > 0 ? (
                <p className="mt-1 text-xs text-stone-600">
                  Left out: <del>{entry.missing.join(" ")}</del>
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" disabled={!canSplit} onClick={() => setConfirm({ kind: "split" })}>
          Split the selected quotes off ({selected.size})
        </Button>
        <span className="text-xs text-stone-600">Select some of the quotes, not all: they become a cluster of their own.</span>
      </div>
      {near.length > 0 ? (
        <section aria-labelledby="near-heading" className="space-y-2">
          <h3 id="near-heading" className="text-sm font-semibold">
            Close clusters
          </h3>
          <ul className="space-y-2">
            {near.map((other) => (
              <li key={other.id} className="flex flex-wrap items-center gap-3 rounded-md border border-stone-200 bg-white px-3 py-2 text-sm">
                <Link href={`/projects/${slug}/quotes/${other.id}`} className="max-w-xl font-serif underline">
                  {other.text}
                </Link>
                <span className="text-xs text-stone-600">
                  {other.outlets} outlet{other.outlets === 1 ? "" : "s"} · similarity {other.score.toFixed(2)}
                </span>
                <Button variant="secondary" onClick={() => setConfirm({ kind: "merge", other })}>
                  Merge into this cluster
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={confirm?.kind === "merge" ? "Merge these clusters?" : "Split these quotes off?"}
        description={
          confirm?.kind === "merge"
            ? "The two clusters become one and stay together when clusters are computed again."
            : `The ${selected.size} selected quote${selected.size === 1 ? "" : "s"} leave this cluster and never rejoin the ones that stay.`
        }
        confirmLabel={confirm?.kind === "merge" ? "Merge" : "Split"}
        onConfirm={async () => {
          if (!confirm) return null;
          const result =
            confirm.kind === "merge"
              ? await mergeClustersAction({ slug, a: entries[0].key, b: confirm.other.memberKey })
              : await splitClusterAction({
                  slug,
                  moving: entries.filter((e) => selected.has(e.key)).map((e) => e.key),
                  staying: entries.filter((e) => !selected.has(e.key)).map((e) => e.key),
                });
          if (!result.ok) return result.error;
          setSelected(new Set());
          setConfirm(null);
          router.refresh();
          return null;
        }}
      />
    </div>
  );
}
