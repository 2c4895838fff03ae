import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "./main";
import type { Io } from "./io";
import type { Connection } from "../db/connect";
import { testTargets } from "../db/test-databases";

function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), readSecret: async () => "" };
}

/** Runs the CLI in-process on each target's throwaway database. */
describe.each(testTargets())("sourcemark project on $name", (target) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await target.open();
  });
  afterAll(async () => {
    await connection?.close();
  });

  async function run(args: string[]) {
    const io = captureIo();
    const code = await main(args, io, connection);
    return { code, stdout: io.stdout, stderr: io.stderr };
  }

  it("creates projects, printing only the slug, derived from the name or given", async () => {
    expect(await run(["project", "create", "--name", "Élections régionales"])).toEqual({
      code: 0,
      stdout: ["elections-regionales"],
      stderr: [],
    });
    expect(await run(["project", "create", "--name", "Strike", "--slug", "strike-2026", "--overlap", "3"])).toMatchObject({
      code: 0,
      stdout: ["strike-2026"],
    });
    const listed = await run(["project", "list"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toEqual(["elections-regionales\t0\t0\t2\tÉlections régionales", "strike-2026\t0\t0\t3\tStrike"]);
  });

  it("refuses a taken slug, a bad slug and a bad overlap with a clear message", async () => {
    await run(["project", "create", "--name", "Taken", "--slug", "taken"]);
    const taken = await run(["project", "create", "--name", "Taken"]);
    expect(taken.code).toBe(1);
    expect(taken.stderr[0]).toBe('sourcemark: Another project already uses the slug "taken". Choose another. (pass --slug)');
    const badSlug = await run(["project", "create", "--name", "X", "--slug", "Not A Slug"]);
    expect(badSlug.code).toBe(1);
    expect(badSlug.stderr[0]).toMatch(/^sourcemark: --slug: Use lowercase letters/);
    const badOverlap = await run(["project", "create", "--name", "Y", "--overlap", "0"]);
    expect(badOverlap.stderr[0]).toBe("sourcemark: --overlap: At least 1 analyst per article.");
    const noName = await run(["project", "create"]);
    expect(noName.stderr[0]).toBe("sourcemark: --name: Enter a project name.");
    const cjk = await run(["project", "create", "--name", "北京新闻"]);
    expect(cjk.stderr[0]).toBe("sourcemark: --slug: Enter a slug: the name has no letters or digits to make one from.");
    expect((await run(["project", "create", "--nme", "typo"])).code).toBe(2);
    expect((await run(["project", "rename"])).code).toBe(2);
  });

  it("adds a member by email, once, and explains unknown projects and users", async () => {
    await run(["user", "add", "--email", "dana@x.org", "--name", "Dana", "--role", "analyst", "--password", "password-1"]);
    await run(["project", "create", "--name", "Team", "--slug", "team"]);
    expect(await run(["project", "add-member", "--project", "team", "--email", "DANA@x.org"])).toEqual({
      code: 0,
      stdout: ["Added dana@x.org to team"],
      stderr: [],
    });
    expect((await run(["project", "add-member", "--project", "team", "--email", "dana@x.org"])).stdout).toEqual([
      "dana@x.org is already a member of team",
    ]);
    expect((await run(["project", "list"])).stdout).toContain("team\t0\t1\t2\tTeam");

    const noProject = await run(["project", "add-member", "--project", "nope", "--email", "dana@x.org"]);
    expect(noProject).toMatchObject({ code: 1, stderr: ['sourcemark: No project has the slug "nope".'] });
    const noUser = await run(["project", "add-member", "--project", "team", "--email", "ghost@x.org"]);
    expect(noUser).toMatchObject({ code: 1, stderr: ["sourcemark: No user has the email ghost@x.org."] });
    const badEmail = await run(["project", "add-member", "--project", "team", "--email", "not-an-email"]);
    expect(badEmail).toMatchObject({ code: 1, stderr: ["sourcemark: --email: Enter a valid email address."] });
  });
});
