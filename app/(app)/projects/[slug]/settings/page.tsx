import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getProjectBySlug, listLabelsWithUsage } from "@/db/queries/projects";
import { requireUser } from "@/app/_server/page-guards";
import { toDrafts } from "@/components/projects/label-drafts";
import { LabelSetForm } from "@/components/projects/label-set-form";
import { ProjectDetailsForm } from "@/components/projects/project-details-form";
import { ProjectHeader } from "@/components/projects/project-header";
import { ProjectMembers } from "@/components/projects/project-members";

export async function generateMetadata({ params }: PageProps<"/projects/[slug]/settings">): Promise<Metadata> {
  return { title: `Settings · ${(await params).slug}` };
}

export default async function ProjectSettingsPage({ params }: PageProps<"/projects/[slug]/settings">) {
  const { slug } = await params;
  const user = await requireUser("projects.edit");
  const db = getDb();
  const project = await getProjectBySlug(db, slug);
  if (!project) notFound();
  const labels = await listLabelsWithUsage(db, project.id);
  return (
    <div className="max-w-3xl space-y-8">
      <ProjectHeader project={project} viewerRole={user.role} current="settings" />
      <section aria-labelledby="details-heading" className="space-y-4">
        <h2 id="details-heading" className="text-lg font-semibold">
          Details
        </h2>
        <ProjectDetailsForm
          projectId={project.id}
          initial={{
            name: project.name,
            slug: project.slug,
            description: project.description,
            guidelines: project.guidelines,
            overlap: String(project.overlap),
          }}
        />
      </section>
      <section aria-labelledby="labels-heading" className="space-y-4">
        <div>
          <h2 id="labels-heading" className="text-lg font-semibold">
            Labels
          </h2>
          <p className="text-sm text-stone-700">
            A label that annotations use can be renamed, recoloured and moved, but its key cannot change and it cannot be removed.
          </p>
        </div>
        <LabelSetForm projectId={project.id} initial={toDrafts(labels)} />
      </section>
      <ProjectMembers project={project} />
    </div>
  );
}
