"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ActorNotFoundError, createActor, DuplicateActorError, mergeActors, updateActor } from "@/db/queries/actors";
import { getProjectForUser } from "@/db/queries/projects";
import { defineAction, UserFacingError } from "@/app/_server/actions";
import type { CurrentUser } from "@/app/_server/current-user";
import { actorInputSchema, actorMergeSchema, actorPatchSchema } from "@/lib/validation/actors";

const slug = z.string().min(1).max(100);

async function projectFor(user: CurrentUser, projectSlug: string) {
  const project = await getProjectForUser(getDb(), user, projectSlug);
  if (!project) throw new UserFacingError("This project does not exist or is not yours.");
  return project;
}

function userError(error: unknown): never {
  if (error instanceof DuplicateActorError) throw new UserFacingError(error.message, { name: error.message });
  if (error instanceof ActorNotFoundError) throw new UserFacingError(error.message);
  throw error;
}

export const createActorAction = defineAction("actors.curate", actorInputSchema.extend({ slug }), async ({ slug, ...input }, user) => {
  const project = await projectFor(user, slug);
  const actor = await createActor(getDb(), project.id, input, user.id).catch(userError);
  revalidatePath(`/projects/${project.slug}/actors`);
  return { id: actor.id };
});

export const updateActorAction = defineAction(
  "actors.curate",
  actorPatchSchema.extend({ slug, actorId: z.uuid({ error: "Unknown actor." }) }),
  async ({ slug, actorId, ...patch }, user) => {
    const project = await projectFor(user, slug);
    const actor = await updateActor(getDb(), project.id, actorId, patch, user.id).catch(userError);
    revalidatePath(`/projects/${project.slug}/actors`, "layout");
    return { id: actor.id };
  },
);

export const mergeActorsAction = defineAction("actors.curate", actorMergeSchema.extend({ slug }), async ({ slug, loserId, survivorId }, user) => {
  if (loserId === survivorId) throw new UserFacingError("Choose another actor to merge into.");
  const project = await projectFor(user, slug);
  const result = await mergeActors(getDb(), project.id, { loserId, survivorId }, user.id).catch(userError);
  revalidatePath(`/projects/${project.slug}/actors`, "layout");
  return { survivorId: result.survivor.id, moved: result.moved };
});
