import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getProjectForUser } from "@/db/queries/projects";
import { listActors, searchActors } from "@/db/queries/actors";
import { requireUser } from "@/app/_server/page-guards";
import { ProjectHeader } from "@/components/projects/project-header";
import { ActorFormButton } from "@/components/actors/actor-form-dialog";
import { ActorRegisterTable, type RegisterRow } from "@/components/actors/actor-register-table";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { can } from "@/lib/permissions";

export async function generateMetadata({ params }: PageProps<"/projects/[slug]/actors">): Promise<Metadata> {
  return { title: `Actors · ${(await params).slug}` };
}

/** The project's register of canonical actors: search (fuzzy), and for curators create, edit and merge. */
export default async function ActorsPage({ params, searchParams }: PageProps<"/projects/[slug]/actors">) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const user = await requireUser();
  const db = getDb();
  const project = await getProjectForUser(db, user, slug);
  if (!project) notFound();
  const q = typeof query.q === "string" ? query.q.trim().slice(0, 300) : "";
  const register = await listActors(db, project.id, user);
  let rows: RegisterRow[] = register;
  if (q) {
    const mentions = new Map(register.map((actor) => [actor.id, actor.mentions]));
    rows = (await searchActors(db, project.id, q, 50)).map((match) => ({ ...match, mentions: mentions.get(match.id) ?? 0 }));
  }
  const canCurate = can(user.role, "actors.curate");

  return (
    <div className="space-y-6">
      <ProjectHeader project={project} viewerRole={user.role} current="actors" />
      <section aria-labelledby="actors-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="actors-heading" className="text-lg font-semibold">
            Actors <span className="font-normal text-stone-600">({register.length})</span>
          </h2>
          {canCurate ? <ActorFormButton slug={project.slug} /> : null}
        </div>
        <form role="search" method="get" className="flex max-w-md items-end gap-2">
          <div className="flex-1 space-y-1">
            <label htmlFor="actor-search" className="block text-sm font-medium text-stone-800">
              Find an actor
            </label>
            <input id="actor-search" name="q" type="search" defaultValue={q} placeholder="Name or alias, even misspelt" className={inputClass} />
          </div>
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
        {q ? <p className="text-sm text-stone-700">{rows.length === 0 ? `No actor matches “${q}”.` : `Best matches for “${q}”, closest first.`}</p> : null}
        {rows.length > 0 ? (
          <ActorRegisterTable slug={project.slug} rows={rows} register={register.map((actor) => ({ id: actor.id, name: actor.name }))} canCurate={canCurate} />
        ) : !q ? (
          <p className="text-sm text-stone-700">No actors yet. They are added when an ACTOR span is linked to a new name{canCurate ? ", or here" : ""}.</p>
        ) : null}
      </section>
    </div>
  );
}
