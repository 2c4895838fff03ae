/**
 * Repeated failed sign-ins are slowed down, per account and per address. A few mistakes
 * cost nothing; after that each failure locks the key for a doubling delay, capped.
 */
export const THROTTLE = {
  account: { freeFailures: 4, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000 },
  address: { freeFailures: 19, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000 },
  /** Counters are forgotten this long after the last failure. */
  resetAfterMs: 60 * 60_000,
} as const;

export type ThrottleKind = "account" | "address";

export function lockoutDelayMs(kind: ThrottleKind, failures: number): number {
  const rule = THROTTLE[kind];
  const excess = failures - rule.freeFailures;
  if (excess <= 0) return 0;
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** (excess - 1));
}

export function throttleKey(kind: ThrottleKind, value: string): string {
  return kind === "account" ? `account:${value.trim().toLowerCase()}` : `address:${value}`;
}

export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
