import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "./main";
import type { Io } from "./io";
import { testTargets } from "../db/test-databases";
import type { Connection } from "../db/connect";
import { createUser } from "../db/queries/users";
import { userForToken } from "../db/queries/tokens";

function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), readSecret: async () => "" };
}

describe.each(testTargets())("sourcemark token on $name", (target) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await target.open();
    await createUser(connection.db, { email: "script@x.org", name: "S", role: "reviewer", password: "password1" });
  });
  afterAll(async () => {
    await connection?.close();
  });
  const run = (argv: string[], io: Io) => main(argv, io, connection);

  it("creates a token (printed alone), lists it, and revokes it", async () => {
    const created = captureIo();
    expect(await run(["token", "create", "--user", "script@x.org", "--name", "model", "--expires-days", "30"], created)).toBe(0);
    expect(created.stdout).toHaveLength(1);
    const token = created.stdout[0];
    expect(token).toMatch(/^smk_[A-Za-z0-9_-]{40,}$/);
    expect(await userForToken(connection.db, token)).toMatchObject({ email: "script@x.org" });

    const list = captureIo();
    expect(await run(["token", "list", "--user", "script@x.org"], list)).toBe(0);
    const [id, name, state] = list.stdout[0].split("\t");
    expect([name, state]).toEqual(["model", "active"]);

    const revoke = captureIo();
    expect(await run(["token", "revoke", "--id", id], revoke)).toBe(0);
    expect(await userForToken(connection.db, token)).toBeNull();
    const again = captureIo();
    expect(await run(["token", "revoke", "--id", id], again)).toBe(1);
  });

  it("refuses an unknown user and a bad expiry", async () => {
    const unknown = captureIo();
    expect(await run(["token", "create", "--user", "nobody@x.org", "--name", "n"], unknown)).toBe(1);
    expect(unknown.stderr[0]).toMatch(/No user/);
    const bad = captureIo();
    expect(await run(["token", "create", "--user", "script@x.org", "--name", "n", "--expires-days", "0"], bad)).toBe(1);
  });
});
