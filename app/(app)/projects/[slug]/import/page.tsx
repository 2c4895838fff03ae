import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getProjectForUser } from "@/db/queries/projects";
import { requireUser } from "@/app/_server/page-guards";
import { ImportPanel } from "@/components/projects/import-panel";

export const metadata: Metadata = { title: "Import articles" };

export default async function ImportPage({ params }: PageProps<"/projects/[slug]/import">) {
  const { slug } = await params;
  const user = await requireUser("articles.import");
  const project = await getProjectForUser(getDb(), user, slug);
  if (!project) notFound();
  return (
    <div className="space-y-4">
      <div>
        <Link href={`/projects/${project.slug}`} className="text-sm underline">
          ← {project.name}
        </Link>
        <h1 className="text-xl font-semibold">Import articles</h1>
      </div>
      <ImportPanel slug={project.slug} />
    </div>
  );
}
