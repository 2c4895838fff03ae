import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getProjectForUser } from "@/db/queries/projects";
import { articleTitles, computeProjectAgreement, computeSuggestionAgreement } from "@/db/queries/agreement-data";
import { requireUser } from "@/app/_server/page-guards";
import { ArticleFiguresTable } from "@/components/agreement/article-figures-table";
import { MeasureGlossary } from "@/components/agreement/measure-glossary";
import { PairFiguresTable } from "@/components/agreement/pair-figures-table";
import { ProjectFiguresTable } from "@/components/agreement/project-figures-table";
import { SuggestionFiguresTable } from "@/components/agreement/suggestion-figures-table";
import { ProjectHeader } from "@/components/projects/project-header";
import { buttonClass } from "@/components/ui/button";
import { articleRows } from "@/lib/agreement";

/** The article table lists this many, most disagreement first; the JSON has every figure. */
const ARTICLE_LIMIT = 200;

export async function generateMetadata({ params }: PageProps<"/projects/[slug]/agreement">): Promise<Metadata> {
  return { title: `Agreement · ${(await params).slug}` };
}

export default async function AgreementPage({ params }: PageProps<"/projects/[slug]/agreement">) {
  const { slug } = await params;
  const user = await requireUser("agreement.view");
  const db = getDb();
  const project = await getProjectForUser(db, user, slug);
  if (!project) notFound();
  const [report, suggestions] = await Promise.all([computeProjectAgreement(db, project), computeSuggestionAgreement(db, project)]);
  const reviewed = new Set(suggestions.figures.flatMap((f) => (f.article === null ? [] : [f.article]))).size;
  const suggested = suggestions.figures.find((f) => f.measure === "precision" && f.label === null && f.article === null)?.units ?? 0;
  const rows = articleRows(report);
  const shown = rows.slice(0, ARTICLE_LIMIT);
  const titles = await articleTitles(db, project.id, shown.map((row) => row.article));
  const jsonHref = `/api/v1/projects/${project.slug}/agreement`;

  return (
    <div className="space-y-8">
      <ProjectHeader project={project} viewerRole={user.role} current="agreement" />
      <section aria-labelledby="agreement-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="agreement-heading" className="text-lg font-semibold">
            Agreement between analysts
          </h2>
          <a href={jsonHref} download={`${project.slug}-agreement.json`} className={buttonClass("secondary")}>
            Download JSON
          </a>
        </div>
        <p className="max-w-3xl text-sm text-stone-700">
          {rows.length === 0
            ? "No article has been annotated by two analysts yet. "
            : `${report.annotators.length} analysts, ${rows.length} article${rows.length === 1 ? "" : "s"} compared. `}
          An analyst has annotated an article when their assignment is marked done or their layer there has a span. Each
          figure uses only the articles that every analyst it compares annotated; gold and suggestions never count. Below
          each value are its units; — means undefined (nothing to compare, or a kappa whose expected agreement is 1).
        </p>
      </section>
      {rows.length > 0 ? (
        <>
          <section aria-labelledby="project-heading" className="space-y-3">
            <h2 id="project-heading" className="text-lg font-semibold">
              Whole project
            </h2>
            <p className="max-w-3xl text-sm text-stone-700">
              Pairwise measures are summarised over all pairs of analysts as the last column says; Fleiss&apos; κ and α-u
              compare all analysts at once, over the articles every one of them annotated.
            </p>
            <ProjectFiguresTable report={report} />
          </section>
          <section aria-labelledby="pairs-heading" className="space-y-3">
            <h2 id="pairs-heading" className="text-lg font-semibold">
              Pairs of analysts
            </h2>
            <PairFiguresTable report={report} />
          </section>
          <section aria-labelledby="articles-heading" className="space-y-3">
            <h2 id="articles-heading" className="text-lg font-semibold">
              Articles
            </h2>
            <p className="max-w-3xl text-sm text-stone-700">
              Disagreement is 1 − the mean exact F1 over the article&apos;s pairs of analysts and the labels they marked (0: everyone marked the same spans).
              {rows.length > shown.length ? ` The ${shown.length} articles with the most disagreement of ${rows.length}; the JSON has them all.` : ""}
            </p>
            <ArticleFiguresTable slug={project.slug} report={report} rows={shown} titles={titles} />
          </section>
        </>
      ) : null}
      {suggested > 0 ? (
        <section aria-labelledby="suggestions-heading" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="suggestions-heading" className="text-lg font-semibold">
              Model suggestions against gold
            </h2>
            <a href={`${jsonHref}?layer=suggestions`} download={`${project.slug}-suggestions-vs-gold.json`} className={buttonClass("secondary")}>
              Download suggestions JSON
            </a>
          </div>
          <p className="max-w-3xl text-sm text-stone-700">
            {suggested} suggestion{suggested === 1 ? "" : "s"} on {reviewed} article{reviewed === 1 ? "" : "s"} with a gold layer. Precision: the
            share of suggestions that are gold spans (same label, start and end); recall: the share of gold spans suggested; overlap F1 also
            counts a suggestion that shares a character with a gold span of its label.
          </p>
          <SuggestionFiguresTable report={suggestions} />
        </section>
      ) : null}
      <section aria-labelledby="measures-heading" className="space-y-3">
        <h2 id="measures-heading" className="text-lg font-semibold">
          Measures
        </h2>
        <MeasureGlossary />
      </section>
    </div>
  );
}
