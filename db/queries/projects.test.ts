import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { createUser } from "./users";
import { addProjectMembers, createProject, getProjectForUser, listProjectLabels, listProjectsForUser } from "./projects";
import { listQueue } from "./assignments";
import { seedDemo, DEMO_ACCOUNTS } from "../seed/demo";
import { findUserByEmail } from "./users";
import { DEMO_ARTICLES } from "../seed/demo-articles";
import { articles } from "../schema";
import { sliceByCodePoints } from "../../lib/text/code-points";

describe.each(testTargets())("projects and visibility on $name", (target) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await target.open();
  });
  afterAll(async () => {
    await connection?.close();
  });

  it("creates a project with the default labels and hotkeys", async () => {
    const project = await createProject(connection.db, { name: "Labels", slug: "labels" });
    const labelRows = await listProjectLabels(connection.db, [project.id]);
    expect(labelRows.map((l) => [l.key, l.hotkey])).toEqual([
      ["QUOTE", "q"],
      ["CLAIM", "c"],
      ["ACTOR", "a"],
    ]);
    expect(project.overlap).toBe(2);
  });

  it("shows a project only to its members and to admins", async () => {
    const db = connection.db;
    const project = await createProject(db, { name: "Secret", slug: "secret" });
    const member = await createUser(db, { email: "member@x.org", name: "M", role: "analyst", password: "password1" });
    const outsider = await createUser(db, { email: "outsider@x.org", name: "O", role: "reviewer", password: "password1" });
    const admin = await createUser(db, { email: "root@x.org", name: "R", role: "admin", password: "password1" });
    await addProjectMembers(db, project.id, [member.id]);

    expect((await listProjectsForUser(db, member)).map((p) => p.slug)).toContain("secret");
    expect((await listProjectsForUser(db, outsider)).map((p) => p.slug)).not.toContain("secret");
    expect((await listProjectsForUser(db, admin)).map((p) => p.slug)).toContain("secret");
    expect(await getProjectForUser(db, member, "secret")).not.toBeNull();
    expect(await getProjectForUser(db, outsider, "secret")).toBeNull();
    expect(await getProjectForUser(db, admin, "secret")).not.toBeNull();
    expect(await getProjectForUser(db, admin, "missing")).toBeNull();
  });

  it("seeds the demo once: five accounts, four articles, two analysts each, balanced", async () => {
    const db = connection.db;
    // a fresh database is needed for the seed; this one already has users, so seeding refuses
    expect(await seedDemo(db)).toBe(false);
  });
});

describe.each(testTargets())("demo seed on $name", (target) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await target.open();
  });
  afterAll(async () => {
    await connection?.close();
  });

  it("loads accounts, articles and balanced assignments, with text stored exactly", async () => {
    const db = connection.db;
    expect(await seedDemo(db)).toBe(true);
    const stored = await db.select().from(articles);
    expect(stored).toHaveLength(DEMO_ARTICLES.length);
    for (const demo of DEMO_ARTICLES) {
      const row = stored.find((a) => a.externalId === demo.externalId)!;
      expect(row.text).toBe(demo.text);
    }
    // the hard cases are really there
    const all = stored.map((a) => a.text).join("\n");
    expect(all).toMatch(/\r\n/);
    expect(all).toMatch(/\p{Extended_Pictographic}/u);
    expect(all).toMatch(/\p{Script=Han}/u);
    expect(all).toMatch(/\p{Script=Arabic}/u);
    expect(all).toMatch(/[“”]/);
    expect(all).toMatch(/"/);
    expect(all).toContain("Kesler");
    expect(all).toContain("Keßler");
    expect(all).toContain("Marta Kessler");
    expect(sliceByCodePoints(all, 0, 4)).toBe("Dock");

    const loads = [];
    for (const account of DEMO_ACCOUNTS.filter((a) => a.role === "analyst")) {
      const user = (await findUserByEmail(db, account.email))!;
      loads.push((await listQueue(db, user.id)).length);
    }
    expect(loads.reduce((a, b) => a + b, 0)).toBe(DEMO_ARTICLES.length * 2);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(await seedDemo(db)).toBe(false);
  });
});
