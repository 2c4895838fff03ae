/** Helpers shared by the two browser pages (bundled by run.ts, never by the app). */
import type { BenchData } from "./article";

export type LongTask = { start: number; duration: number };

/** What the pages find on `window` (typed here rather than declared globally for the whole app). */
export type BenchWindow = Window & {
  /** Set by /data.js before the page's bundle runs. */
  BENCH: BenchData;
  /** Filled by a PerformanceObserver registered in the page's <head>, before any other script. */
  LONG_TASKS: LongTask[];
  bench: Record<string, () => Promise<unknown>>;
};

export const page = window as unknown as BenchWindow;

export const COLOURS: Record<string, string> = { QUOTE: "#0072B2", CLAIM: "#E69F00", ACTOR: "#009E73" };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** A task posted from a requestAnimationFrame callback runs once that frame has been rendered. */
export function afterFrame(): Promise<number> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  });
}

/** The longest long task overlapping [from, to] (0 if none); long tasks are reported a little late. */
export async function longestTask(from: number, to: number): Promise<number> {
  await sleep(250);
  const overlapping = page.LONG_TASKS.filter((task) => task.start < to && task.start + task.duration > from);
  return Math.max(0, ...overlapping.map((task) => task.duration));
}

/**
 * Resolves at the first DOM mutation under `root` after which `done()` holds: `at` is then, `framed`
 * the end of the frame that shows it (meant for DOM changes made in a requestAnimationFrame callback,
 * as the peer's are: a task posted from there runs once that frame has been rendered).
 */
export function whenDom(root: Node, done: () => boolean, timeoutMs = 30_000): Promise<{ at: number; framed: number }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve({ at: Number.NaN, framed: Number.NaN });
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      const at = performance.now(); // taken before the check, so the check's cost is not counted
      if (!done()) return;
      observer.disconnect();
      clearTimeout(timer);
      void afterFrame().then((framed) => resolve({ at, framed }));
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}
