import Link from "next/link";
import type { ActorTimelineEntry, ClusterSummary } from "@/lib/quotes/story";

/** On an actor's page: their statements as clusters across outlets (from gold), and when each outlet carried them. */
export function ActorStatements({ slug, name, clusters, timeline }: { slug: string; name: string; clusters: ClusterSummary[]; timeline: ActorTimelineEntry[] }) {
  return (
    <section aria-labelledby="across-heading" className="space-y-3">
      <h3 id="across-heading" className="text-lg font-semibold">
        Across outlets <span className="font-normal text-stone-600">(gold, {clusters.length} statement{clusters.length === 1 ? "" : "s"})</span>
      </h3>
      {clusters.length === 0 ? (
        <p className="text-sm text-stone-700">No gold quote or claim is attributed to {name} yet.</p>
      ) : (
        <>
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Statements attributed to {name}, grouped by cluster, earliest first</caption>
            <thead>
              <tr className="border-b border-stone-300 text-xs uppercase tracking-wide text-stone-700">
                <th scope="col" className="py-2 pr-3">Statement (earliest wording)</th>
                <th scope="col" className="py-2 pr-3 text-right">Outlets</th>
                <th scope="col" className="py-2 pr-3">First</th>
                <th scope="col" className="py-2 pr-3">Speakers named</th>
              </tr>
            </thead>
            <tbody>
              {clusters.map((cluster) => (
                <tr key={cluster.id} className="border-b border-stone-100 align-top">
                  <td className="py-1.5 pr-3">
                    <Link href={`/projects/${slug}/quotes/${cluster.id}`} className="font-serif underline">
                      {cluster.text}
                    </Link>
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{cluster.outlets}</td>
                  <td className="whitespace-nowrap py-1.5 pr-3 tabular-nums">{cluster.firstPublished ?? "—"}</td>
                  <td className="py-1.5 pr-3">
                    {cluster.speakers.map((s) => s.name).join(", ")}
                    {cluster.misattributed ? (
                      <span className="ml-2 inline-block rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-900">Possible misattribution</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4 className="text-sm font-semibold">Timeline</h4>
          <ol className="relative space-y-2 border-l border-stone-300 pl-4 text-sm" aria-label={`Quotes attributed to ${name}, by date`}>
            {timeline.map((entry, index) => (
              <li key={`${entry.article}-${index}`} className="relative">
                <span className="absolute -left-[1.45rem] top-1.5 h-3 w-3 rounded-full border border-white bg-stone-700" aria-hidden="true" />
                <span className="tabular-nums font-medium">{entry.date ?? "undated"}</span> · {entry.outlet ?? "unknown outlet"}:{" "}
                <Link href={`/projects/${slug}/quotes/${entry.cluster}`} className="font-serif underline">
                  {entry.text}
                </Link>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
