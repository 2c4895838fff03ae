"use client";

import Link from "next/link";
import { ActorFormButton, KIND_LABELS, type EditableActor } from "./actor-form-dialog";
import { MergeActorButton } from "./merge-actor-button";

export type RegisterRow = EditableActor & { mentions: number; score?: number };

/** The register as a table; curators (admins, reviewers) get Edit and Merge on each row. */
export function ActorRegisterTable({ slug, rows, register, canCurate }: { slug: string; rows: RegisterRow[]; register: { id: string; name: string }[]; canCurate: boolean }) {
  const scored = rows.some((row) => row.score !== undefined);
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">Actors of this project</caption>
      <thead>
        <tr className="border-b border-stone-300 text-xs uppercase tracking-wide text-stone-700">
          <th scope="col" className="py-2 pr-3">Name</th>
          <th scope="col" className="py-2 pr-3">Kind</th>
          <th scope="col" className="py-2 pr-3">Aliases</th>
          <th scope="col" className="py-2 pr-3">External id</th>
          <th scope="col" className="py-2 pr-3 text-right">Mentions</th>
          {scored ? <th scope="col" className="py-2 pr-3 text-right">Match</th> : null}
          {canCurate ? <th scope="col" className="py-2"><span className="sr-only">Actions</span></th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-b border-stone-100 align-top">
            <td className="py-2 pr-3">
              <Link href={`/projects/${slug}/actors/${row.id}`} className="font-medium underline">
                {row.name}
              </Link>
              {row.description ? <p className="text-xs text-stone-600">{row.description}</p> : null}
            </td>
            <td className="py-2 pr-3">{KIND_LABELS[row.kind]}</td>
            <td className="py-2 pr-3 text-stone-700">{row.aliases.join(", ") || <span className="text-stone-500">None</span>}</td>
            <td className="py-2 pr-3 font-mono text-xs">{row.externalId ?? ""}</td>
            <td className="py-2 pr-3 text-right tabular-nums">{row.mentions}</td>
            {scored ? <td className="py-2 pr-3 text-right tabular-nums">{row.score?.toFixed(2)}</td> : null}
            {canCurate ? (
              <td className="py-1 text-right whitespace-nowrap">
                <ActorFormButton slug={slug} actor={row} />
                <MergeActorButton slug={slug} actor={row} register={register} />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
