import { pairRows, type AgreementMeasure, type AgreementReport } from "@/lib/agreement";
import { FigureCell, captionClass, headClass, labelTitle, tableClass } from "./figure-cell";

/** Each pair of analysts over the articles both annotated: exact F1 and Cohen's κ per label. */
export function PairFiguresTable({ report }: { report: AgreementReport }) {
  const pairs = pairRows(report);
  const columns = [...report.labels, null];
  // index into a row's cells, which follow labelColumns: the labels, then null
  const columnOf = (label: string | null) => (label === null ? report.labels.length : report.labels.indexOf(label));
  type Header = { key: string; label: string | null; measure: AgreementMeasure; title: string };
  const headers = columns.flatMap((label): Header[] =>
    label === null
      ? [{ key: "all-f1", label, measure: "f1_exact", title: "F1 exact" }]
      : [
          { key: `${label}-f1`, label, measure: "f1_exact", title: "F1 exact" },
          { key: `${label}-kappa`, label, measure: "cohen_kappa", title: "Cohen's κ" },
        ],
  );
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className={tableClass}>
        <caption className={captionClass}>Pairs of analysts: exact F1 and Cohen&apos;s κ per label, over the articles both annotated</caption>
        <thead className={headClass}>
          <tr>
            <th scope="col" className="px-4 py-2">Pair</th>
            {headers.map((header) => (
              <th key={header.key} scope="col" className="px-3 py-2 text-right">
                {labelTitle(header.label)}
                <span className="block font-normal normal-case tracking-normal">{header.title}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {pairs.map(({ pair, rows }) => (
            <tr key={pair.join(" ")}>
              <th scope="row" className="px-4 py-2 font-medium">
                {pair[0]}
                <span className="block text-xs font-normal text-stone-600">and {pair[1]}</span>
              </th>
              {headers.map((header) => {
                const row = rows.find((r) => r.measure === header.measure);
                const cell = row ? row.cells[columnOf(header.label)] : null;
                return <FigureCell key={header.key} measure={header.measure} cell={cell} />;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
