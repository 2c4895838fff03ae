import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg space-y-3 px-4 py-16 text-center">
      <p className="text-sm font-medium text-stone-600">404</p>
      <h1 className="text-2xl font-semibold">Nothing here</h1>
      <p className="text-stone-700">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className="text-sm underline">
        Back to my queue
      </Link>
    </main>
  );
}
