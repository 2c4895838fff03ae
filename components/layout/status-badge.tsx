const STATUS = {
  todo: { label: "To do", className: "bg-stone-100 text-stone-800" },
  in_progress: { label: "In progress", className: "bg-sky-100 text-sky-900" },
  done: { label: "Done", className: "bg-emerald-100 text-emerald-900" },
} as const;

export function StatusBadge({ status }: { status: keyof typeof STATUS }) {
  const { label, className } = STATUS[status];
  return <span className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${className}`}>{label}</span>;
}
