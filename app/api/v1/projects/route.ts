import { getDb } from "@/db/client";
import { listProjectsForUser } from "@/db/queries/projects";
import { apiRoute } from "@/app/_server/api";

export const GET = apiRoute(null, async ({ user }) => {
  const projects = await listProjectsForUser(getDb(), user);
  return {
    projects: projects.map((project) => ({
      slug: project.slug,
      name: project.name,
      description: project.description,
      articles: project.articleCount,
    })),
  };
});
