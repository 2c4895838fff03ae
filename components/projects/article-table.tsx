import Link from "next/link";
import { StatusBadge } from "@/components/layout/status-badge";
import type { ArticleListItem } from "@/db/queries/articles";

export function ArticleTable({
  slug,
  items,
  labels,
  showAssignees,
}: {
  slug: string;
  items: ArticleListItem[];
  labels: { key: string; name: string; colour: string }[];
  showAssignees: boolean;
}) {
  if (items.length === 0) {
    return <p className="rounded-lg border border-stone-200 bg-white px-4 py-6 text-center text-sm text-stone-700">No articles match.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Articles</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600">
          <tr>
            <th scope="col" className="px-4 py-2">Title</th>
            <th scope="col" className="px-4 py-2">Outlet</th>
            <th scope="col" className="px-4 py-2">Published</th>
            <th scope="col" className="px-4 py-2">{showAssignees ? "Analysts" : "Status"}</th>
            {labels.map((label) => (
              <th key={label.key} scope="col" className="px-2 py-2 text-right">
                {label.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {items.map((article) => (
            <tr key={article.id}>
              <td className="max-w-md px-4 py-2">
                <Link href={`/projects/${slug}/articles/${encodeURIComponent(article.externalId)}`} className="font-medium hover:underline">
                  {article.title}
                </Link>
              </td>
              <td className="px-4 py-2">{article.outlet ?? "—"}</td>
              <td className="whitespace-nowrap px-4 py-2">{article.publishedAt ?? "—"}</td>
              <td className="px-4 py-2">
                {article.assignees.length === 0 ? (
                  <span className="text-stone-600">{showAssignees ? "Unassigned" : "—"}</span>
                ) : (
                  <ul className="flex flex-wrap gap-1">
                    {article.assignees.map((a) => (
                      <li key={a.userId} className="flex items-center gap-1">
                        {showAssignees ? <span className="text-xs">{a.email.split("@")[0]}</span> : null}
                        <StatusBadge status={a.status} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              {labels.map((label) => (
                <td key={label.key} className="px-2 py-2 text-right tabular-nums">
                  {article.labelCounts[label.key] ?? 0}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
