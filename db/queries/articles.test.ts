import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { annotations, articles } from "../schema";
import { createUser, type PublicUser } from "./users";
import { addProjectMembers, createProject } from "./projects";
import { getArticleForViewer, searchArticles } from "./articles";
import { assignProject, listQueue, setAssignmentStatus } from "./assignments";
import { textHash } from "../../lib/text/text-hash";
import type { Project } from "../schema";

describe.each(testTargets())("browsing and assigning articles on $name", (target) => {
  let connection: Connection;
  let project: Project;
  let other: Project;
  let admin: PublicUser;
  let reviewer: PublicUser;
  let analysts: PublicUser[];
  let outsider: PublicUser;

  beforeAll(async () => {
    connection = await target.open();
    const db = connection.db;
    project = await createProject(db, { name: "Browse", slug: "browse", overlap: 2 });
    other = await createProject(db, { name: "Other", slug: "other" });
    admin = await createUser(db, { email: "admin@b.org", name: "A", role: "admin", password: "password1" });
    reviewer = await createUser(db, { email: "rev@b.org", name: "R", role: "reviewer", password: "password1" });
    analysts = [];
    for (const name of ["ann", "ben", "cy"]) {
      analysts.push(await createUser(db, { email: `${name}@b.org`, name, role: "analyst", password: "password1" }));
    }
    outsider = await createUser(db, { email: "out@b.org", name: "O", role: "analyst", password: "password1" });
    await addProjectMembers(db, project.id, [reviewer.id, ...analysts.map((a) => a.id)]);
    await addProjectMembers(db, other.id, [outsider.id]);
    const rows = Array.from({ length: 120 }, (_, i) => {
      const text = i === 7 ? "The harbour master spoke of cranes." : `Article number ${i} about 100% of the port_workers.`;
      return {
        projectId: project.id,
        externalId: `a-${String(i).padStart(3, "0")}`,
        title: i === 3 ? "Strike at Velmora" : `Title ${i}`,
        outlet: i % 2 ? "Coastal Times" : "Harbour Gazette",
        publishedAt: i === 5 ? null : `2026-03-${String((i % 28) + 1).padStart(2, "0")}`,
        text,
        textHash: textHash(text),
      };
    });
    await db.insert(articles).values(rows);
    await db.insert(articles).values({ projectId: other.id, externalId: "secret", title: "Secret", text: "x", textHash: "x" });
  });
  afterAll(async () => {
    await connection?.close();
  });

  it("assigns each article to `overlap` distinct analysts with balanced loads, and is idempotent", async () => {
    const result = await assignProject(connection.db, project.id, { overlap: 2 });
    expect(result.created).toBe(240);
    const loads = Object.values(result.loads);
    expect(loads).toHaveLength(3);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const again = await assignProject(connection.db, project.id, { overlap: 2 });
    expect(again.created).toBe(0);
    await expect(assignProject(connection.db, project.id, { overlap: 4 })).rejects.toThrow(/4 distinct analysts/);
  });

  it("pages through every article once, in date order, with articles without a date last", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchArticles(connection.db, admin, project.id, { cursor });
      seen.push(...page.items.map((a) => a.externalId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen[119]).toBe("a-005");
  });

  it("shows analysts only their own articles, and other projects' articles to nobody outside", async () => {
    const ann = analysts[0];
    const page = await searchArticles(connection.db, ann, project.id, {});
    const queue = await listQueue(connection.db, ann.id);
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) expect(item.assignees.map((a) => a.userId)).toEqual([ann.id]);
    expect(queue.length).toBe(80);
    const notMine = (await searchArticles(connection.db, reviewer, project.id, {})).items.find(
      (item) => !item.assignees.some((a) => a.userId === ann.id),
    )!;
    expect(await getArticleForViewer(connection.db, ann, project.id, notMine.externalId)).toBeNull();
    expect(await getArticleForViewer(connection.db, reviewer, project.id, notMine.externalId)).not.toBeNull();
    expect(await listQueue(connection.db, outsider.id)).toEqual([]);
  });

  it("searches title, outlet and words of the text; metacharacters are literal", async () => {
    const search = async (q: string) =>
      (await searchArticles(connection.db, admin, project.id, { q })).items.map((a) => a.externalId);
    expect(await search("velmora")).toEqual(["a-003"]);
    expect(await search("harbour master")).toEqual(["a-007"]);
    expect((await search("Coastal")).length).toBe(50);
    expect(await search("%")).toEqual([]); // not a wildcard: no title or outlet contains '%'
    expect(await search("cranes")).toEqual(["a-007"]);
    expect(await search("'; drop table articles; --")).toEqual([]);
    expect(await search("_")).toEqual([]);
    // A NUL cannot be sent to PostgreSQL in text: it is dropped from the terms rather than failing.
    expect(await search("vel\u0000mora")).toEqual(["a-003"]);
    expect((await search("\u0000")).length).toBe(50);
    for (const probe of ["\\", "$$", ":*", "&|!(", "'\\'"]) expect(await search(probe)).toEqual([]);
    expect((await search("$1")).length).toBeLessThan(50); // a placeholder is text like any other
  });

  it("filters by status, assignee, unassigned and label counts", async () => {
    const db = connection.db;
    const ann = analysts[0];
    const [first] = (await searchArticles(db, ann, project.id, {})).items;
    await setAssignmentStatus(db, first.id, ann.id, "done");
    const done = await searchArticles(db, reviewer, project.id, { status: "done" });
    expect(done.items.map((a) => a.externalId)).toEqual([first.externalId]);
    const annDone = await searchArticles(db, reviewer, project.id, { status: "done", assignee: analysts[1].id });
    expect(annDone.items.every((a) => a.assignees.some((x) => x.userId === analysts[1].id && x.status === "done"))).toBe(true);
    expect((await searchArticles(db, reviewer, project.id, { status: "unassigned" })).items).toEqual([]);

    await db.insert(annotations).values([
      { articleId: first.id, layerKind: "analyst", layerUserId: ann.id, label: "QUOTE", start: 0, end: 3, text: "Art" },
      { articleId: first.id, layerKind: "analyst", layerUserId: ann.id, label: "QUOTE", start: 4, end: 8, text: "icle" },
    ]);
    const withQuotes = await searchArticles(db, reviewer, project.id, { label: "QUOTE", labelMin: 2 });
    expect(withQuotes.items.map((a) => a.externalId)).toEqual([first.externalId]);
    expect(withQuotes.items[0].labelCounts).toEqual({ QUOTE: 2 });
    const without = await searchArticles(db, reviewer, project.id, { label: "QUOTE", labelMax: 0 });
    expect(without.items.some((a) => a.externalId === first.externalId)).toBe(false);
    // blind: another analyst's counts never show an analyst someone else's spans
    const otherAnalystView = await searchArticles(db, analysts[1], project.id, { label: "QUOTE", labelMin: 1 });
    expect(otherAnalystView.items).toEqual([]);
  });
});
