import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import { executePrepared, type Run } from "../prepared";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { annotations, appliedChanges, articles, auditLog } from "../schema";
import type { Change } from "../../lib/validation/changes";
import { createProject } from "./projects";
import { createUser } from "./users";
import { applyChanges, type ChangeContext } from "./apply-changes";
import { applyInOneStatement, type FastContext } from "./apply-changes-fast";

const TEXT = "Kessler said “promises do not pay rent 🚢”.\r\nBrandt: 'We remain at the table.' 👩🏽‍🔬 Ω";

/**
 * One scenario with span and change ids named by the caller, so the same scenario can run on two
 * articles (ids are global keys) and its answers and audit trail be compared after renaming.
 */
function scenario(span: (name: string) => string, change: (name: string) => string): Change[][] {
  return [
    [
      { id: change("c1"), op: "create", span: { id: span("quote"), start: 14, end: 40, label: "QUOTE", text: "promises do not pay rent 🚢" } },
      { id: change("c2"), op: "create", span: { id: span("kessler"), start: 0, end: 7, label: "ACTOR", text: "Kessler" } },
      { id: change("c3"), op: "create", span: { id: span("said"), start: 8, end: 12, label: "CLAIM", text: "said", note: "n", attributes: { k: [1, "x"] } } },
      { id: change("c4"), op: "create", span: { id: span("astral"), start: 78, end: 84, label: "CLAIM", text: "👩🏽‍🔬 Ω" } },
    ],
    [{ id: change("c5"), op: "update", span: { id: span("quote"), version: 1, end: 39, text: "promises do not pay rent " } }],
    [{ id: change("c6"), op: "update", span: { id: span("said"), version: 1, label: "QUOTE" } }],
    [{ id: change("c7"), op: "update", span: { id: span("said"), version: 2, note: null, attributes: {} } }],
    [{ id: change("c8"), op: "delete", span: { id: span("kessler"), version: 1 } }],
    [{ id: change("c9"), op: "create", span: { id: span("twin"), start: 14, end: 39, label: "QUOTE", text: "promises do not pay rent " } }],
    [{ id: change("c10"), op: "update", span: { id: span("quote"), version: 1, label: "CLAIM" } }],
    [{ id: change("c11"), op: "create", span: { start: 14, end: 38, label: "QUOTE", text: "promises do not pay rent 🚢" } }],
    [{ id: change("c12"), op: "update", span: { id: span("said"), version: 3, start: 9, end: 12, text: "aid" } }],
    [{ id: change("c13"), op: "update", span: { id: span("astral"), version: 1, start: 81, end: 84, text: "🔬 Ω" } }],
    [{ id: change("c1"), op: "create", span: { id: span("quote"), start: 14, end: 40, label: "QUOTE", text: "promises do not pay rent 🚢" } }],
    // a replayed batch: together it fails on the first id seen before, so each is answered alone
    [
      { id: change("c2"), op: "create", span: { id: span("kessler"), start: 0, end: 7, label: "ACTOR", text: "Kessler" } },
      { id: change("c14"), op: "create", span: { id: span("brandt"), start: 44, end: 50, label: "ACTOR", text: "Brandt" } },
    ],
    // the second needs the full path (a twin): the first is committed together, the rest alone
    [
      { id: change("c15"), op: "create", span: { id: span("table"), start: 70, end: 75, label: "CLAIM", text: "table" } },
      { id: change("c16"), op: "create", span: { id: span("twin2"), start: 44, end: 50, label: "ACTOR", text: "Brandt" } },
      { id: change("c17"), op: "update", span: { id: span("table"), version: 1, label: "QUOTE" } },
    ],
  ];
}

