import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { annotations, articles, auditLog, type Project } from "../schema";
import { createProject } from "./projects";
import { createUser, type PublicUser } from "./users";
import { applyChanges, type ChangeContext, type ChangeResult } from "./apply-changes";
import { readLayer } from "./layers";
import type { Change } from "../../lib/validation/changes";

const TEXT = "Kessler said “promises do not pay rent 🚢”.\r\nBrandt: 'We remain at the table.'";
// code points: "Kessler" 0–7; the quote inside the curly marks: 14–40 (the ship emoji is one code point, at 39)

function ok(result: ChangeResult) {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result;
}

describe.each(testTargets())("applying layer changes on $name", (target) => {
  let connection: Connection;
  let project: Project;
  let analyst: PublicUser;
  let context: ChangeContext;

  beforeAll(async () => {
    connection = await target.open();
    const db = connection.db;
    project = await createProject(db, { name: "Changes", slug: "changes" });
    analyst = await createUser(db, { email: "ann@c.org", name: "Ann", role: "analyst", password: "password1" });
    const [article] = await db.insert(articles).values({ projectId: project.id, externalId: "a1", title: "T", text: TEXT, textHash: "h" }).returning();
    context = {
      userId: analyst.id,
      projectId: project.id,
      article: { id: article.id, text: TEXT },
      layer: { kind: "analyst", userId: analyst.id },
      labels: new Set(["QUOTE", "CLAIM", "ACTOR"]),
    };
  });
  afterAll(async () => {
    await connection?.close();
  });

  const apply = (...changes: Change[]) => applyChanges(connection.db, context, changes);

  it("creates spans with code-point offsets past an emoji and CRLF, and reads them back", async () => {
    const [quote, actor, brandt] = await apply(
      { id: randomUUID(), op: "create", span: { start: 14, end: 40, label: "QUOTE", text: "promises do not pay rent 🚢" } },
      { id: randomUUID(), op: "create", span: { start: 0, end: 7, label: "ACTOR", text: "Kessler", actor: "Marta Kessler" } },
      { id: randomUUID(), op: "create", span: { start: 44, end: 50, label: "ACTOR", text: "Brandt" } },
    );
    expect(ok(quote).span).toMatchObject({ start: 14, end: 40, version: 1 });
    expect(ok(actor).span?.actor).toBe("Marta Kessler");
    expect(ok(brandt).span?.text).toBe("Brandt");
    const layer = await readLayer(connection.db, context.article.id, context.layer);
    expect(layer.spans.map((s) => [s.label, s.start, s.end])).toEqual([
      ["ACTOR", 0, 7],
      ["QUOTE", 14, 40],
      ["ACTOR", 44, 50],
    ]);
  });

  it("refuses spans whose text does not match, that run past the end, or use an unknown label", async () => {
    const [mismatch, outside, unknown] = await apply(
      { id: randomUUID(), op: "create", span: { start: 14, end: 38, label: "QUOTE", text: "promises do not pay rent 🚢" } },
      { id: randomUUID(), op: "create", span: { start: 70, end: 90, label: "CLAIM", text: "x" } },
      { id: randomUUID(), op: "create", span: { start: 0, end: 7, label: "PERSON", text: "Kessler" } },
    );
    expect(mismatch).toMatchObject({ ok: false, error: { code: "invalid_span" } });
    expect(outside).toMatchObject({ ok: false, error: { code: "invalid_span" } });
    expect(unknown).toMatchObject({ ok: false, error: { code: "unknown_label" } });
  });

  it("answers a replayed change id with the first answer and writes once", async () => {
    const change: Change = { id: randomUUID(), op: "create", span: { start: 8, end: 12, label: "CLAIM", text: "said" } };
    const [first] = await apply(change);
    const [second] = await apply(change);
    expect(second).toEqual(first);
    const [again] = await Promise.all([apply(change), apply(change)]);
    expect(again[0]).toEqual(first);
    const rows = await connection.db.select().from(annotations).where(sql`${annotations.label} = 'CLAIM' and ${annotations.start} = 8`);
    expect(rows).toHaveLength(1);
  });

  it("applies the same new change sent twice concurrently exactly once", async () => {
    const change: Change = { id: randomUUID(), op: "create", span: { start: 8, end: 20, label: "QUOTE", text: "said “promis" } };
    const [a, b] = await Promise.all([apply(change), apply(change)]);
    expect(a[0]).toEqual(b[0]);
    const rows = await connection.db.select().from(annotations).where(sql`${annotations.label} = 'QUOTE' and ${annotations.start} = 8`);
    expect(rows).toHaveLength(1);
  });

  it("refuses a stale version with the current state, and a duplicate span", async () => {
    const layer = await readLayer(connection.db, context.article.id, context.layer);
    const quote = layer.spans.find((s) => s.label === "QUOTE" && s.start === 14)!;
    const [moved] = await apply({ id: randomUUID(), op: "update", span: { id: quote.id, version: 1, end: 39, text: "promises do not pay rent " } });
    expect(ok(moved).span).toMatchObject({ version: 2, end: 39 });
    const [stale] = await apply({ id: randomUUID(), op: "update", span: { id: quote.id, version: 1, label: "CLAIM" } });
    expect(stale).toMatchObject({ ok: false, error: { code: "stale_version", current: { version: 2, end: 39 } } });
    const [dup] = await apply({ id: randomUUID(), op: "create", span: { start: 0, end: 7, label: "ACTOR", text: "Kessler" } });
    expect(dup).toMatchObject({ ok: false, error: { code: "duplicate_span" } });
    const [noText] = await apply({ id: randomUUID(), op: "update", span: { id: quote.id, version: 2, start: 15 } });
    expect(noText).toMatchObject({ ok: false, error: { code: "invalid_span" } });
  });

  it("attributes a quote to an actor once, and deleting the actor removes the attribution with an audit entry", async () => {
    const layer = await readLayer(connection.db, context.article.id, context.layer);
    const quote = layer.spans.find((s) => s.label === "QUOTE" && s.start === 14)!;
    const kessler = layer.spans.find((s) => s.text === "Kessler")!;
    const brandt = layer.spans.find((s) => s.text === "Brandt")!;
    const [attributed] = await apply({ id: randomUUID(), op: "create_relation", relation: { type: "attributed_to", from: quote.id, to: kessler.id } });
    expect(ok(attributed).relation).toMatchObject({ from: quote.id, to: kessler.id });
    const [second] = await apply({ id: randomUUID(), op: "create_relation", relation: { type: "attributed_to", from: quote.id, to: brandt.id } });
    expect(second).toMatchObject({ ok: false, error: { code: "already_attributed" } });
    const [backwards] = await apply({ id: randomUUID(), op: "create_relation", relation: { type: "attributed_to", from: brandt.id, to: kessler.id } });
    expect(backwards).toMatchObject({ ok: false, error: { code: "invalid_relation" } });

    const [deleted] = await apply({ id: randomUUID(), op: "delete", span: { id: kessler.id, version: kessler.version } });
    expect(ok(deleted).deleted).toBe(true);
    const after = await readLayer(connection.db, context.article.id, context.layer);
    expect(after.relations).toEqual([]);
    expect(after.spans.find((s) => s.id === kessler.id)).toBeUndefined();
    const trail = await connection.db.select().from(auditLog).where(eq(auditLog.articleId, context.article.id));
    expect(trail.filter((e) => e.entity === "relation").map((e) => e.action)).toEqual(["create", "delete"]);
    expect(trail.some((e) => e.entity === "annotation" && e.action === "delete" && e.entityId === kessler.id)).toBe(true);
  });

  it("keeps layers apart: another analyst's layer does not see these spans", async () => {
    const other = await createUser(connection.db, { email: "bob@c.org", name: "Bob", role: "analyst", password: "password1" });
    const theirs = await readLayer(connection.db, context.article.id, { kind: "analyst", userId: other.id });
    expect(theirs.spans).toEqual([]);
  });

  it("refuses a change id first used by someone else", async () => {
    const id = randomUUID();
    await apply({ id, op: "create", span: { start: 52, end: 54, label: "CLAIM", text: "'W" } });
    const other = await createUser(connection.db, { email: "eve@c.org", name: "Eve", role: "analyst", password: "password1" });
    const [reused] = await applyChanges(connection.db, { ...context, userId: other.id, layer: { kind: "analyst", userId: other.id } }, [
      { id, op: "create", span: { start: 52, end: 54, label: "CLAIM", text: "'W" } },
    ]);
    expect(reused).toMatchObject({ ok: false, error: { code: "change_id_reused" } });
  });
});
