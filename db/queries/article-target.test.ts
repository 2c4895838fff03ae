import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { articles, assignments } from "../schema";
import { createUser, type PublicUser } from "./users";
import { addProjectMembers, createProject, getProjectForUser } from "./projects";
import { getArticleForViewer } from "./articles";
import { randomUUID } from "node:crypto";
import { articleTargetFor, sessionUserWithArticleTarget } from "./article-target";

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
        { projectId, externalId: "mine", title: "M", text: "text", textHash: "h1" },
        { projectId, externalId: "other", title: "O", text: "text", textHash: "h2" },
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
});
