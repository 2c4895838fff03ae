import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { main } from "./main";
import type { Io } from "./io";
import { testTargets } from "../db/test-databases";
import { createProject, addProjectMembers } from "../db/queries/projects";
import { createUser } from "../db/queries/users";
import { listQueue } from "../db/queries/assignments";
import { annotations, articles, users } from "../db/schema";
import type { Connection } from "../db/connect";

function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), readSecret: async () => "" };
}

/** Runs the CLI in-process on each target's test database. */
describe.each(testTargets())("sourcemark import and assign on $name", (target) => {
  let connection: Connection;
  let dir: string;
  const run = (argv: string[], io: Io) => main(argv, io, connection);
  beforeAll(async () => {
    connection = await target.open();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sourcemark-import-"));
    const project = await createProject(connection.db, { name: "Cli", slug: "cli" });
    const analysts = [];
    for (const name of ["a", "b", "c"]) analysts.push(await createUser(connection.db, { email: `${name}@cli.org`, name, role: "analyst", password: "password1" }));
    await addProjectMembers(connection.db, project.id, analysts.map((a) => a.id));
  });
  afterAll(async () => {
    await connection?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("imports each format, reports bad files on stderr with a non-zero exit, and writes nothing of them", async () => {
    fs.writeFileSync(path.join(dir, "n.jsonl"), `{"id":"n1","title":"N","text":"Zoë said “yes” 👍🏽","annotations":[{"annotator":"a@cli.org","spans":[{"id":"s1","start":10,"end":13,"label":"QUOTE","text":"yes"}]}]}\n`);
    fs.writeFileSync(path.join(dir, "d.jsonl"), `{"text":"習近平 spoke","label":[[0,3,"ACTOR"]]}\n`);
    fs.writeFileSync(path.join(dir, "p.txt"), "Plain title\r\nשלום body\r\n");
    fs.writeFileSync(path.join(dir, "b.txt"), "Brandt spoke");
    fs.writeFileSync(path.join(dir, "b.ann"), "T1\tACTOR 0 6\tBrandt\n");
    const io = captureIo();
    const code = await run(["import", "--project", "cli", ...["n.jsonl", "d.jsonl", "p.txt", "b.txt", "b.ann"].map((f) => path.join(dir, f))], io);
    expect(io.stderr.filter((l) => !l.startsWith("warning"))).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout).toHaveLength(4);
    const all = await connection.db.select().from(articles);
    expect(all.map((a) => a.title).sort()).toEqual(["Brandt spoke", "N", "Plain title", "習近平 spoke"].sort());
    const gold = await connection.db.select().from(annotations).where(eq(annotations.layerKind, "gold"));
    expect(gold.map((s) => s.text).sort()).toEqual(["Brandt", "習近平"]);

    fs.writeFileSync(path.join(dir, "bad.jsonl"), `{"id":"ok","text":"fine"}\n{"id":"bad","text":"x","annotations":[{"annotator":"a@cli.org","spans":[{"id":"s","start":0,"end":1,"label":"NOPE","text":"x"}]}]}\n`);
    const bad = captureIo();
    expect(await run(["import", "--project", "cli", path.join(dir, "bad.jsonl")], bad)).toBe(1);
    expect(bad.stderr.join("\n")).toMatch(/bad\.jsonl:2: .*NOPE/);
    expect((await connection.db.select().from(articles)).length).toBe(4);
  });

  it("assigns every article to two distinct analysts with balanced loads", async () => {
    const io = captureIo();
    expect(await run(["assign", "--project", "cli", "--overlap", "2"], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/Created \d+ assignments/);
    const loads = [];
    for (const email of ["a@cli.org", "b@cli.org", "c@cli.org"]) {
      const [user] = await connection.db.select().from(users).where(eq(users.email, email));
      loads.push((await listQueue(connection.db, user.id)).length);
    }
    expect(loads.reduce((a, b) => a + b)).toBe(8);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const tooMany = captureIo();
    expect(await run(["assign", "--project", "cli", "--overlap", "5"], tooMany)).toBe(1);
    expect(tooMany.stderr[0]).toMatch(/5 distinct analysts/);
  });
});
