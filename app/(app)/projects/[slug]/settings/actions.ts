"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import {
  addProjectMember,
  DuplicateSlugError,
  getProjectById,
  LabelInUseError,
  listLabelsWithUsage,
  removeProjectMember,
  replaceLabels,
  UnknownLabelError,
  updateProject,
} from "@/db/queries/projects";
import { getUserById } from "@/db/queries/users";
import { defineAction, UserFacingError } from "@/app/_server/actions";
import { labelSetSchema, projectDetailsUpdateSchema } from "@/lib/validation/projects";

const projectId = z.uuid({ error: "Unknown project." });
const userId = z.uuid({ error: "Choose a user." });

async function requireProject(id: string) {
  const project = await getProjectById(getDb(), id);
  if (!project) throw new UserFacingError("This project no longer exists.");
  return project;
}

function revalidateProject(slug: string) {
  revalidatePath(`/projects/${slug}`, "layout");
  revalidatePath("/");
}

export const updateProjectDetailsAction = defineAction(
  "projects.edit",
  projectDetailsUpdateSchema.extend({ projectId }),
  async ({ projectId, ...details }) => {
    const before = await requireProject(projectId);
    try {
      const project = await updateProject(getDb(), projectId, details);
      if (!project) throw new UserFacingError("This project no longer exists.");
      revalidateProject(before.slug);
      revalidateProject(project.slug);
      return { slug: project.slug };
    } catch (error) {
      if (error instanceof DuplicateSlugError) throw new UserFacingError(error.message, { slug: error.message });
      throw error;
    }
  },
);

export const replaceLabelsAction = defineAction(
  "projects.edit",
  z.object({ projectId, labels: labelSetSchema }),
  async ({ projectId, labels }) => {
    const project = await requireProject(projectId);
    try {
      await replaceLabels(getDb(), projectId, labels);
    } catch (error) {
      if (error instanceof LabelInUseError || error instanceof UnknownLabelError) throw new UserFacingError(error.message);
      throw error;
    }
    revalidateProject(project.slug);
    return { labels: await listLabelsWithUsage(getDb(), projectId) };
  },
);

export const addMemberAction = defineAction(
  "projects.edit",
  z.object({ projectId, userId }),
  async ({ projectId, userId }) => {
    const project = await requireProject(projectId);
    const user = await getUserById(getDb(), userId);
    if (!user) throw new UserFacingError("This user no longer exists.");
    const added = await addProjectMember(getDb(), projectId, userId);
    revalidateProject(project.slug);
    return { added, email: user.email };
  },
);

export const removeMemberAction = defineAction(
  "projects.edit",
  z.object({ projectId, userId }),
  async ({ projectId, userId }) => {
    const project = await requireProject(projectId);
    const removed = await removeProjectMember(getDb(), projectId, userId);
    revalidateProject(project.slug);
    return { removed };
  },
);
