import { formatUnits, formatValue, type AgreementMeasure, type Cell } from "@/lib/agreement";

export const tableClass = "w-full text-left text-sm";
export const headClass = "border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600";
export const captionClass = "px-4 py-2 text-left text-sm font-medium text-stone-800";

/** One figure: its value to three decimals and, below it, its units ("6 spans"); blank where the report has none. */
export function FigureCell({ measure, cell }: { measure: AgreementMeasure; cell: Cell }) {
  if (cell === null) {
    return (
      <td className="px-3 py-2 text-right text-stone-600">
        <span aria-hidden="true">·</span>
        <span className="sr-only">not measured</span>
      </td>
    );
  }
  return (
    <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
      {cell.value === null ? (
        <>
          <span aria-hidden="true">—</span>
          <span className="sr-only">undefined</span>
        </>
      ) : (
        <span className="font-medium text-stone-950">{formatValue(cell.value)}</span>
      )}{" "}
      <span className="block text-xs text-stone-600">{formatUnits(measure, cell.units)}</span>
    </td>
  );
}

export function labelTitle(label: string | null): string {
  return label ?? "All labels";
}
