import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { articles, assignments } from "../schema";
import { createUser, type PublicUser } from "./users";
import { addProjectMembers, createProject, getProjectForUser } from "./projects";
import { getArticleForViewer } from "./articles";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { articleTargetFor, sessionUserWithArticleTarget } from "./article-target";
import { changeStatement } from "./apply-changes-fast";
import { users } from "../schema";
import { sessionUser } from "../../app/_server/session-user";
import { can, PERMISSIONS } from "../../lib/permissions";

describe.each(testTargets())("the article a request names on $name", (target) => {
  let connection: Connection;
  let admin: PublicUser, reviewer: PublicUser, analyst: PublicUser, outsider: PublicUser;
  let projectId: string;

  beforeAll(async () => {
    connection = await target.open();
    const db = connection.db;
    const project = await createProject(db, { name: "Target", slug: "target" });
    projectId = project.id;
    admin = await createUser(db, { email: "admin@t.org", name: "A", role: "admin", password: "password1" });
    reviewer = await createUser(db, { email: "rev@t.org", name: "R", role: "reviewer", password: "password1" });
    analyst = await createUser(db, { email: "ann@t.org", name: "Ann", role: "analyst", password: "password1" });
    outsider = await createUser(db, { email: "out@t.org", name: "O", role: "reviewer", password: "password1" });
    await addProjectMembers(db, project.id, [reviewer.id, analyst.id]);
    const [mine, other] = await db
      .insert(articles)
      .values([
        { projectId, externalId: "mine", title: "M", text: "some text", textHash: "h1" },
        { projectId, externalId: "other", title: "O", text: "some text", textHash: "h2" },
      ])
      .returning();
    await db.insert(assignments).values({ articleId: mine.id, userId: analyst.id, status: "in_progress" });
    void other;
  });
  afterAll(async () => {
    await connection?.close();
  });

  it("follows the pages' rules: admins see every project, members theirs, analysts only their assigned articles", async () => {
    const db = connection.db;
    for (const user of [admin, reviewer, analyst, outsider]) {
      for (const externalId of ["mine", "other", "missing"]) {
        const found = await articleTargetFor(db, user, "target", externalId);
        const withSession = await sessionUserWithArticleTarget(db, user.id, "target", externalId);
        expect(withSession?.target, `${user.email} ${externalId} with the session's user`).toEqual(found);
        expect(withSession?.user).toMatchObject({ id: user.id, role: user.role, disabled: false, sessionEpoch: 0 });
        const project = await getProjectForUser(db, user, "target");
        expect(found?.project.id ?? null, `${user.email} project`).toBe(project?.id ?? null);
        if (!project) continue;
        const article = await getArticleForViewer(db, user, project.id, externalId);
        expect(found?.article?.id ?? null, `${user.email} ${externalId}`).toBe(article?.id ?? null);
      }
    }
    expect(await articleTargetFor(db, admin, "no-such-project", "mine")).toBeNull();
    expect((await sessionUserWithArticleTarget(db, admin.id, "no-such-project", "mine"))?.target).toBeNull();
    expect(await sessionUserWithArticleTarget(db, randomUUID(), "target", "mine")).toBeNull();
  });

  it("carries the caller's assignment status and the project's label keys", async () => {
    const found = await articleTargetFor(connection.db, analyst, "target", "mine");
    expect(found?.article?.assignmentStatus).toBe("in_progress");
    expect(found?.labels.sort()).toEqual(["ACTOR", "CLAIM", "QUOTE"]);
    expect((await articleTargetFor(connection.db, reviewer, "target", "other"))?.article?.assignmentStatus).toBeNull();
  });

  it("writes a change with the checks only when the request passes every check made after it", async () => {
    const db = connection.db;
    const disabled = await createUser(db, { email: "gone@t.org", name: "G", role: "analyst", password: "password1" });
    await addProjectMembers(db, projectId, [disabled.id]);
    await db.update(users).set({ disabled: true }).where(eq(users.id, disabled.id));
    const spansOf = async (userId: string) =>
      ((await db.execute(sql`select label, start, "end", text from annotations where layer_user_id = ${userId}::uuid and deleted_at is null`)) as unknown as { rows: unknown[] }).rows;
    let written = 0;
    for (const user of [admin, reviewer, analyst, outsider, disabled]) {
      for (const externalId of ["mine", "other", "missing"]) {
        for (const label of ["QUOTE", "NOPE"]) {
          for (const epoch of [0, 1]) {
            const change = { id: randomUUID(), op: "create" as const, span: { start: 5, end: 9, label, text: "text" } };
            const statement = changeStatement({ userId: user.id, layer: { kind: "analyst", userId: user.id } }, change)!;
            const before = (await spansOf(user.id)).length;
            const found = await sessionUserWithArticleTarget(db, user.id, "target", externalId, { statement, sessionEpoch: epoch, roles: PERMISSIONS["articles.annotate"] });
            const caller = sessionUser({ epoch }, found?.user ?? null);
            // Every check the route makes in code after the statement, as it makes them.
            const passes = caller !== null && can(caller.role, "articles.annotate") && found?.target?.article != null && found.target.labels.includes(label);
            const what = `${user.email} ${externalId} ${label} epoch ${epoch}`;
            expect((await spansOf(user.id)).length - before, what).toBe(passes ? 1 : 0);
            expect(found?.applied ?? null, what).toEqual(passes ? { id: change.id, ok: true, span: expect.objectContaining({ start: 5, end: 9, label, text: "text", version: 1 }) } : null);
            if (passes) written++;
            // Without the change it reads the same user and target.
            const plain = await sessionUserWithArticleTarget(db, user.id, "target", externalId);
            expect(plain && { user: plain.user, target: plain.target }, what).toEqual(found && { user: found.user, target: found.target });
            if (passes) await db.execute(sql`delete from annotations where layer_user_id = ${user.id}::uuid`);
          }
        }
      }
    }
    // admin: both articles; reviewer: both; analyst: only the assigned one; outsider and disabled: none.
    expect(written).toBe(5);
  });
});
