import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { countActiveAdmins, createUser, DuplicateEmailError, findUserByEmail, getUserById, updateUser } from "./users";
import { clearAccountFailures, recordSignInFailure, signInWaitMs } from "./sign-in-throttle";
import { getOrCreateSecret } from "./settings";
import { verifyPassword } from "../../lib/auth/passwords";

describe.each(testTargets())("users and sign-in on $name", (target) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await target.open();
  });
  afterAll(async () => {
    await connection?.close();
  });

  it("stores an argon2id hash, never the password, and finds users case-insensitively", async () => {
    const user = await createUser(connection.db, {
      email: "Maya@Example.org",
      name: "Maya",
      role: "analyst",
      password: "correct horse",
    });
    const stored = await findUserByEmail(connection.db, "maya@EXAMPLE.org");
    expect(stored?.id).toBe(user.id);
    expect(stored?.email).toBe("maya@example.org");
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored!.passwordHash, "correct horse")).toBe(true);
    expect(await verifyPassword(stored!.passwordHash, "wrong horse")).toBe(false);
  });

  it("refuses a second account with the same email", async () => {
    await expect(
      createUser(connection.db, { email: "MAYA@example.org", name: "M2", role: "admin", password: "whatever1" }),
    ).rejects.toBeInstanceOf(DuplicateEmailError);
  });

  it("bumps the session epoch when the role, the password or the disabled flag changes", async () => {
    const user = await createUser(connection.db, { email: "epoch@x.org", name: "E", role: "analyst", password: "password1" });
    const before = (await getUserById(connection.db, user.id))!.sessionEpoch;
    await updateUser(connection.db, user.id, { name: "Renamed" });
    expect((await getUserById(connection.db, user.id))!.sessionEpoch).toBe(before);
    await updateUser(connection.db, user.id, { role: "reviewer" });
    await updateUser(connection.db, user.id, { disabled: true });
    await updateUser(connection.db, user.id, { password: "password2" });
    const after = (await getUserById(connection.db, user.id))!;
    expect(after.sessionEpoch).toBe(before + 3);
    expect(after.role).toBe("reviewer");
    expect(after.disabled).toBe(true);
    expect(await verifyPassword(after.passwordHash, "password2")).toBe(true);
  });

  it("counts only enabled admins", async () => {
    const before = await countActiveAdmins(connection.db);
    const admin = await createUser(connection.db, { email: "boss@x.org", name: "B", role: "admin", password: "password1" });
    expect(await countActiveAdmins(connection.db)).toBe(before + 1);
    await updateUser(connection.db, admin.id, { disabled: true });
    expect(await countActiveAdmins(connection.db)).toBe(before);
  });

  it("slows an account down after repeated failures, per account and per address", async () => {
    const db = connection.db;
    const now = new Date("2026-01-01T10:00:00Z");
    const keys = { email: "target@x.org", address: "10.0.0.1" };
    for (let i = 0; i < 4; i++) await recordSignInFailure(db, keys, now);
    expect(await signInWaitMs(db, keys, now)).toBe(0);
    await recordSignInFailure(db, keys, now);
    expect(await signInWaitMs(db, keys, now)).toBe(2_000);
    // the same account from another address is still locked
    expect(await signInWaitMs(db, { email: "TARGET@x.org", address: "10.0.0.2" }, now)).toBe(2_000);
    // another account from the same address is not (one address allows more failures)
    expect(await signInWaitMs(db, { email: "other@x.org", address: "10.0.0.1" }, now)).toBe(0);
    // after the lock runs out, it is allowed again
    expect(await signInWaitMs(db, keys, new Date(now.getTime() + 2_001))).toBe(0);
    await clearAccountFailures(db, "target@x.org");
    expect(await signInWaitMs(db, keys, now)).toBe(0);
  });

  it("forgets failures an hour after the last one", async () => {
    const db = connection.db;
    const keys = { email: "stale@x.org", address: "10.0.0.9" };
    const then = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < 5; i++) await recordSignInFailure(db, keys, then);
    const later = new Date(then.getTime() + 2 * 60 * 60_000);
    await recordSignInFailure(db, keys, later);
    expect(await signInWaitMs(db, keys, later)).toBe(0);
  });

  it("creates the session secret once and keeps it", async () => {
    const first = await getOrCreateSecret(connection.db, "session_secret");
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(await getOrCreateSecret(connection.db, "session_secret")).toBe(first);
  });
});
