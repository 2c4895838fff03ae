"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { assignProject, AssignmentError } from "@/db/queries/assignments";
import { getProjectForUser } from "@/db/queries/projects";
import { defineAction, UserFacingError } from "@/app/_server/actions";

export const assignArticlesAction = defineAction(
  "articles.assign",
  z.object({ slug: z.string().min(1).max(60), overlap: z.coerce.number().int().min(1).max(20) }),
  async ({ slug, overlap }, user) => {
    const db = getDb();
    const project = await getProjectForUser(db, user, slug);
    if (!project) throw new UserFacingError("This project no longer exists.");
    try {
      const result = await assignProject(db, project.id, { overlap });
      revalidatePath(`/projects/${slug}`);
      return result;
    } catch (error) {
      if (error instanceof AssignmentError) throw new UserFacingError(error.message);
      throw error;
    }
  },
);
