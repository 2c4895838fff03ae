import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getProjectForUser, listProjectLabels } from "@/db/queries/projects";
import { countArticles, searchArticles } from "@/db/queries/articles";
import { listProjectAnalysts } from "@/db/queries/assignments";
import { requireUser } from "@/app/_server/page-guards";
import { ArticleFilterForm } from "@/components/projects/article-filters";
import { ArticleTable } from "@/components/projects/article-table";
import { AssignButton } from "@/components/projects/assign-button";
import { ProjectHeader } from "@/components/projects/project-header";
import { buttonClass } from "@/components/ui/button";
import { can } from "@/lib/permissions";
import { articleFiltersSchema } from "@/lib/validation/articles";

export async function generateMetadata({ params }: PageProps<"/projects/[slug]">): Promise<Metadata> {
  return { title: (await params).slug };
}

export default async function ProjectPage({ params, searchParams }: PageProps<"/projects/[slug]">) {
  const [{ slug }, rawFilters] = await Promise.all([params, searchParams]);
  const user = await requireUser();
  const db = getDb();
  const project = await getProjectForUser(db, user, slug);
  if (!project) notFound();
  const filters = articleFiltersSchema.parse(rawFilters);
  const showAll = user.role !== "analyst";
  const [labels, analysts, page, total] = await Promise.all([
    listProjectLabels(db, [project.id]),
    showAll ? listProjectAnalysts(db, project.id) : Promise.resolve([]),
    searchArticles(db, user, project.id, filters),
    countArticles(db, project.id),
  ]);
  const nextParams = new URLSearchParams(
    Object.entries({ ...filters, cursor: page.nextCursor ?? undefined })
      .filter(([, value]) => value !== undefined && value !== "")
      .map(([key, value]) => [key, String(value)]),
  );
  return (
    <div className="space-y-4">
      <ProjectHeader project={project} viewerRole={user.role} current="articles" />
      <div className="flex flex-wrap items-center gap-3">
        <p className="flex-1 text-xs text-stone-600">
          {total} article{total === 1 ? "" : "s"} · {project.overlap} analyst{project.overlap === 1 ? "" : "s"} per article
        </p>
        {can(user.role, "articles.import") ? (
          <Link href={`/projects/${project.slug}/import`} className={buttonClass("secondary")}>
            Import
          </Link>
        ) : null}
        {can(user.role, "articles.assign") ? <AssignButton slug={project.slug} overlap={project.overlap} /> : null}
      </div>
      <ArticleFilterForm filters={filters} labels={labels} assignees={analysts} showAssignee={showAll} />
      <ArticleTable slug={project.slug} items={page.items} labels={labels} showAssignees={showAll} />
      <nav aria-label="Pages" className="flex justify-between text-sm">
        {filters.cursor ? (
          <Link href={`/projects/${project.slug}`} className="underline">
            First page
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={`/projects/${project.slug}?${nextParams}`} className="underline">
            Next page
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
