import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getArticleForViewer } from "@/db/queries/articles";
import { getProjectForUser } from "@/db/queries/projects";
import { loadReviewBoard } from "@/db/queries/review-board";
import { requireUser } from "@/app/_server/page-guards";
import { ReviewBoard } from "@/components/review/review-board";

export async function generateMetadata({ params }: PageProps<"/projects/[slug]/review/[id]">): Promise<Metadata> {
  return { title: `Review · ${decodeURIComponent((await params).id)}` };
}

/** The review board of one article (reviewers and admins). */
export default async function ReviewBoardPage({ params }: PageProps<"/projects/[slug]/review/[id]">) {
  const { slug, id } = await params;
  const user = await requireUser("review.use");
  const db = getDb();
  const project = await getProjectForUser(db, user, slug);
  if (!project) notFound();
  const article = await getArticleForViewer(db, user, project.id, decodeURIComponent(id));
  if (!article) notFound();
  const board = await loadReviewBoard(db, project, article);

  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="flex flex-wrap gap-1 text-sm">
        <Link href={`/projects/${project.slug}`} className="underline">
          {project.name}
        </Link>
        <span aria-hidden="true">/</span>
        <Link href={`/projects/${project.slug}/review`} className="underline">
          Review
        </Link>
      </nav>
      <ReviewBoard slug={project.slug} initialBoard={board} />
    </div>
  );
}
