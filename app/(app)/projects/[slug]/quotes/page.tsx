import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getProjectForUser } from "@/db/queries/projects";
import { clusteredProjectQuotes } from "@/db/queries/quotes";
import { requireUser } from "@/app/_server/page-guards";
import { ProjectHeader } from "@/components/projects/project-header";
import { ThresholdForm } from "@/components/quotes/threshold-form";
import { summariseClusters } from "@/lib/quotes/story";

export async function generateMetadata({ params }: PageProps<"/projects/[slug]/quotes">): Promise<Metadata> {
  return { title: `Quotes · ${(await params).slug}` };
}

const SHOWN = 300;

/**
 * Who said what across outlets: the gold layer's quotes and claims grouped into clusters (the
 * same statement in several articles), most outlets first, misattributions flagged.
 */
export default async function QuotesPage({ params, searchParams }: PageProps<"/projects/[slug]/quotes">) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const user = await requireUser("review.use");
  const db = getDb();
  const project = await getProjectForUser(db, user, slug);
  if (!project) notFound();
  const onlyFlagged = query.show === "misattributed";
  const withSingles = query.show === "all";
  const quotes = await clusteredProjectQuotes(db, project, { kind: "gold" });
  const all = summariseClusters(quotes);
  const clusters = all
    .filter((c) => (onlyFlagged ? c.misattributed : withSingles || c.quotes > 1))
    .sort((a, b) => b.outlets - a.outlets || b.quotes - a.quotes || (a.firstPublished ?? "").localeCompare(b.firstPublished ?? ""));
  const flagged = all.filter((c) => c.misattributed).length;
  const base = `/projects/${project.slug}/quotes`;
  const filterLink = (show: string | null, text: string) => (
    <Link
      href={show ? `${base}?show=${show}` : base}
      aria-current={(query.show ?? null) === show ? "page" : undefined}
      className="rounded-md px-2 py-1 underline-offset-2 hover:underline aria-[current=page]:bg-stone-200 aria-[current=page]:font-medium"
    >
      {text}
    </Link>
  );

  return (
    <div className="space-y-6">
      <ProjectHeader project={project} viewerRole={user.role} current="quotes" />
      <section aria-labelledby="quotes-heading" className="space-y-3">
        <h2 id="quotes-heading" className="text-lg font-semibold">
          Quotes across outlets
        </h2>
        <p className="max-w-3xl text-sm text-stone-700">
          Every QUOTE and CLAIM of the gold layer is matched with those of the project&apos;s other articles, verbatim or altered, and
          grouped into clusters. A cluster whose outlets name different speakers is flagged as a possible misattribution. Open a cluster
          to see its story, split it or merge it with another: your decisions hold when the clusters are computed again.
        </p>
        <ThresholdForm slug={project.slug} threshold={project.quoteThreshold} />
        <nav aria-label="Which clusters" className="flex flex-wrap gap-1 text-sm">
          {filterLink(null, "Carried by several articles")}
          {filterLink("misattributed", `Possible misattributions (${flagged})`)}
          {filterLink("all", "All, single quotes too")}
        </nav>
        {clusters.length === 0 ? (
          <p className="rounded-md border border-dashed border-stone-300 px-4 py-6 text-sm text-stone-700">
            {quotes.length === 0
              ? "No gold quotes or claims yet: clusters come from the gold layer, which reviewers build on the review board."
              : "No cluster matches this view."}
          </p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Quote clusters, most outlets first</caption>
              <thead className="border-b border-stone-200 bg-stone-50 text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Earliest wording</th>
                  <th scope="col" className="px-3 py-2 font-medium">Label</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">Outlets</th>
                  <th scope="col" className="px-3 py-2 font-medium">First</th>
                  <th scope="col" className="px-3 py-2 font-medium">Speakers</th>
                </tr>
              </thead>
              <tbody>
                {clusters.slice(0, SHOWN).map((cluster) => (
                  <tr key={cluster.id} className="border-b border-stone-100 align-top last:border-0">
                    <th scope="row" className="max-w-xl px-3 py-2 font-normal">
                      <Link href={`${base}/${cluster.id}`} className="font-serif underline">
                        {cluster.text}
                      </Link>
                    </th>
                    <td className="px-3 py-2">{cluster.label}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{cluster.outlets}</td>
                    <td className="px-3 py-2 tabular-nums">{cluster.firstPublished ?? "—"}</td>
                    <td className="px-3 py-2">
                      {cluster.speakers.map((s) => s.name).join(", ") || "—"}
                      {cluster.misattributed ? (
                        <span className="ml-2 inline-block rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-900">Possible misattribution</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {clusters.length > SHOWN ? (
              <p className="border-t border-stone-200 px-3 py-2 text-xs text-stone-600">
                Showing {SHOWN} of {clusters.length} clusters; `sourcemark quotes` or the quotes API lists them all.
              </p>
            ) : null}
          </div>
        )}
      </section>
    </div>
  );
}
