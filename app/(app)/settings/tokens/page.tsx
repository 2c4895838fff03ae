import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listTokens, type TokenSummary } from "@/db/queries/tokens";
import { requireUser } from "@/app/_server/page-guards";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Access tokens" };

function when(date: Date | null, never: string): string {
  return date ? date.toISOString().slice(0, 16).replace("T", " ") : never;
}

function TokenTable({ tokens, caption, showOwner }: { tokens: TokenSummary[]; caption: string; showOwner: boolean }) {
  const now = new Date();
  if (tokens.length === 0) return <p className="text-sm text-stone-700">No tokens.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600">
          <tr>
            <th scope="col" className="px-4 py-2">Name</th>
            {showOwner ? <th scope="col" className="px-4 py-2">User</th> : null}
            <th scope="col" className="px-4 py-2">Created</th>
            <th scope="col" className="px-4 py-2">Expires</th>
            <th scope="col" className="px-4 py-2">Last used</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {tokens.map((token) => {
            const state = token.revokedAt ? "Revoked" : token.expiresAt && token.expiresAt < now ? "Expired" : "Active";
            return (
              <tr key={token.id}>
                <td className="px-4 py-2 font-medium">{token.name}</td>
                {showOwner ? <td className="px-4 py-2">{token.userEmail}</td> : null}
                <td className="px-4 py-2">{when(token.createdAt, "")}</td>
                <td className="px-4 py-2">{when(token.expiresAt, "Never")}</td>
                <td className="px-4 py-2">{when(token.lastUsedAt, "Never")}</td>
                <td className="px-4 py-2">{state}</td>
                <td className="px-4 py-2 text-right">{state === "Active" ? <RevokeTokenButton id={token.id} name={token.name} /> : null}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export default async function TokensPage() {
  const user = await requireUser("tokens.own");
  const db = getDb();
  const admin = can(user.role, "tokens.revokeAny");
  const [mine, everyone] = await Promise.all([listTokens(db, user.id), admin ? listTokens(db, null) : Promise.resolve([])]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Personal access tokens</h1>
        <p className="text-sm text-stone-700">
          Scripts send a token as <code className="rounded bg-stone-100 px-1">Authorization: Bearer …</code> to the HTTP API under <code className="rounded bg-stone-100 px-1">/api/v1</code>. A token acts with your role, never more, and stops working when revoked, expired, or when your account is disabled.
        </p>
      </div>
      <CreateTokenForm />
      <section aria-labelledby="my-tokens" className="space-y-2">
        <h2 id="my-tokens" className="text-lg font-semibold">Your tokens</h2>
        <TokenTable tokens={mine} caption="Your tokens" showOwner={false} />
      </section>
      {admin ? (
        <section aria-labelledby="all-tokens" className="space-y-2">
          <h2 id="all-tokens" className="text-lg font-semibold">All users’ tokens</h2>
          <TokenTable tokens={everyone} caption="All users’ tokens" showOwner />
        </section>
      ) : null}
    </div>
  );
}
