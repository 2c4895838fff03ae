import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg space-y-3 px-4 py-16 text-center">
      <p className="text-sm font-medium text-stone-600">403</p>
      <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
      <p className="text-stone-700">Your role does not allow this. Ask an admin if you need it.</p>
      <Link href="/" className="text-sm underline">
        Back to my queue
      </Link>
    </main>
  );
}
