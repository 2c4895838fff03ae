import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { testTargets } from "./test-databases";
import type { Connection } from "./connect";
import { migrateDatabase } from "./migrate";
import { rowsOf } from "./rows";
import { annotations, articles, auditLog, projects, users } from "./schema";

describe.each(testTargets())("schema on $name", (target) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await target.open();
  });
  afterAll(async () => {
    await connection?.close();
  });

  it("has every table of the data model", async () => {
    const result = await connection.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const names = rowsOf<{ table_name: string }>(result).map((row) => row.table_name);
    for (const table of [
      "users",
      "projects",
      "labels",
      "articles",
      "project_members",
      "assignments",
      "annotations",
      "relations",
      "actors",
      "review_decisions",
      "audit_log",
      "api_tokens",
    ]) {
      expect(names).toContain(table);
    }
  });

  it("applying the migrations twice is harmless", async () => {
    await migrateDatabase(connection.db, connection.driver);
  });

  it("refuses an unknown role and a duplicate email in any case", async () => {
    const db = connection.db;
    await db.insert(users).values({ email: "ann@example.org", name: "Ann", passwordHash: "x" });
    await expect(
      db.insert(users).values({ email: "ANN@example.org", name: "Ann 2", passwordHash: "x" }),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`insert into users (email, name, password_hash, role) values ('b@x.org', 'B', 'x', 'owner')`),
    ).rejects.toThrow();
  });

  it("refuses spans with start < 0 or end <= start, and duplicate spans in one layer", async () => {
    const db = connection.db;
    const [project] = await db.insert(projects).values({ name: "P", slug: "p-bounds" }).returning();
    const [article] = await db
      .insert(articles)
      .values({ projectId: project.id, externalId: "a1", title: "T", text: "Hello world", textHash: "h" })
      .returning();
    const [user] = await db.insert(users).values({ email: "c@x.org", name: "C", passwordHash: "x" }).returning();
    const span = { articleId: article.id, layerKind: "analyst" as const, layerUserId: user.id, label: "QUOTE" };
    await expect(db.insert(annotations).values({ ...span, start: -1, end: 2, text: "He" })).rejects.toThrow();
    await expect(db.insert(annotations).values({ ...span, start: 3, end: 3, text: "" })).rejects.toThrow();
    await db.insert(annotations).values({ ...span, start: 0, end: 5, text: "Hello" });
    await expect(db.insert(annotations).values({ ...span, start: 0, end: 5, text: "Hello" })).rejects.toThrow();
    // gold spans need no user; analyst spans must have one
    await db.insert(annotations).values({ ...span, layerKind: "gold", layerUserId: null, start: 0, end: 5, text: "Hello" });
    await expect(
      db.insert(annotations).values({ ...span, layerUserId: null, start: 6, end: 11, text: "world" }),
    ).rejects.toThrow();
  });

  it("keeps the audit log append-only", async () => {
    const db = connection.db;
    const [row] = await db.insert(auditLog).values({ entity: "annotation", action: "create" }).returning();
    const causeOf = (error: unknown) => String((error as { cause?: Error }).cause?.message);
    const update = await db.execute(sql`update audit_log set action = 'x' where id = ${row.id}`).catch((e) => e);
    expect(causeOf(update)).toMatch(/append-only/);
    const remove = await db.execute(sql`delete from audit_log where id = ${row.id}`).catch((e) => e);
    expect(causeOf(remove)).toMatch(/append-only/);
  });
});
