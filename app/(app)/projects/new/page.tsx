import type { Metadata } from "next";
import { requireUser } from "@/app/_server/page-guards";
import { NewProjectForm } from "@/components/projects/new-project-form";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage() {
  await requireUser("projects.create");
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-xl font-semibold">New project</h1>
      <NewProjectForm />
    </div>
  );
}
