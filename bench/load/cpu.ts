/**
 * CPU time spent by the app, PostgreSQL and this bench over a run, from /proc (Linux): a figure of
 * work per request that, unlike throughput, a busy neighbour on the machine barely moves.
 */
import fs from "node:fs";

type Snapshot = { app: number; postgres: number; bench: number; at: number };

const TICKS_PER_SECOND = 100;

function stat(pid: string): { ppid: string; comm: string; ticks: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = text.lastIndexOf(")");
    const fields = text.slice(close + 2).split(" ");
    // After the command: state, ppid, …; utime and stime are the 14th and 15th fields of the line.
    return { ppid: fields[1], comm: text.slice(text.indexOf("(") + 1, close), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function snapshot(appPid: number): Snapshot {
  const all = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  const stats = new Map(all.map((pid) => [pid, stat(pid)] as const));
  const inApp = new Set([String(appPid)]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, s] of stats) if (s && !inApp.has(pid) && inApp.has(s.ppid)) inApp.add(pid), (grew = true);
  }
  let app = 0;
  let postgres = 0;
  for (const [pid, s] of stats) {
    if (!s) continue;
    if (inApp.has(pid)) app += s.ticks;
    else if (s.comm === "postgres") postgres += s.ticks;
  }
  const own = process.cpuUsage();
  return { app, postgres, bench: ((own.user + own.system) / 1e6) * TICKS_PER_SECOND, at: performance.now() };
}

/** Starts counting; the returned function gives CPU seconds of each side and the wall seconds since. */
export function countCpu(appPid: number): () => { app: number; postgres: number; bench: number; seconds: number } {
  const before = snapshot(appPid);
  return () => {
    const after = snapshot(appPid);
    return {
      app: (after.app - before.app) / TICKS_PER_SECOND,
      postgres: (after.postgres - before.postgres) / TICKS_PER_SECOND,
      bench: (after.bench - before.bench) / TICKS_PER_SECOND,
      seconds: (after.at - before.at) / 1000,
    };
  };
}
