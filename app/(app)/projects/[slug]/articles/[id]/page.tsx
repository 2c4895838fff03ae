import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getProjectForUser, listProjectLabels } from "@/db/queries/projects";
import { getArticleForViewer } from "@/db/queries/articles";
import { findUserByEmail } from "@/db/queries/users";
import { readLayer, type LayerRef } from "@/db/queries/layers";
import { myAssignmentStatus } from "@/db/queries/assignments";
import { knownActors } from "@/db/queries/actors";
import { listDismissals } from "@/db/queries/suggestions";
import { requireUser } from "@/app/_server/page-guards";
import { Workbench } from "@/components/editor/workbench";
import { Markdown } from "@/components/ui/markdown";
import { resolveLayerAccess } from "@/lib/layer-access";

export async function generateMetadata({ params }: PageProps<"/projects/[slug]/articles/[id]">): Promise<Metadata> {
  return { title: decodeURIComponent((await params).id) };
}

export default async function ReaderPage({ params, searchParams }: PageProps<"/projects/[slug]/articles/[id]">) {
  const [{ slug, id }, query] = await Promise.all([params, searchParams]);
  const user = await requireUser();
  const db = getDb();
  const project = await getProjectForUser(db, user, slug);
  if (!project) notFound();
  const article = await getArticleForViewer(db, user, project.id, decodeURIComponent(id));
  if (!article) notFound();

  const layerParam = typeof query.layer === "string" && query.layer ? query.layer : "me";
  const access = resolveLayerAccess({ role: user.role, email: user.email, layer: layerParam, mode: "read" });
  if (!access.ok) {
    if (access.status === 403) forbidden();
    notFound();
  }
  let layer: LayerRef;
  let layerName: string;
  if (access.target.kind !== "analyst") {
    layer = { kind: access.target.kind };
    layerName = access.target.kind;
  } else if (access.own) {
    layer = { kind: "analyst", userId: user.id };
    layerName = user.email;
  } else {
    const owner = await findUserByEmail(db, access.target.email);
    if (!owner) notFound();
    layer = { kind: "analyst", userId: owner.id };
    layerName = owner.email;
  }
  const editable = layer.kind === "analyst" && access.own;
  const [labels, initialLayer, status, suggestionSource] = await Promise.all([
    listProjectLabels(db, [project.id]),
    readLayer(db, article.id, layer),
    myAssignmentStatus(db, article.id, user.id),
    // Suggestions are offered in the viewer's own layer only.
    editable
      ? Promise.all([readLayer(db, article.id, { kind: "suggestions" }), knownActors(db, project.id), listDismissals(db, article.id, user.id)]).then(
          ([suggested, actors, dismissed]) => ({ modelSpans: suggested.spans, actors, dismissed }),
        )
      : null,
  ]);

  return (
    <div className="space-y-3">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/projects/${project.slug}`} className="underline">
          {project.name}
        </Link>
      </nav>
      <Workbench
        project={{ slug: project.slug, name: project.name }}
        article={{
          externalId: article.externalId,
          title: article.title,
          outlet: article.outlet,
          url: article.url,
          publishedAt: article.publishedAt,
          text: article.text,
        }}
        labels={labels.map((label) => ({ key: label.key, name: label.name, colour: label.colour, hotkey: label.hotkey, description: label.description }))}
        layer={{ name: layerName, own: editable, editable }}
        viewerId={user.id}
        initialLayer={initialLayer}
        assignmentStatus={status}
        guidelines={project.guidelines ? <Markdown source={project.guidelines} /> : null}
        suggestionSource={suggestionSource}
      />
    </div>
  );
}
