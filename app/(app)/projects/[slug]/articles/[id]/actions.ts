"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getArticleForViewer } from "@/db/queries/articles";
import { setAssignmentStatus } from "@/db/queries/assignments";
import { getProjectForUser } from "@/db/queries/projects";
import { defineAction, UserFacingError } from "@/app/_server/actions";

/** The analyst marks their own assignment done (or reopens it). */
export const setMyStatusAction = defineAction(
  "articles.annotate",
  z.object({ slug: z.string().min(1).max(60), id: z.string().min(1).max(500), status: z.enum(["in_progress", "done"]) }),
  async ({ slug, id, status }, user) => {
    const db = getDb();
    const project = await getProjectForUser(db, user, slug);
    const article = project ? await getArticleForViewer(db, user, project.id, id) : null;
    if (!project || !article) throw new UserFacingError("This article is not available to you.");
    if (!(await setAssignmentStatus(db, article.id, user.id, status))) {
      throw new UserFacingError("This article is not assigned to you.");
    }
    revalidatePath("/");
    return { status };
  },
);
