import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/app/_server/current-user";
import { safeCallbackPath } from "@/lib/auth/callback-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/signin">) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getCurrentUser()) redirect(callbackPath);
  const notice =
    params.reason === "expired"
      ? "Your session has expired. Sign in again to continue."
      : params.reason === "signed-out"
        ? "You are signed out."
        : null;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="space-y-1 text-center">
          <p className="font-serif text-3xl font-semibold tracking-tight">Sourcemark</p>
          <h1 className="text-sm text-stone-600">Sign in to annotate, review and export</h1>
        </div>
        <SignInForm callbackPath={callbackPath} notice={notice} />
      </div>
    </main>
  );
}
