import { MEASURE_INFO, POOLING, labelColumns, projectRows, type AgreementReport } from "@/lib/agreement";
import { FigureCell, captionClass, headClass, labelTitle, tableClass } from "./figure-cell";

/** The whole project: one row per measure, one column per label and all labels together. */
export function ProjectFiguresTable({ report }: { report: AgreementReport }) {
  const columns = labelColumns(report);
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className={tableClass}>
        <caption className={captionClass}>Whole project, by measure and label</caption>
        <thead className={headClass}>
          <tr>
            <th scope="col" className="px-4 py-2">Measure</th>
            {columns.map((label) => (
              <th key={label ?? "all"} scope="col" className="px-3 py-2 text-right">
                {labelTitle(label)}
              </th>
            ))}
            <th scope="col" className="px-4 py-2">Over</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {projectRows(report).map((row) => (
            <tr key={row.measure}>
              <th scope="row" className="px-4 py-2 font-medium">
                {MEASURE_INFO[row.measure].name}
                <span className="block font-mono text-xs font-normal text-stone-600">{row.measure}</span>
              </th>
              {row.cells.map((cell, i) => (
                <FigureCell key={columns[i] ?? "all"} measure={row.measure} cell={cell} />
              ))}
              <td className="px-4 py-2 text-xs text-stone-700">{POOLING[row.measure].note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
