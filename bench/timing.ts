/** Timing and memory helpers shared by the database benchmarks. */
import { performance } from "node:perf_hooks";

export type Figure = { median: number; p95: number; runs: number };

/** Nearest-rank percentile of a list of milliseconds. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarise(times: number[]): Figure {
  return { median: percentile(times, 50), p95: percentile(times, 95), runs: times.length };
}

/** One untimed warm-up call, then `runs` timed calls one after another. */
export async function timeRuns(runs: number, work: () => Promise<unknown>): Promise<Figure> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    await work();
    times.push(performance.now() - began);
  }
  return summarise(times);
}

/**
 * Peak resident set and heap, sampled every `everyMs` (and whenever sample() is called, so a
 * long synchronous stretch that delays the timer is still caught at its end).
 */
export class MemoryPeak {
  rss = 0;
  heapUsed = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(everyMs = 50) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  sample() {
    const { rss, heapUsed } = process.memoryUsage();
    this.rss = Math.max(this.rss, rss);
    this.heapUsed = Math.max(this.heapUsed, heapUsed);
  }

  stop() {
    clearInterval(this.timer);
    this.sample();
  }
}

export const mb = (bytes: number) => bytes / 1024 / 1024;
