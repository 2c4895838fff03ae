import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ArticleFilters } from "@/lib/validation/articles";

/** A plain GET form: works without JavaScript, and the URL holds the filters (bookmarkable). */
export function ArticleFilterForm({
  filters,
  labels,
  assignees,
  showAssignee,
}: {
  filters: ArticleFilters;
  labels: { key: string; name: string }[];
  assignees: { id: string; email: string }[];
  showAssignee: boolean;
}) {
  return (
    <form method="get" role="search" aria-label="Filter articles" className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3">
      <div className="min-w-56 flex-1 space-y-1">
        <label htmlFor="filter-q" className="block text-xs font-medium text-stone-700">
          Search title, outlet and text
        </label>
        <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} className={inputClass} />
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-status" className="block text-xs font-medium text-stone-700">
          Status
        </label>
        <select id="filter-status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
          <option value="">Any</option>
          <option value="todo">To do</option>
          <option value="in_progress">In progress</option>
          <option value="done">Done</option>
          {showAssignee ? <option value="unassigned">Unassigned</option> : null}
        </select>
      </div>
      {showAssignee ? (
        <div className="space-y-1">
          <label htmlFor="filter-assignee" className="block text-xs font-medium text-stone-700">
            Assignee
          </label>
          <select id="filter-assignee" name="assignee" defaultValue={filters.assignee ?? ""} className={inputClass}>
            <option value="">Anyone</option>
            {assignees.map((user) => (
              <option key={user.id} value={user.id}>
                {user.email}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <fieldset className="flex items-end gap-2">
        <legend className="mb-1 text-xs font-medium text-stone-700">Spans of a label</legend>
        <label htmlFor="filter-label" className="sr-only">
          Label
        </label>
        <select id="filter-label" name="label" defaultValue={filters.label ?? ""} className={inputClass}>
          <option value="">Any label</option>
          {labels.map((label) => (
            <option key={label.key} value={label.key}>
              {label.name}
            </option>
          ))}
        </select>
        <label htmlFor="filter-min" className="sr-only">
          At least
        </label>
        <input id="filter-min" name="labelMin" type="number" min={0} placeholder="min" defaultValue={filters.labelMin ?? ""} className={`${inputClass} w-20`} />
        <label htmlFor="filter-max" className="sr-only">
          At most
        </label>
        <input id="filter-max" name="labelMax" type="number" min={0} placeholder="max" defaultValue={filters.labelMax ?? ""} className={`${inputClass} w-20`} />
      </fieldset>
      <button type="submit" className={buttonClass("primary")}>
        Apply
      </button>
    </form>
  );
}
