import Link from "next/link";
import { requireUser } from "@/app/_server/page-guards";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { can, ROLE_LABELS } from "@/lib/permissions";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="min-h-screen">
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-2.5">
          <Link href="/" className="font-serif text-lg font-semibold tracking-tight">
            Sourcemark
          </Link>
          <nav aria-label="Main" className="flex items-center gap-4 text-sm">
            <Link href="/" className="text-stone-700 hover:text-stone-950">
              My queue
            </Link>
            <Link href="/settings/tokens" className="text-stone-700 hover:text-stone-950">
              Tokens
            </Link>
            {can(user.role, "users.manage") ? (
              <Link href="/admin/users" className="text-stone-700 hover:text-stone-950">
                Users
              </Link>
            ) : null}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-stone-700">
              {user.name} <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700">{ROLE_LABELS[user.role]}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
