import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listUsers } from "@/db/queries/users";
import { requireUser } from "@/app/_server/page-guards";
import { CreateUserButton } from "@/components/admin/create-user-button";
import { UserRow } from "@/components/admin/user-row";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requireUser("users.manage");
  const users = await listUsers(getDb());
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">Users</h1>
        <CreateUserButton />
      </div>
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">All users</caption>
          <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600">
            <tr>
              <th scope="col" className="px-4 py-2">Name</th>
              <th scope="col" className="px-4 py-2">Email</th>
              <th scope="col" className="px-4 py-2">Role</th>
              <th scope="col" className="px-4 py-2">Status</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {users.map((user) => (
              <UserRow key={user.id} user={user} isSelf={user.id === admin.id} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
