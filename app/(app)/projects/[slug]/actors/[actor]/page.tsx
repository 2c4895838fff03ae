import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getProjectForUser } from "@/db/queries/projects";
import { actorAttributions, actorMentions, getActor } from "@/db/queries/actors";
import { requireUser } from "@/app/_server/page-guards";
import { ProjectHeader } from "@/components/projects/project-header";
import { ActorFormButton, KIND_LABELS } from "@/components/actors/actor-form-dialog";
import { buttonClass } from "@/components/ui/button";
import { layerName } from "@/lib/actors/layer-name";
import { can } from "@/lib/permissions";
import { clusteredProjectQuotes } from "@/db/queries/quotes";
import { actorStatements } from "@/lib/quotes/story";
import { ActorStatements } from "@/components/quotes/actor-statements";

export async function generateMetadata(): Promise<Metadata> {
  return { title: "Actor" };
}

function readerHref(slug: string, externalId: string, layer: { kind: string; email: string | null }, viewerEmail: string) {
  const base = `/projects/${slug}/articles/${encodeURIComponent(externalId)}`;
  if (layer.kind === "gold") return `${base}?layer=gold`;
  if (layer.kind === "analyst" && layer.email && layer.email !== viewerEmail) return `${base}?layer=${encodeURIComponent(layer.email)}`;
  return base;
}

function trimContext(text: string, side: "before" | "after"): string {
  const points = Array.from(text.replace(/\s+/g, " "));
  if (points.length <= 80) return points.join("");
  return side === "before" ? `…${points.slice(-80).join("")}` : `${points.slice(0, 80).join("")}…`;
}

/** One canonical actor: details, every quote and claim attributed to it (with CSV), every mention. */
export default async function ActorPage({ params }: PageProps<"/projects/[slug]/actors/[actor]">) {
  const { slug, actor: actorParam } = await params;
  const user = await requireUser();
  if (!z.uuid().safeParse(actorParam).success) notFound();
  const db = getDb();
  const project = await getProjectForUser(db, user, slug);
  if (!project) notFound();
  const actor = await getActor(db, project.id, actorParam);
  if (!actor) notFound();
  if (actor.id !== actorParam) redirect(`/projects/${project.slug}/actors/${actor.id}`);
  const reviewer = can(user.role, "review.use");
  const [quotes, mentions, goldQuotes] = await Promise.all([
    actorAttributions(db, project.id, actor.id, user),
    actorMentions(db, project.id, actor.id, user),
    reviewer ? clusteredProjectQuotes(db, project, { kind: "gold" }) : Promise.resolve(null),
  ]);
  const statements = goldQuotes ? actorStatements(goldQuotes, actor.id) : null;
  const csvHref = `/api/v1/projects/${project.slug}/actors/${actor.id}/quotes?format=csv`;
  const wikidata = actor.externalId && /^Q\d+$/.test(actor.externalId) ? `https://www.wikidata.org/wiki/${actor.externalId}` : null;

  return (
    <div className="space-y-6">
      <ProjectHeader project={project} viewerRole={user.role} current="actors" />
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/projects/${project.slug}/actors`} className="underline">
          Actors
        </Link>
      </nav>
      <section aria-labelledby="actor-heading" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 id="actor-heading" className="text-xl font-semibold">
              {actor.name}
            </h2>
            <p className="text-sm text-stone-700">
              {KIND_LABELS[actor.kind]}
              {actor.externalId ? (
                <>
                  {" · "}
                  {wikidata ? (
                    <a href={wikidata} className="underline" rel="noreferrer noopener" target="_blank">
                      {actor.externalId}
                    </a>
                  ) : (
                    <span className="font-mono">{actor.externalId}</span>
                  )}
                </>
              ) : null}
            </p>
          </div>
          {can(user.role, "actors.curate") ? (
            <ActorFormButton
              slug={project.slug}
              actor={{ id: actor.id, name: actor.name, aliases: actor.aliases, kind: actor.kind, externalId: actor.externalId, description: actor.description }}
            />
          ) : null}
        </div>
        {actor.description ? <p className="text-sm">{actor.description}</p> : null}
        <p className="text-sm">
          <span className="font-medium">Also written as: </span>
          {actor.aliases.length ? actor.aliases.join(", ") : <span className="text-stone-600">no aliases yet</span>}
        </p>
      </section>

      <section aria-labelledby="quotes-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h3 id="quotes-heading" className="text-lg font-semibold">
            Quotes and claims <span className="font-normal text-stone-600">({quotes.length})</span>
          </h3>
          <a href={csvHref} download className={buttonClass("secondary")}>
            Download CSV
          </a>
        </div>
        {user.role === "analyst" ? <p className="text-xs text-stone-600">Annotation is blind: you see the attributions of your own layer.</p> : null}
        {quotes.length === 0 ? (
          <p className="text-sm text-stone-700">Nothing is attributed to {actor.name} yet.</p>
        ) : (
          <ol className="space-y-3">
            {quotes.map((quote) => (
              <li key={`${quote.spanId}`} className="rounded-lg border border-stone-200 bg-white p-3">
                <p className="text-xs text-stone-700">
                  <Link href={readerHref(project.slug, quote.article.externalId, quote.layer, user.email)} className="font-medium underline">
                    {quote.article.title}
                  </Link>
                  {" · "}
                  {[quote.article.outlet, quote.article.publishedAt, quote.label, layerName(quote.layer)].filter(Boolean).join(" · ")}
                </p>
                <blockquote className="mt-1 font-serif text-[0.95rem] leading-7">
                  <span className="text-stone-500">{trimContext(quote.before, "before")}</span>
                  <mark className="rounded bg-amber-100 px-0.5 text-stone-950">{quote.text}</mark>
                  <span className="text-stone-500">{trimContext(quote.after, "after")}</span>
                </blockquote>
              </li>
            ))}
          </ol>
        )}
      </section>

      {statements ? <ActorStatements slug={project.slug} name={actor.name} clusters={statements.clusters} timeline={statements.timeline} /> : null}

      <section aria-labelledby="mentions-heading" className="space-y-3">
        <h3 id="mentions-heading" className="text-lg font-semibold">
          Mentions <span className="font-normal text-stone-600">({mentions.length})</span>
        </h3>
        {mentions.length === 0 ? (
          <p className="text-sm text-stone-700">No span links to {actor.name}.</p>
        ) : (
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Spans linked to {actor.name}</caption>
            <thead>
              <tr className="border-b border-stone-300 text-xs uppercase tracking-wide text-stone-700">
                <th scope="col" className="py-2 pr-3">Article</th>
                <th scope="col" className="py-2 pr-3">Outlet</th>
                <th scope="col" className="py-2 pr-3">Date</th>
                <th scope="col" className="py-2 pr-3">Text</th>
                <th scope="col" className="py-2 pr-3">Layer</th>
              </tr>
            </thead>
            <tbody>
              {mentions.map((mention) => (
                <tr key={mention.spanId} className="border-b border-stone-100">
                  <td className="py-1.5 pr-3">
                    <Link href={readerHref(project.slug, mention.article.externalId, mention.layer, user.email)} className="underline">
                      {mention.article.title}
                    </Link>
                  </td>
                  <td className="py-1.5 pr-3">{mention.article.outlet}</td>
                  <td className="py-1.5 pr-3 whitespace-nowrap">{mention.article.publishedAt}</td>
                  <td className="py-1.5 pr-3 font-serif">{mention.text}</td>
                  <td className="py-1.5 pr-3 text-xs">{layerName(mention.layer)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
