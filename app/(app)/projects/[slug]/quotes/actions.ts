"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getProjectForUser } from "@/db/queries/projects";
import { addClusterDecisions, setQuoteThreshold } from "@/db/queries/quotes";
import { defineAction, UserFacingError } from "@/app/_server/actions";
import type { CurrentUser } from "@/app/_server/current-user";
import { mergeClustersSchema, quoteThresholdSchema, splitClusterSchema } from "@/lib/validation/quote-clusters";

async function projectOf(user: CurrentUser, slug: string) {
  const project = await getProjectForUser(getDb(), user, slug);
  if (!project) throw new UserFacingError("This project no longer exists.");
  return project;
}

/** Splits quotes off their cluster: each of them is kept apart from each quote that stays, whatever the scores say later. */
export const splitClusterAction = defineAction("review.use", splitClusterSchema, async ({ slug, moving, staying }, user) => {
  const project = await projectOf(user, slug);
  const overlap = moving.filter((key) => staying.includes(key));
  if (overlap.length) throw new UserFacingError("A quote cannot both move and stay.");
  const decisions = moving.flatMap((a) => staying.map((b) => ({ kind: "apart" as const, a, b })));
  if (decisions.length > 10_000) throw new UserFacingError("Split fewer quotes at a time.");
  await addClusterDecisions(getDb(), project.id, user.id, decisions, "split");
  revalidatePath(`/projects/${slug}/quotes`, "layout");
  return { decisions: decisions.length };
});

/** Merges two clusters (named by one quote of each): the two are kept together from now on. */
export const mergeClustersAction = defineAction("review.use", mergeClustersSchema, async ({ slug, a, b }, user) => {
  const project = await projectOf(user, slug);
  if (a === b) throw new UserFacingError("Pick another cluster to merge with.");
  await addClusterDecisions(getDb(), project.id, user.id, [{ kind: "together", a, b }], "merge");
  revalidatePath(`/projects/${slug}/quotes`, "layout");
  return { merged: true };
});

export const setQuoteThresholdAction = defineAction("review.use", quoteThresholdSchema, async ({ slug, threshold }, user) => {
  const project = await projectOf(user, slug);
  await setQuoteThreshold(getDb(), project.id, user.id, threshold);
  revalidatePath(`/projects/${slug}/quotes`, "layout");
  return { threshold };
});
