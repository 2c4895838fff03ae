import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { createUser } from "./users";
import {
  addProjectMember,
  addProjectMembers,
  createProject,
  DuplicateSlugError,
  getProjectBySlug,
  getProjectForUser,
  isProjectMember,
  LabelInUseError,
  listAllProjects,
  listLabelsWithUsage,
  listProjectLabels,
  listProjectMembers,
  listProjectsForUser,
  listUsersOutsideProject,
  removeProjectMember,
  replaceLabels,
  setProjectMembers,
  UnknownLabelError,
  updateProject,
} from "./projects";
import { listQueue } from "./assignments";
import { seedDemo, DEMO_ACCOUNTS } from "../seed/demo";
import { findUserByEmail } from "./users";
import { DEMO_ARTICLES } from "../seed/demo-articles";
import { annotations, articles } from "../schema";
import { DEFAULT_LABELS } from "../../lib/labels";
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

  it("counts each project's articles, for admins and members alike", async () => {
    const db = connection.db;
    const project = await createProject(db, { name: "Counted", slug: "counted" });
    await createProject(db, { name: "Empty", slug: "empty" });
    await db.insert(articles).values(
      ["one", "two"].map((externalId) => ({ projectId: project.id, externalId, title: externalId, text: externalId, textHash: externalId })),
    );
    const reader = await createUser(db, { email: "reader@x.org", name: "Reader", role: "analyst", password: "password1" });
    await addProjectMembers(db, project.id, [reader.id]);
    const admin = { id: reader.id, role: "admin" as const };
    const counts = (list: { slug: string; articleCount: number }[]) => Object.fromEntries(list.map((p) => [p.slug, p.articleCount]));
    expect(counts(await listProjectsForUser(db, admin))).toMatchObject({ counted: 2, empty: 0 });
    expect(counts(await listProjectsForUser(db, reader))).toEqual({ counted: 2 });
    expect(counts(await listAllProjects(db))).toMatchObject({ counted: 2, empty: 0 });
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
    expect(await seedDemo(db, { showcase: false })).toBe(true);
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

describe.each(testTargets())("project settings, labels and members on $name", (target) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await target.open();
  });
  afterAll(async () => {
    await connection?.close();
  });

  async function annotate(projectId: string, label: string, count: number, deleted = false) {
    const db = connection.db;
    const text = "The minister said the port would reopen.";
    const [article] = await db
      .insert(articles)
      .values({ projectId, externalId: `a-${label}-${Math.random()}`, title: "T", text, textHash: `h-${Math.random()}` })
      .returning();
    await db.insert(annotations).values(
      Array.from({ length: count }, (_, i) => ({
        articleId: article.id,
        layerKind: "gold" as const,
        label,
        start: i,
        end: i + 3,
        text: text.slice(i, i + 3),
        deletedAt: deleted ? new Date() : null,
      })),
    );
  }

  it("refuses a duplicate slug on create and update, and updates the other fields", async () => {
    const db = connection.db;
    const first = await createProject(db, { name: "First", slug: "first" });
    await createProject(db, { name: "Second", slug: "second" });
    await expect(createProject(db, { name: "Again", slug: "first" })).rejects.toThrow(DuplicateSlugError);
    await expect(createProject(db, { name: "Again", slug: "first" })).rejects.toThrow('Another project already uses the slug "first".');
    await expect(updateProject(db, first.id, { slug: "second" })).rejects.toThrow(DuplicateSlugError);

    const updated = await updateProject(db, first.id, {
      name: "First, renamed",
      slug: "first-renamed",
      description: "About",
      guidelines: "# Rules\n- **QUOTE**",
      overlap: 3,
    });
    expect(updated).toMatchObject({ name: "First, renamed", slug: "first-renamed", description: "About", overlap: 3 });
    expect((await getProjectBySlug(db, "first-renamed"))?.guidelines).toBe("# Rules\n- **QUOTE**");
    expect(await getProjectBySlug(db, "first")).toBeNull();
    expect(await updateProject(db, "00000000-0000-0000-0000-000000000000", { name: "Ghost" })).toBeNull();
  });

  it("creates a project with a custom label set in the given order", async () => {
    const project = await createProject(connection.db, {
      name: "Custom",
      slug: "custom-labels",
      labels: [...DEFAULT_LABELS, { key: "SOURCE", name: "Source", colour: "#CC79A7", hotkey: "s", description: "Cited document" }],
    });
    const rows = await listProjectLabels(connection.db, [project.id]);
    expect(rows.map((l) => [l.key, l.hotkey, l.position])).toEqual([
      ["QUOTE", "q", 0],
      ["CLAIM", "c", 1],
      ["ACTOR", "a", 2],
      ["SOURCE", "s", 3],
    ]);
  });

  it("adds, edits, reorders, re-keys and removes labels nobody uses", async () => {
    const db = connection.db;
    const project = await createProject(db, { name: "Edit labels", slug: "edit-labels" });
    const [quote, claim, actor] = await listProjectLabels(db, [project.id]);
    const result = await replaceLabels(db, project.id, [
      // CLAIM and ACTOR swap keys (the unique index must not get in the way); QUOTE is removed
      { id: actor.id, key: "CLAIM", name: "Claim (was actor)", colour: "#000000", hotkey: "c", description: "" },
      { id: claim.id, key: "ACTOR", name: "Actor (was claim)", colour: "#E69F00", hotkey: null, description: "d" },
      { key: "EVENT", name: "Event", colour: "#56B4E9", hotkey: "e", description: "New" },
    ]);
    expect(result.map((l) => [l.id === actor.id, l.id === claim.id, l.key, l.name, l.hotkey, l.position])).toEqual([
      [true, false, "CLAIM", "Claim (was actor)", "c", 0],
      [false, true, "ACTOR", "Actor (was claim)", null, 1],
      [false, false, "EVENT", "Event", "e", 2],
    ]);
    expect(result.some((l) => l.id === quote.id)).toBe(false);
  });

  it("refuses to remove or re-key a label with annotations, naming it and the count, and changes nothing", async () => {
    const db = connection.db;
    const project = await createProject(db, { name: "Used labels", slug: "used-labels" });
    const other = await createProject(db, { name: "Other", slug: "other-project" });
    await annotate(project.id, "QUOTE", 3);
    await annotate(project.id, "CLAIM", 1);
    await annotate(project.id, "ACTOR", 2, true); // deleted spans do not hold a label
    await annotate(other.id, "ACTOR", 5); // another project's spans do not count
    const before = await listLabelsWithUsage(db, project.id);
    expect(before.map((l) => [l.key, l.annotationCount])).toEqual([
      ["QUOTE", 3],
      ["CLAIM", 1],
      ["ACTOR", 0],
    ]);
    const [quote, claim, actor] = before;
    const definition = (label: typeof quote) => ({
      id: label.id,
      key: label.key,
      name: label.name,
      colour: label.colour,
      hotkey: label.hotkey,
      description: label.description,
    });

    const removeQuote = replaceLabels(db, project.id, [definition(claim), definition(actor)]);
    await expect(removeQuote).rejects.toThrow(LabelInUseError);
    await expect(replaceLabels(db, project.id, [definition(claim), definition(actor)])).rejects.toThrow(
      "The label QUOTE is used by 3 annotations: it cannot be removed.",
    );
    await expect(
      replaceLabels(db, project.id, [definition(quote), { ...definition(claim), key: "ASSERTION" }, definition(actor)]),
    ).rejects.toThrow("The label CLAIM is used by 1 annotation: its key cannot change to ASSERTION.");
    await expect(
      replaceLabels(db, project.id, [{ ...definition(claim), key: "ASSERTION" }, { ...definition(actor), name: "Changed" }]),
    ).rejects.toThrow(
      "The label QUOTE is used by 3 annotations: it cannot be removed. The label CLAIM is used by 1 annotation: its key cannot change to ASSERTION.",
    );
    // nothing was written by the refused calls
    expect((await listProjectLabels(db, [project.id])).map((l) => [l.key, l.name])).toEqual(before.map((l) => [l.key, l.name]));

    // renaming, recolouring and moving a used label is fine; so is removing the unused ACTOR
    const after = await replaceLabels(db, project.id, [
      { ...definition(claim), name: "Assertion", colour: "#D55E00" },
      { ...definition(quote), hotkey: "x" },
    ]);
    expect(after.map((l) => [l.key, l.name, l.colour, l.hotkey])).toEqual([
      ["CLAIM", "Assertion", "#D55E00", "c"],
      ["QUOTE", "Quote", "#0072B2", "x"],
    ]);
  });

  it("refuses a label id that is not the project's", async () => {
    const db = connection.db;
    const project = await createProject(db, { name: "Ids", slug: "label-ids" });
    const stranger = await createProject(db, { name: "Stranger", slug: "label-ids-stranger" });
    const [foreign] = await listProjectLabels(db, [stranger.id]);
    await expect(
      replaceLabels(db, project.id, [{ id: foreign.id, key: "QUOTE", name: "Q", colour: "#0072B2", hotkey: "q", description: "" }]),
    ).rejects.toThrow(UnknownLabelError);
    expect(await listProjectLabels(db, [project.id])).toHaveLength(3);
    expect((await listProjectLabels(db, [stranger.id]))[0].name).toBe("Quote");
  });

  it("adds, lists, checks, removes and sets members", async () => {
    const db = connection.db;
    const project = await createProject(db, { name: "Team", slug: "team" });
    const make = (email: string, role: "analyst" | "reviewer" | "admin") =>
      createUser(db, { email, name: email.split("@")[0], role, password: "password1" });
    const ana = await make("ana@team.org", "analyst");
    const ben = await make("ben@team.org", "analyst");
    const rev = await make("rev@team.org", "reviewer");

    expect(await addProjectMember(db, project.id, ana.id)).toBe(true);
    expect(await addProjectMember(db, project.id, ana.id)).toBe(false);
    expect(await addProjectMember(db, project.id, rev.id)).toBe(true);
    expect(await isProjectMember(db, project.id, ana.id)).toBe(true);
    expect(await isProjectMember(db, project.id, ben.id)).toBe(false);
    expect((await listProjectMembers(db, project.id)).map((m) => [m.email, m.role])).toEqual([
      ["ana@team.org", "analyst"],
      ["rev@team.org", "reviewer"],
    ]);
    const outside = (await listUsersOutsideProject(db, project.id)).map((u) => u.email);
    expect(outside).toContain("ben@team.org");
    expect(outside).not.toContain("ana@team.org");

    expect(await removeProjectMember(db, project.id, ana.id)).toBe(true);
    expect(await removeProjectMember(db, project.id, ana.id)).toBe(false);
    expect(await getProjectForUser(db, ana, "team")).toBeNull();

    await setProjectMembers(db, project.id, [ben.id, ana.id, ben.id]);
    expect((await listProjectMembers(db, project.id)).map((m) => m.email)).toEqual(["ana@team.org", "ben@team.org"]);
    await expect(setProjectMembers(db, project.id, [ben.id, "00000000-0000-0000-0000-000000000000"])).rejects.toThrow();
    // the failed set changed nothing: the delete and the insert are one transaction
    expect((await listProjectMembers(db, project.id)).map((m) => m.email)).toEqual(["ana@team.org", "ben@team.org"]);
    await setProjectMembers(db, project.id, []);
    expect(await listProjectMembers(db, project.id)).toEqual([]);

    await addProjectMember(db, project.id, rev.id);
    const listed = (await listAllProjects(db)).find((p) => p.slug === "team");
    expect(listed).toMatchObject({ name: "Team", overlap: 2, memberCount: 1, articleCount: 0 });
  });
});
