import { formatValue, SUGGESTION_MEASURES, type SuggestionMeasure, type SuggestionReport } from "@/lib/agreement";
import { captionClass, headClass, labelTitle, tableClass } from "./figure-cell";

const MEASURE_NAMES: Record<SuggestionMeasure, string> = {
  precision: "Precision",
  recall: "Recall",
  f1_exact: "Exact F1",
  f1_overlap: "Overlap F1",
};

const UNITS: Record<SuggestionMeasure, [string, string]> = {
  precision: ["suggestion", "suggestions"],
  recall: ["gold span", "gold spans"],
  f1_exact: ["span", "spans"],
  f1_overlap: ["span", "spans"],
};

/** The model's suggestions against gold over the project: one row per label, one column per measure. */
export function SuggestionFiguresTable({ report }: { report: SuggestionReport }) {
  const figure = (measure: SuggestionMeasure, label: string | null) =>
    report.figures.find((f) => f.measure === measure && f.label === label && f.article === null);
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className={tableClass}>
        <caption className={captionClass}>Suggestions against gold, by label</caption>
        <thead className={headClass}>
          <tr>
            <th scope="col" className="px-4 py-2">Label</th>
            {SUGGESTION_MEASURES.map((measure) => (
              <th key={measure} scope="col" className="px-3 py-2 text-right">
                {MEASURE_NAMES[measure]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {[...report.labels, null].map((label) => (
            <tr key={label ?? "all"}>
              <th scope="row" className="px-4 py-2 font-medium">{labelTitle(label)}</th>
              {SUGGESTION_MEASURES.map((measure) => {
                const f = figure(measure, label);
                const units = f?.units ?? 0;
                return (
                  <td key={measure} className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                    {f?.value === null || f === undefined ? (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className="sr-only">undefined</span>
                      </>
                    ) : (
                      <span className="font-medium text-stone-950">{formatValue(f.value)}</span>
                    )}
                    <span className="block text-xs text-stone-600">
                      {units} {UNITS[measure][units === 1 ? 0 : 1]}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
