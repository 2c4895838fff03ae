/**
 * Summarises a Chrome trace (the JSON that `browser.stopTracing()` returns) of one interaction: on
 * the renderer's main thread, the self time of each kind of event (script, style recalculation,
 * layout, paint, ...) within a window, with the element counts of style recalculations and the
 * object counts of layouts. Used by run.ts with TRACE=1.
 */
type TraceEvent = {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; beginData?: Record<string, unknown>; endData?: Record<string, unknown>; name?: string };
};

export type TraceSummary = { window: number; busy: number; selfByName: [string, number][]; details: string[] };

/**
 * `from`/`to` are trace timestamps in microseconds (0: the whole trace); `untilMs`, when given,
 * keeps only the events that begin within that many milliseconds of the navigation start.
 */
export function summariseTrace(json: string, from = 0, to = Infinity, untilMs?: number): TraceSummary {
  const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents;
  if (untilMs !== undefined) {
    const navigation = events.find((e) => e.name === "navigationStart");
    if (navigation) {
      from = navigation.ts;
      to = navigation.ts + untilMs * 1000;
    }
  }
  // The renderer's main thread: the thread named CrRendererMain that holds the most events.
  const mains = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const counts = new Map<string, number>();
  for (const e of events) counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = mains.map((m) => `${m.pid}:${m.tid}`).sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0];
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && (e.ph === "X" || e.ph === "B" || e.ph === "E") && e.ts >= from && e.ts <= to);
  // B/E pairs become complete events; then self time = duration minus the children's durations.
  const complete: TraceEvent[] = [];
  const open: TraceEvent[] = [];
  for (const e of onMain.sort((a, b) => a.ts - b.ts)) {
    if (e.ph === "X") complete.push(e);
    else if (e.ph === "B") open.push(e);
    else {
      const begin = open.pop();
      if (begin) complete.push({ ...begin, ph: "X", dur: e.ts - begin.ts, args: { ...begin.args, ...e.args } });
    }
  }
  complete.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string; childTime: number; dur: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const top = stack.pop()!;
      self.set(top.name, (self.get(top.name) ?? 0) + top.dur - top.childTime);
      if (stack.length) stack[stack.length - 1].childTime += top.dur;
    }
  };
  const details: string[] = [];
  let first = Infinity;
  let last = 0;
  let busy = 0;
  for (const e of complete) {
    const dur = e.dur ?? 0;
    close(e.ts);
    stack.push({ end: e.ts + dur, name: e.name, childTime: 0, dur });
    if (stack.length === 1 && dur > 0) {
      busy += dur;
      first = Math.min(first, e.ts);
      last = Math.max(last, e.ts + dur);
    }
    if (dur >= 1000 && (e.name === "UpdateLayoutTree" || e.name === "Layout" || e.name === "Paint" || e.name === "PrePaint" || e.name === "FunctionCall" || e.name === "EventDispatch" || e.name === "HitTest")) {
      const data = e.args?.data ?? e.args?.beginData ?? {};
      const extra = e.name === "UpdateLayoutTree" ? `elements ${e.args?.elementCount ?? (data as { elementCount?: number }).elementCount ?? "?"}`
        : e.name === "Layout" ? `dirty ${data.dirtyObjects ?? "?"} of ${data.totalObjects ?? "?"} objects${data.partialLayout ? ", partial" : ""}`
        : e.name === "EventDispatch" ? String(data.type ?? "")
        : e.name === "FunctionCall" ? `${String(data.functionName ?? "")} ${String(data.url ?? "").split("/").pop()}`
        : "";
      details.push(`${((e.ts - from) / 1000).toFixed(1).padStart(7)} ms  ${e.name.padEnd(16)} ${(dur / 1000).toFixed(1).padStart(6)} ms  ${extra}`);
    }
  }
  close(Infinity);
  return { window: (last - first) / 1000, busy: busy / 1000, selfByName: [...self].map(([name, us]) => [name, us / 1000] as [string, number]).sort((a, b) => b[1] - a[1]), details };
}

export const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.frame",
  "blink",
  "blink.user_timing",
  "v8.execute",
  "toplevel",
];
