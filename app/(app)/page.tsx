import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listQueue } from "@/db/queries/assignments";
import { listProjectsForUser } from "@/db/queries/projects";
import { requireUser } from "@/app/_server/page-guards";
import { StatusBadge } from "@/components/layout/status-badge";
import { OpenNextKey } from "@/components/layout/open-next-key";
import { buttonClass } from "@/components/ui/button";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "My queue" };

export default async function QueuePage() {
  const user = await requireUser();
  const db = getDb();
  const [queue, projects] = await Promise.all([listQueue(db, user.id), listProjectsForUser(db, user)]);
  const open = queue.filter((item) => item.status !== "done").length;
  const next = queue.find((item) => item.status !== "done");
  const nextHref = next ? `/projects/${next.projectSlug}/articles/${encodeURIComponent(next.externalId)}` : null;
  return (
    <div className="grid gap-8 md:grid-cols-[2fr_1fr]">
      <section aria-labelledby="queue-heading" className="space-y-3">
        <div className="flex items-center justify-between gap-3">
          <h1 id="queue-heading" className="text-xl font-semibold">
            My queue
          </h1>
          <OpenNextKey href={nextHref} />
        </div>
        <p className="text-sm text-stone-700">
          {queue.length === 0
            ? "No articles are assigned to you yet."
            : `${open} of ${queue.length} assigned article${queue.length === 1 ? "" : "s"} still open.`}
        </p>
        {queue.length > 0 ? (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {queue.map((item) => (
              <li key={`${item.projectSlug}/${item.externalId}`} className="flex items-center gap-3 px-4 py-2.5">
                <div className="min-w-0 flex-1">
                  <Link
                    href={`/projects/${item.projectSlug}/articles/${encodeURIComponent(item.externalId)}`}
                    className="font-medium hover:underline"
                  >
                    {item.title}
                  </Link>
                  <p className="truncate text-xs text-stone-600">
                    {item.projectName}
                    {item.outlet ? ` · ${item.outlet}` : ""}
                  </p>
                </div>
                <StatusBadge status={item.status} />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="projects-heading" className="space-y-3">
        <div className="flex items-center justify-between gap-2">
          <h2 id="projects-heading" className="text-xl font-semibold">
            Projects
          </h2>
          {can(user.role, "projects.create") ? (
            <Link href="/projects/new" className={buttonClass("secondary")}>
              New project
            </Link>
          ) : null}
        </div>
        {projects.length === 0 ? (
          <p className="text-sm text-stone-700">You are not a member of any project yet.</p>
        ) : (
          <ul className="space-y-2">
            {projects.map((project) => (
              <li key={project.id} className="rounded-lg border border-stone-200 bg-white px-4 py-2.5">
                <Link href={`/projects/${project.slug}`} className="font-medium hover:underline">
                  {project.name}
                </Link>
                <p className="text-xs text-stone-600">
                  {project.articleCount} article{project.articleCount === 1 ? "" : "s"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
