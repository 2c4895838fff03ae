"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createProject, DuplicateSlugError } from "@/db/queries/projects";
import { defineAction, UserFacingError } from "@/app/_server/actions";
import { newProjectSchema } from "@/lib/validation/projects";

export const createProjectAction = defineAction("projects.create", newProjectSchema, async (input, user) => {
  try {
    const project = await createProject(getDb(), { ...input, createdBy: user.id });
    revalidatePath("/");
    return { slug: project.slug };
  } catch (error) {
    if (error instanceof DuplicateSlugError) throw new UserFacingError(error.message, { slug: error.message });
    throw error;
  }
});
