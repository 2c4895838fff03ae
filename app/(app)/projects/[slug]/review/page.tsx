import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getProjectForUser } from "@/db/queries/projects";
import { listProjectLabels } from "@/db/queries/project-labels";
import { listReviewQueue, loadProjectFeedback } from "@/db/queries/review-queue";
import { requireUser } from "@/app/_server/page-guards";
import { ProjectHeader } from "@/components/projects/project-header";
import { FeedbackTable } from "@/components/review/feedback-table";
import { queuePage } from "@/lib/review";
import { reviewQueueQuerySchema } from "@/lib/validation/review";

export async function generateMetadata({ params }: PageProps<"/projects/[slug]/review">): Promise<Metadata> {
  return { title: `Review · ${(await params).slug}` };
}

/** The review queue: articles every assigned analyst marked done, most disagreement first. */
export default async function ReviewQueuePage({ params, searchParams }: PageProps<"/projects/[slug]/review">) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const user = await requireUser("review.use");
  const db = getDb();
  const project = await getProjectForUser(db, user, slug);
  if (!project) notFound();
  const [queue, gold, labels] = await Promise.all([listReviewQueue(db, project.id), loadProjectFeedback(db, project.id), listProjectLabels(db, [project.id])]);
  const labelName = (key: string) => labels.find((label) => label.key === key)?.name ?? key;
  const shown = queuePage(queue, reviewQueueQuerySchema.parse(query).page);
  const pageLink = (page: number) => `/projects/${project.slug}/review${page > 1 ? `?page=${page}` : ""}`;

  return (
    <div className="space-y-6">
      <ProjectHeader project={project} viewerRole={user.role} current="review" />
      <section aria-labelledby="queue-heading" className="space-y-3">
        <h2 id="queue-heading" className="text-lg font-semibold">
          Ready for review
        </h2>
        <p className="max-w-3xl text-sm text-stone-700">
          An article is ready when every analyst assigned to it marked it done. Disagreement is 1 − the mean exact F1 over
          the article&apos;s pairs of analysts and the labels they marked (0: everyone marked the same spans).
        </p>
        {queue.length === 0 ? (
          <p className="rounded-md border border-dashed border-stone-300 px-4 py-6 text-sm text-stone-700">
            No article is ready yet: each needs all its analysts to mark it done.
          </p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                Articles ready for review, most disagreement first{shown.pages > 1 ? `: ${shown.first} to ${shown.last} of ${shown.total}` : ""}
              </caption>
              <thead className="border-b border-stone-200 bg-stone-50 text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Article</th>
                  <th scope="col" className="px-3 py-2 font-medium">Analysts</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">Disagreement</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">Decisions</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">Gold spans</th>
                </tr>
              </thead>
              <tbody>
                {shown.items.map((item) => (
                  <tr key={item.externalId} className="border-b border-stone-100 last:border-0">
                    <th scope="row" className="px-3 py-2 font-normal">
                      <Link href={`/projects/${project.slug}/review/${encodeURIComponent(item.externalId)}`} className="font-medium underline">
                        {item.title}
                      </Link>
                      {item.outlet ? <span className="block text-xs text-stone-600">{item.outlet}</span> : null}
                    </th>
                    <td className="px-3 py-2 text-stone-700">{item.analysts.join(", ")}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{item.disagreement === null ? "—" : item.disagreement.toFixed(3)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{item.decided}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{item.goldSpans}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {shown.pages > 1 ? (
          <nav aria-label="Pages of the review queue" className="flex items-center justify-between gap-3 text-sm">
            {shown.page > 1 ? (
              <Link href={pageLink(shown.page - 1)} className="underline">
                Previous page
              </Link>
            ) : (
              <span />
            )}
            <span className="text-stone-700">
              Articles {shown.first}–{shown.last} of {shown.total} · page {shown.page} of {shown.pages}
            </span>
            {shown.page < shown.pages ? (
              <Link href={pageLink(shown.page + 1)} className="underline">
                Next page
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
      {gold.articles > 0 ? (
        <section aria-labelledby="feedback-heading" className="space-y-3">
          <h2 id="feedback-heading" className="text-lg font-semibold">
            Analysts against gold
          </h2>
          <p className="max-w-3xl text-sm text-stone-700">
            Over the {gold.articles} article{gold.articles === 1 ? "" : "s"} with a gold layer, each analyst on the articles they annotated:
            precision is the share of their spans that gold has (same label and bounds), recall the share of gold spans they made.
          </p>
          <FeedbackTable feedback={gold.feedback} labelName={labelName} />
        </section>
      ) : null}
    </div>
  );
}
