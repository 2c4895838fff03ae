import { UNIT_KIND_NAMES, type ReviewSpan } from "@/lib/review/types";
import type { ReviewBoard } from "@/db/queries/review-board";
import { Button } from "@/components/ui/button";

type Unit = ReviewBoard["units"][number];

const DECISION_TEXT: Record<string, string> = { accept: "Accepted", edit: "Edited", add: "Added", reject: "Rejected" };

function SpanLine({ span, labelName }: { span: ReviewSpan; labelName: (key: string) => string }) {
  return (
    <li className="space-y-0.5">
      <span className="font-medium">{labelName(span.label)}</span> <span className="tabular-nums text-stone-600">{span.start}–{span.end}</span>
      <span className="block">“{span.text}”</span>
      {span.speaker ? <span className="block text-stone-700">said by {span.speaker.name}</span> : null}
      {span.actor ? <span className="block text-stone-700">actor: {span.actor}</span> : null}
    </li>
  );
}

/** The current unit: its classification, each analyst's version side by side, and the decision buttons. */
export function UnitPanel({
  unit,
  position,
  total,
  busy,
  labelName,
  onAccept,
  onReject,
  onEdit,
}: {
  unit: Unit;
  position: number;
  total: number;
  busy: boolean;
  labelName: (key: string) => string;
  onAccept: (analystId: string) => void;
  onReject: () => void;
  onEdit: () => void;
}) {
  return (
    <section aria-labelledby="unit-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="unit-heading" className="text-base font-semibold">
          Unit {position} of {total}: {UNIT_KIND_NAMES[unit.kind]}
        </h2>
        <span className="text-sm text-stone-700">
          {unit.decision
            ? `${DECISION_TEXT[unit.decision.decision] ?? unit.decision.decision} by ${unit.decision.decidedBy ?? "a removed user"}${unit.decision.decision === "reject" ? "" : unit.decision.goldSpans === 0 ? " (nothing to gold)" : ""}`
            : "Undecided"}
        </span>
      </div>
      {unit.issues.length > 1 ? <p className="text-sm text-stone-700">Also: {unit.issues.slice(1).map((issue) => UNIT_KIND_NAMES[issue].toLowerCase()).join(", ")}.</p> : null}
      <div className="grid gap-3" style={{ gridTemplateColumns: `repeat(${Math.min(unit.versions.length, 3)}, minmax(0, 1fr))` }}>
        {unit.versions.map((version, i) => (
          <div key={version.analystId} className="space-y-2 rounded-md border border-stone-200 p-3 text-sm">
            <h3 className="break-all font-medium">
              {i + 1} · {version.email}
            </h3>
            {version.spans.length > 0 ? (
              <ul className="space-y-2">
                {version.spans.map((span) => (
                  <SpanLine key={span.id} span={span} labelName={labelName} />
                ))}
              </ul>
            ) : (
              <p className="italic text-stone-600">No span here</p>
            )}
            {i < 9 ? (
              <Button variant="secondary" disabled={busy} onClick={() => onAccept(version.analystId)} aria-keyshortcuts={String(i + 1)}>
                Accept {version.email.split("@")[0]}&apos;s version <kbd className="rounded bg-stone-200 px-1 text-xs">{i + 1}</kbd>
              </Button>
            ) : null}
          </div>
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={busy} onClick={onEdit} aria-keyshortcuts="e">
          Edit bounds or label <kbd className="rounded bg-stone-200 px-1 text-xs">e</kbd>
        </Button>
        <Button variant="secondary" disabled={busy} onClick={onReject} aria-keyshortcuts="r">
          Reject unit <kbd className="rounded bg-stone-200 px-1 text-xs">r</kbd>
        </Button>
      </div>
    </section>
  );
}
