import type { ReviewBoard } from "@/db/queries/review-board";

const DECISION_NAMES: Record<string, string> = { accept: "accepted", edit: "edited", add: "added", reject: "rejected" };

/** The gold layer as it grows, each span with where it came from and who decided. */
export function GoldTable({ gold, labelName }: { gold: ReviewBoard["gold"]; labelName: (key: string) => string }) {
  if (gold.length === 0) return <p className="text-sm text-stone-700">No gold span yet. Accept, edit or add spans to build it.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Gold layer, with the provenance of each span</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-stone-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Label</th>
            <th scope="col" className="px-3 py-2 font-medium">Text</th>
            <th scope="col" className="px-3 py-2 font-medium">Bounds</th>
            <th scope="col" className="px-3 py-2 font-medium">Speaker / actor</th>
            <th scope="col" className="px-3 py-2 font-medium">From analysts</th>
            <th scope="col" className="px-3 py-2 font-medium">Decided by</th>
          </tr>
        </thead>
        <tbody>
          {gold.map((span) => (
            <tr key={span.id} className="border-b border-stone-100 align-top last:border-0">
              <td className="px-3 py-2 font-medium">{labelName(span.label)}</td>
              <th scope="row" className="max-w-md px-3 py-2 font-normal">“{span.text}”</th>
              <td className="px-3 py-2 tabular-nums text-stone-700">{span.start}–{span.end}</td>
              <td className="px-3 py-2 text-stone-700">
                {span.speaker
                  ? `said by ${span.speaker.name}`
                  : span.pendingSpeaker
                    ? `speaker “${span.pendingSpeaker.text}” (${span.pendingSpeaker.start}–${span.pendingSpeaker.end}) is linked once that ACTOR is in gold`
                    : span.actor
                      ? `= ${span.actor}`
                      : "—"}
              </td>
              <td className="px-3 py-2 text-stone-700">
                {span.provenance
                  ? span.provenance.sources.length > 0
                    ? [...new Set(span.provenance.sources.map((source) => source.email ?? "a removed layer"))].join(", ")
                    : "none (added by the reviewer)"
                  : "not from a review decision"}
              </td>
              <td className="px-3 py-2 text-stone-700">
                {span.provenance ? `${span.provenance.decidedBy ?? "a removed user"} (${DECISION_NAMES[span.provenance.decision] ?? span.provenance.decision})` : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
