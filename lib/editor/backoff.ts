export const BACKOFF_FIRST_MS = 250;
export const BACKOFF_MAX_MS = 10_000;

/**
 * The wait before retry number `attempt` (0 for the first): doubling from 250 ms up to 10 s,
 * then shortened by up to half at random so that many tabs do not retry in step.
 * `random` returns [0, 1); 0 gives the full delay.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const full = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.min(attempt, 30));
  return Math.round(full * (1 - random() / 2));
}
