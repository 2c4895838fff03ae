import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { apiTokens } from "../schema";
import { createUser, updateUser } from "./users";
import { createToken, listTokens, revokeToken, userForToken } from "./tokens";
import { hashToken } from "../../lib/auth/tokens";

describe.each(testTargets())("personal access tokens on $name", (target) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await target.open();
  });
  afterAll(async () => {
    await connection?.close();
  });

  it("stores only a hash, acts as its user, and records when it was used", async () => {
    const db = connection.db;
    const user = await createUser(db, { email: "tok@x.org", name: "T", role: "reviewer", password: "password1" });
    const { id, token } = await createToken(db, { userId: user.id, name: "model" });
    expect(token).toMatch(/^smk_/);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await userForToken(db, token)).toMatchObject({ id: user.id, role: "reviewer", tokenId: id });
    expect((await listTokens(db, user.id))[0].lastUsedAt).not.toBeNull();
    expect(await userForToken(db, `${token}x`)).toBeNull();
  });

  it("stops working when revoked, expired, or its user is disabled", async () => {
    const db = connection.db;
    const user = await createUser(db, { email: "life@x.org", name: "L", role: "analyst", password: "password1" });
    const revoked = await createToken(db, { userId: user.id, name: "a" });
    const expiring = await createToken(db, { userId: user.id, name: "b", expiresInDays: 1 });
    const disabledLater = await createToken(db, { userId: user.id, name: "c" });

    const other = await createUser(db, { email: "other@x.org", name: "O", role: "analyst", password: "password1" });
    expect(await revokeToken(db, revoked.id, other.id)).toBe(false); // not theirs
    expect(await revokeToken(db, revoked.id, user.id)).toBe(true);
    expect(await userForToken(db, revoked.token)).toBeNull();

    await db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, expiring.id));
    expect(await userForToken(db, expiring.token)).toBeNull();

    expect(await userForToken(db, disabledLater.token)).not.toBeNull();
    await updateUser(db, user.id, { disabled: true });
    expect(await userForToken(db, disabledLater.token)).toBeNull();
    // an admin (owner null) may revoke anyone's
    expect(await revokeToken(db, disabledLater.id, null)).toBe(true);
    expect((await listTokens(db, null)).length).toBeGreaterThanOrEqual(3);
  });
});
