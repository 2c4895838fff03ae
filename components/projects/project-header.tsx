import Link from "next/link";
import { Markdown } from "@/components/ui/markdown";
import { can, type Role } from "@/lib/permissions";

type HeaderProject = { name: string; slug: string; description: string; guidelines: string };

const linkClass = "rounded-md px-2 py-1 text-stone-700 hover:bg-stone-100 hover:text-stone-950 aria-[current=page]:bg-stone-200 aria-[current=page]:font-medium aria-[current=page]:text-stone-950";

/**
 * The top of every project page: name, description, the project's pages (Export for everyone,
 * who may export their own layer; Review and Agreement for reviewers and admins; Settings for admins only;
 * each page checks the role again on the server) and the guidelines.
 */
export function ProjectHeader({
  project,
  viewerRole,
  current,
}: {
  project: HeaderProject;
  viewerRole: Role;
  current?: "articles" | "actors" | "quotes" | "export" | "review" | "agreement" | "settings";
}) {
  const base = `/projects/${project.slug}`;
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h1 className="text-xl font-semibold">{project.name}</h1>
          {project.description ? <p className="text-sm text-stone-700">{project.description}</p> : null}
        </div>
        <nav aria-label="Project" className="flex items-center gap-1 text-sm">
          <Link href={base} className={linkClass} aria-current={current === "articles" ? "page" : undefined}>
            Articles
          </Link>
          <Link href={`${base}/actors`} className={linkClass} aria-current={current === "actors" ? "page" : undefined}>
            Actors
          </Link>
          <Link href={`${base}/export`} className={linkClass} aria-current={current === "export" ? "page" : undefined}>
            Export
          </Link>
          {can(viewerRole, "review.use") ? (
            <Link href={`${base}/review`} className={linkClass} aria-current={current === "review" ? "page" : undefined}>
              Review
            </Link>
          ) : null}
          {can(viewerRole, "review.use") ? (
            <Link href={`${base}/quotes`} className={linkClass} aria-current={current === "quotes" ? "page" : undefined}>
              Quotes
            </Link>
          ) : null}
          {can(viewerRole, "agreement.view") ? (
            <Link href={`${base}/agreement`} className={linkClass} aria-current={current === "agreement" ? "page" : undefined}>
              Agreement
            </Link>
          ) : null}
          {can(viewerRole, "projects.edit") ? (
            <Link href={`${base}/settings`} className={linkClass} aria-current={current === "settings" ? "page" : undefined}>
              Settings
            </Link>
          ) : null}
        </nav>
      </div>
      {project.guidelines.trim() ? (
        <details className="rounded-lg border border-stone-200 bg-white px-4 py-2">
          <summary className="cursor-pointer text-sm font-medium">Guidelines</summary>
          <div className="pb-2 pt-3">
            <Markdown source={project.guidelines} headingLevel={2} />
          </div>
        </details>
      ) : null}
    </header>
  );
}
