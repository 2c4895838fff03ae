import Link from "next/link";
import { formatValue, labelColumns, type AgreementReport, type ArticleRow } from "@/lib/agreement";
import { FigureCell, captionClass, headClass, labelTitle, tableClass } from "./figure-cell";

/**
 * Articles compared, most disagreement first: who was compared, the disagreement score, exact
 * F1 per label (over the article's pairs) and alpha-u over everyone who annotated it.
 */
export function ArticleFiguresTable({
  slug,
  report,
  rows,
  titles,
}: {
  slug: string;
  report: AgreementReport;
  rows: ArticleRow[];
  titles: Map<string, string>;
}) {
  const columns = labelColumns(report);
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className={tableClass}>
        <caption className={captionClass}>Articles by disagreement, most first</caption>
        <thead className={headClass}>
          <tr>
            <th scope="col" className="px-4 py-2">Article</th>
            <th scope="col" className="px-3 py-2">Analysts</th>
            <th scope="col" className="px-3 py-2 text-right">Disagreement</th>
            {columns.map((label) => (
              <th key={label ?? "all"} scope="col" className="px-3 py-2 text-right">
                {labelTitle(label)}
                <span className="block font-normal normal-case tracking-normal">F1 exact</span>
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right">
              All labels
              <span className="block font-normal normal-case tracking-normal">α-u</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {rows.map((row) => (
            <tr key={row.article}>
              <th scope="row" className="max-w-xs px-4 py-2 font-normal">
                <Link href={`/projects/${slug}/articles/${encodeURIComponent(row.article)}`} className="font-medium hover:underline">
                  {titles.get(row.article) ?? row.article}
                </Link>
                <span className="block truncate font-mono text-xs text-stone-600">{row.article}</span>
              </th>
              <td className="px-3 py-2 text-xs">
                <ul>
                  {row.annotators.map((email) => (
                    <li key={email}>{email}</li>
                  ))}
                </ul>
              </td>
              <td className="px-3 py-2 text-right font-medium tabular-nums">{formatValue(row.disagreement)}</td>
              {row.f1Exact.map((cell, i) => (
                <FigureCell key={columns[i] ?? "all"} measure="f1_exact" cell={cell} />
              ))}
              <FigureCell measure="alpha_u" cell={row.alphaU[columns.length - 1]} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
