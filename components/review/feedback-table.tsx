import type { AnalystFeedback } from "@/lib/review/feedback";

const fmt = (value: number | null) => (value === null ? "—" : value.toFixed(2));

/** Each analyst's precision, recall and F1 against gold, per label and for all labels. */
export function FeedbackTable({ feedback, labelName }: { feedback: AnalystFeedback[]; labelName: (key: string) => string }) {
  const labels = feedback[0]?.byLabel.map((row) => row.label as string) ?? [];
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Each analyst against gold: precision, recall and F1 per label</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-stone-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Analyst</th>
            {labels.map((label) => (
              <th key={label} scope="col" className="px-3 py-2 font-medium">{labelName(label)} P / R / F1</th>
            ))}
            <th scope="col" className="px-3 py-2 font-medium">All labels P / R / F1</th>
          </tr>
        </thead>
        <tbody>
          {feedback.map((row) => (
            <tr key={row.email} className="border-b border-stone-100 last:border-0">
              <th scope="row" className="px-3 py-2 font-normal">{row.email}</th>
              {[...row.byLabel, row.all].map((cell) => (
                <td key={cell.label ?? "all"} className="px-3 py-2 tabular-nums">
                  {fmt(cell.precision)} / {fmt(cell.recall)} / {fmt(cell.f1)}
                  <span className="block text-xs text-stone-600">
                    {cell.candidateSpans} theirs, {cell.referenceSpans} gold
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
