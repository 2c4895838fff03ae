import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getProjectForUser } from "@/db/queries/projects";
import { listArticles } from "@/db/queries/articles";
import { requireUser } from "@/app/_server/page-guards";

export async function generateMetadata({ params }: PageProps<"/projects/[slug]">): Promise<Metadata> {
  return { title: (await params).slug };
}

export default async function ProjectPage({ params }: PageProps<"/projects/[slug]">) {
  const { slug } = await params;
  const user = await requireUser();
  const db = getDb();
  const project = await getProjectForUser(db, user, slug);
  if (!project) notFound();
  const items = await listArticles(db, project.id);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{project.name}</h1>
        {project.description ? <p className="text-sm text-stone-700">{project.description}</p> : null}
      </div>
      <table className="w-full rounded-lg border border-stone-200 bg-white text-left text-sm">
        <caption className="sr-only">Articles of {project.name}</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600">
          <tr>
            <th scope="col" className="px-4 py-2">Title</th>
            <th scope="col" className="px-4 py-2">Outlet</th>
            <th scope="col" className="px-4 py-2">Published</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {items.map((article) => (
            <tr key={article.id}>
              <td className="px-4 py-2">
                <Link href={`/projects/${project.slug}/articles/${encodeURIComponent(article.externalId)}`} className="font-medium hover:underline">
                  {article.title}
                </Link>
              </td>
              <td className="px-4 py-2">{article.outlet ?? "—"}</td>
              <td className="px-4 py-2">{article.publishedAt ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
