import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getProjectForUser } from "@/db/queries/projects";
import { clusteredProjectQuotes } from "@/db/queries/quotes";
import { requireUser } from "@/app/_server/page-guards";
import { ProjectHeader } from "@/components/projects/project-header";
import { ClusterStory } from "@/components/quotes/cluster-story";
import { clusterStory, nearClusters, summariseClusters } from "@/lib/quotes/story";

export async function generateMetadata(): Promise<Metadata> {
  return { title: "Quote story" };
}

/** One quote's story across outlets: who carried it when, in which words, attributed to whom. */
export default async function ClusterPage({ params }: PageProps<"/projects/[slug]/quotes/[cluster]">) {
  const { slug, cluster } = await params;
  const user = await requireUser("review.use");
  const db = getDb();
  const project = await getProjectForUser(db, user, slug);
  if (!project) notFound();
  const quotes = await clusteredProjectQuotes(db, project, { kind: "gold" });
  const members = quotes.filter((quote) => quote.cluster === cluster);
  if (members.length === 0) notFound();
  const story = clusterStory(members);
  const summaries = summariseClusters(quotes);
  const summary = summaries.find((s) => s.id === cluster)!;
  const firstKeyOf = new Map<string, string>();
  for (const quote of quotes) if (!firstKeyOf.has(quote.cluster)) firstKeyOf.set(quote.cluster, quote.key);
  const near = nearClusters(summary, summaries).map((other) => ({
    id: other.id,
    text: other.text,
    outlets: other.outlets,
    score: other.score,
    memberKey: firstKeyOf.get(other.id)!,
  }));

  return (
    <div className="space-y-6">
      <ProjectHeader project={project} viewerRole={user.role} current="quotes" />
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/projects/${project.slug}/quotes`} className="underline">
          Quotes
        </Link>{" "}
        / story
      </nav>
      <section aria-labelledby="story-heading" className="space-y-3">
        <h2 id="story-heading" className="font-serif text-xl">
          {summary.text}
        </h2>
        <p className="text-sm text-stone-700">
          {summary.label} · {summary.quotes} quote{summary.quotes === 1 ? "" : "s"} in {summary.outlets} outlet{summary.outlets === 1 ? "" : "s"}
          {summary.firstPublished ? `, first on ${summary.firstPublished}` : ""}. Words an outlet changed against the first wording are marked.
        </p>
        {story.misattributed ? (
          <div role="note" aria-label="Possible misattribution" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950">
            <strong className="font-semibold">Possible misattribution:</strong> the outlets name different speakers:{" "}
            {story.speakers.map((s) => `${s.name} (${s.quotes})`).join(", ")}.
          </div>
        ) : null}
        <ClusterStory slug={project.slug} entries={story.entries} near={near} />
      </section>
    </div>
  );
}
