import { getDb } from "@/db/client";
import { listProjectMembers, listUsersOutsideProject } from "@/db/queries/projects";
import { AddMemberForm } from "./add-member-form";
import { MemberRow } from "./member-row";

/** The settings page's member list and the form to add one (the page has checked the permission). */
export async function ProjectMembers({ project }: { project: { id: string; name: string } }) {
  const db = getDb();
  const [members, outside] = await Promise.all([listProjectMembers(db, project.id), listUsersOutsideProject(db, project.id)]);
  const candidates = outside.filter((user) => user.role !== "admin" && !user.disabled);
  return (
    <section aria-labelledby="members-heading" className="space-y-4">
      <div>
        <h2 id="members-heading" className="text-lg font-semibold">
          Members
        </h2>
        <p className="text-sm text-stone-700">The analysts and reviewers who see this project. Admins see every project.</p>
      </div>
      {members.length === 0 ? (
        <p className="text-sm text-stone-700">No members yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Members of {project.name}</caption>
            <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600">
              <tr>
                <th scope="col" className="px-4 py-2">Name</th>
                <th scope="col" className="px-4 py-2">Email</th>
                <th scope="col" className="px-4 py-2">Role</th>
                <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {members.map((member) => (
                <MemberRow key={member.id} projectId={project.id} projectName={project.name} member={member} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddMemberForm projectId={project.id} candidates={candidates} />
    </section>
  );
}