describe.each(testTargets())("changes in one statement on $name", (target) => {
  let connection: Connection;
  let base: Omit<ChangeContext, "article">;
  let projectId: string;

  beforeAll(async () => {
    connection = await target.open();
    const project = await createProject(connection.db, { name: "Fast", slug: "fast" });
    projectId = project.id;
    const analyst = await createUser(connection.db, { email: "fast@c.org", name: "F", role: "analyst", password: "password1" });
    base = { userId: analyst.id, projectId, layer: { kind: "analyst", userId: analyst.id }, labels: new Set(["QUOTE", "CLAIM", "ACTOR"]) };
  });
  afterAll(async () => {
    await connection?.close();
  });

  async function newArticle(externalId: string, text = TEXT) {
    const [article] = await connection.db.insert(articles).values({ projectId, externalId, title: "T", text, textHash: "h" }).returning();
    return article.id;
  }

  /** Runs the scenario on a fresh article; answers, stored answers and audit trail with ids renamed. */
  async function run(oneStatement: boolean) {
    const articleId = await newArticle(`a-${oneStatement}`);
    const names = new Map<string, string>();
    const named = (prefix: string) => (name: string) => {
      const existing = [...names].find(([, n]) => n === `${prefix}:${name}`);
      if (existing) return existing[0];
      const id = randomUUID();
      names.set(id, `${prefix}:${name}`);
      return id;
    };
    const context: ChangeContext = { ...base, article: { id: articleId } };
    const answers = [];
    for (const batch of scenario(named("span"), named("change"))) answers.push(...(await applyChanges(connection.db, context, batch, { oneStatement })));
    const stored = await connection.db
      .select({ result: appliedChanges.result })
      .from(appliedChanges)
      .where(sql`${appliedChanges.changeId}::text in (${sql.join([...names.keys()].map((id) => sql`${id}`), sql`, `)})`);
    const trail = await connection.db
      .select({ entity: auditLog.entity, entityId: auditLog.entityId, action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.articleId, articleId))
      .orderBy(asc(auditLog.id));
    const rename = (value: unknown) =>
      JSON.parse(JSON.stringify(value).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => names.get(id) ?? "generated"));
    const sortKeys = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(sortKeys) : value && typeof value === "object" ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)])) : value;
    const storedAnswers = (rename(stored.map((row) => row.result)) as unknown[]).map(sortKeys);
    storedAnswers.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    return sortKeys(rename({ answers, stored: storedAnswers, trail }));
  }

  it("answers, stores and audits every change exactly as the full path does", async () => {
    const fast = await run(true);
    const full = await run(false);
    expect(fast).toEqual(full);
    const answers = (fast as { answers: { ok: boolean; error?: { code: string } }[] }).answers;
    expect(answers.map((a) => (a.ok ? "ok" : a.error!.code))).toEqual([
      "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "duplicate_span", "stale_version", "invalid_span", "ok", "ok", "ok",
      "ok", "ok", "ok", "duplicate_span", "ok",
    ]);
  });

  it("writes the usual changes itself, and leaves every other case to the full path having written nothing", async () => {
    const articleId = await newArticle("direct");
    const context: FastContext = { ...base, articleId };
    const create = (start: number, end: number, text: string, extra: object = {}): Change => ({ id: randomUUID(), op: "create", span: { start, end, label: "CLAIM", text, ...extra } });
    const run: Run = (query) => executePrepared(connection.db, query);
    const written = (await applyInOneStatement(run, context, create(0, 7, "Kessler"))) as { span: { id: string } };
    expect(written).toMatchObject({ ok: true, span: { version: 1, text: "Kessler" } });
    const count = async () => (await connection.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.articleId, articleId)))[0].n;
    const before = await count();
    const declined: Change[] = [
      create(0, 6, "Kessler"), // text does not match the bounds
      create(39, 40, "\ud83d"), // a lone surrogate (half of the ship) has no UTF-8 form
      create(1, 8, "Kessler"), // matches the length, not the article
      create(0, 7, "Kessler", { actor: "Marta Kessler" }), // linking an actor changes the register
      create(0, 7, "Kessler"), // a twin of the first span
      { id: randomUUID(), op: "create", span: { start: 0, end: 7, label: "PERSON", text: "Kessler" } },
      { id: randomUUID(), op: "update", span: { id: written.span.id, version: 2, label: "QUOTE" } }, // stale
      { id: randomUUID(), op: "update", span: { id: written.span.id, version: 1, start: 1 } }, // a bound without text
      { id: randomUUID(), op: "update", span: { id: randomUUID(), version: 1, label: "QUOTE" } }, // no such span
      { id: randomUUID(), op: "delete", span: { id: written.span.id, version: 3 } },
      { id: randomUUID(), op: "create_relation", relation: { type: "attributed_to", from: written.span.id, to: written.span.id } },
    ];
    for (const change of declined) expect(await applyInOneStatement(run, context, change), JSON.stringify(change)).toBeNull();
    expect(await count()).toBe(before);
    const rows = await connection.db.select().from(annotations).where(and(eq(annotations.articleId, articleId)));
    expect(rows.map((row) => [row.label, row.start, row.end, row.version])).toEqual([["CLAIM", 0, 7, 1]]);
  });

  it("fails a replayed change id on the answers' key, writing nothing", async () => {
    const articleId = await newArticle("replay");
    const context: FastContext = { ...base, articleId };
    const id = randomUUID();
    const run: Run = (query) => executePrepared(connection.db, query);
    await applyInOneStatement(run, context, { id, op: "create", span: { start: 0, end: 7, label: "ACTOR", text: "Kessler" } });
    await expect(applyInOneStatement(run, context, { id, op: "create", span: { start: 44, end: 50, label: "ACTOR", text: "Brandt" } })).rejects.toThrow();
    const rows = await connection.db.select().from(annotations).where(eq(annotations.articleId, articleId));
    expect(rows).toHaveLength(1);
  });

  it("finds a changed span by its key, also before the table has statistics", async () => {
    const articleId = await newArticle("plan", "w".repeat(200));
    const context: FastContext = { ...base, articleId };
    const run: Run = (query) => executePrepared(connection.db, query);
    const spans: string[] = [];
    for (let start = 0; start < 120; start++) {
      const written = (await applyInOneStatement(run, context, { id: randomUUID(), op: "create", span: { start, end: start + 1, label: "CLAIM", text: "w" } })) as { span: { id: string } };
      spans.push(written.span.id);
    }
    const plans: string[] = [];
    const explain: Run = async (query) => {
      const result = (await connection.db.execute(sql`explain ${query}`)) as unknown as { rows: Record<string, string>[] };
      plans.push(result.rows.map((row) => Object.values(row)[0]).join("\n"));
      return [];
    };
    await applyInOneStatement(explain, context, { id: randomUUID(), op: "update", span: { id: spans[7], version: 1, label: "QUOTE" } });
    await applyInOneStatement(explain, context, { id: randomUUID(), op: "delete", span: { id: spans[7], version: 1 } });
    expect(plans).toHaveLength(2);
    for (const plan of plans) {
      // Not a walk of the layer's spans through the index of spans by bounds.
      expect(plan).not.toContain("annotations_one_span_per_bounds");
      expect(plan).toMatch(/Index Scan using annotations_pkey on annotations\s+\(/);
    }
  });
});
