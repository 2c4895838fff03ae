import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getProjectForUser } from "@/db/queries/projects";
import { listProjectAnalysts } from "@/db/queries/assignments";
import { requireUser } from "@/app/_server/page-guards";
import { ExportForm, type ExportLayerOption } from "@/components/projects/export-form";
import { ProjectHeader } from "@/components/projects/project-header";
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO } from "@/lib/export-request";
import { can } from "@/lib/permissions";

export async function generateMetadata({ params }: PageProps<"/projects/[slug]/export">): Promise<Metadata> {
  return { title: `Export · ${(await params).slug}` };
}

/** Everyone who sees the project may export: analysts their own layer, reviewers and admins any. */
export default async function ExportPage({ params }: PageProps<"/projects/[slug]/export">) {
  const { slug } = await params;
  const user = await requireUser();
  const db = getDb();
  const project = await getProjectForUser(db, user, slug);
  if (!project) notFound();
  const everyLayer = can(user.role, "export.allLayers");
  const layers: ExportLayerOption[] = everyLayer
    ? [
        { value: "gold", label: "Gold (reviewed)" },
        { value: "all", label: "All analysts" },
        ...(await listProjectAnalysts(db, project.id)).map((analyst) => ({ value: analyst.email, label: `${analyst.name} (${analyst.email})` })),
      ]
    : [{ value: "me", label: `My layer (${user.email})` }];
  // The server checks again; the page offers only what the route would allow.
  const formats = EXPORT_FORMATS.filter((format) => everyLayer || !EXPORT_FORMAT_INFO[format].register);
  return (
    <div className="max-w-3xl space-y-6">
      <ProjectHeader project={project} viewerRole={user.role} current="export" />
      <section aria-labelledby="export-heading" className="space-y-3">
        <div>
          <h2 id="export-heading" className="text-lg font-semibold">
            Export
          </h2>
          <p className="text-sm text-stone-700">
            Offsets in every format are Unicode code points into the stored text, as in Python, brat and the W3C model.
          </p>
        </div>
        <ExportForm slug={project.slug} formats={formats} layers={layers} />
      </section>
    </div>
  );
}
