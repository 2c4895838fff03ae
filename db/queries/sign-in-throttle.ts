import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../types";
import { signInThrottle } from "../schema";
import { lockoutDelayMs, THROTTLE, throttleKey, type ThrottleKind } from "../../lib/auth/throttle-policy";

type Keys = { email: string; address: string };

function keysOf({ email, address }: Keys): { kind: ThrottleKind; key: string }[] {
  return [
    { kind: "account", key: throttleKey("account", email) },
    { kind: "address", key: throttleKey("address", address) },
  ];
}

/** Milliseconds until a sign-in attempt for these keys is allowed again (0: allowed now). */
export async function signInWaitMs(db: Database, keys: Keys, now = new Date()): Promise<number> {
  const rows = await db
    .select()
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, keysOf(keys).map((k) => k.key)));
  let wait = 0;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil > now) wait = Math.max(wait, row.lockedUntil.getTime() - now.getTime());
  }
  return wait;
}

export async function recordSignInFailure(db: Database, keys: Keys, now = new Date()): Promise<void> {
  const staleBefore = new Date(now.getTime() - THROTTLE.resetAfterMs);
  for (const { kind, key } of keysOf(keys)) {
    const [row] = await db
      .insert(signInThrottle)
      .values({ key, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: {
          failures: sql`case when ${signInThrottle.lastFailureAt} < ${staleBefore.toISOString()}::timestamptz then 1 else ${signInThrottle.failures} + 1 end`,
          lastFailureAt: now,
        },
      })
      .returning();
    const delay = lockoutDelayMs(kind, row.failures);
    if (delay > 0) {
      await db
        .update(signInThrottle)
        .set({ lockedUntil: new Date(now.getTime() + delay) })
        .where(eq(signInThrottle.key, key));
    }
  }
}

/** A successful sign-in clears the account's counter (not the address's: one good password must not unlock a spray). */
export async function clearAccountFailures(db: Database, email: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, throttleKey("account", email)));
}
