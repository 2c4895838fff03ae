import { MEASURE_INFO, MEASURES } from "@/lib/agreement";

/** One line per measure: what it compares and in which units. */
export function MeasureGlossary() {
  return (
    <dl className="space-y-2 text-sm">
      {MEASURES.map((measure) => (
        <div key={measure}>
          <dt className="font-medium">
            {MEASURE_INFO[measure].name} <span className="font-mono text-xs font-normal text-stone-600">{measure}</span>
          </dt>
          <dd className="text-stone-700">
            {MEASURE_INFO[measure].explanation} <span className="text-stone-600">Units: {MEASURE_INFO[measure].unit[1]}.</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
