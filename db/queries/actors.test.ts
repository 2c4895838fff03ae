/**
 * The actor register on every target: fuzzy ranking of misspelt names (pg_trgm plus edit
 * distance), linking an ACTOR span teaches the register its surface form, merging moves every
 * link in every layer, deleting a speaker removes its attribution (audited), and suggestions
 * are never anyone's annotation until accepted.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { actors, annotations, articles, auditLog, relations, suggestionDismissals, type Project } from "../schema";
import { createProject } from "./projects";
import { createUser, type PublicUser } from "./users";
import { applyChanges, type ChangeContext, type ChangeResult } from "./apply-changes";
import { readLayer, type LayerRef } from "./layers";
import { actorAttributions, actorMentions, createActor, getActor, mergeActors, searchActors, updateActor, DuplicateActorError } from "./actors";
import { dismissSuggestion, listDismissals } from "./suggestions";
import { streamCorpus } from "./corpus";
import { loadAgreementArticles } from "./agreement-data";
import type { Change } from "../../lib/validation/changes";

const TEXT = "Mike Waltz said “we will not blink 🚢”. Walz later added that the talks were over. Pence agreed.";
//            0-10 Mike Waltz; quote 17–36 inside the curly marks (the ship is one code point); "Walz" at 39–43

function ok(result: ChangeResult) {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result;
}

describe.each(testTargets())("actors on $name", (target) => {
  let connection: Connection;
  let project: Project;
  let analyst: PublicUser;
  let reviewer: PublicUser;
  let articleId: string;

  beforeAll(async () => {
    connection = await target.open();
    const db = connection.db;
    project = await createProject(db, { name: "Actors", slug: "actors" });
    analyst = await createUser(db, { email: "ann@a.org", name: "Ann", role: "analyst", password: "password1" });
    reviewer = await createUser(db, { email: "rev@a.org", name: "Rev", role: "reviewer", password: "password1" });
    const [article] = await db
      .insert(articles)
      .values({ projectId: project.id, externalId: "a1", title: "Talks", outlet: "Wire", publishedAt: "2026-03-02", text: TEXT, textHash: "h" })
      .returning();
    articleId = article.id;
  });
  afterAll(async () => {
    await connection?.close();
  });

  const context = (layer: LayerRef, userId = analyst.id): ChangeContext => ({
    userId,
    projectId: project.id,
    article: { id: articleId, text: TEXT },
    layer,
    labels: new Set(["QUOTE", "CLAIM", "ACTOR"]),
  });
  const apply = (layer: LayerRef, ...changes: Change[]) => applyChanges(connection.db, context(layer, layer.kind === "analyst" ? analyst.id : reviewer.id), changes);
  const mine: LayerRef = { kind: "analyst", userId: "" };

  it("ranks Mike Waltz first for misspelt names, among similar ones", async () => {
    mine.kind === "analyst" && (mine.userId = analyst.id);
    for (const name of ["Mike Waltz", "Walter Mondale", "Mike Pence", "Michael Wolff", "Marta Kessler"]) {
      await createActor(connection.db, project.id, { name, kind: "person" }, reviewer.id);
    }
    for (const query of ["Walz", "Volz", "Waltz", "Mike Waltz", "mike waltz"]) {
      const ranked = await searchActors(connection.db, project.id, query);
      expect(ranked[0]?.name, query).toBe("Mike Waltz");
      expect(ranked[0].score).toBeGreaterThan(0.5);
    }
    expect((await searchActors(connection.db, project.id, "Kesler"))[0]?.name).toBe("Marta Kessler");
    await expect(createActor(connection.db, project.id, { name: "Mike Waltz", kind: "person" }, reviewer.id)).rejects.toBeInstanceOf(DuplicateActorError);
  });

  it("finds an actor by an alias it learned from a linked span", async () => {
    const [span] = await apply(mine, { id: randomUUID(), op: "create", span: { start: 39, end: 43, label: "ACTOR", text: "Walz", actor: "Mike Waltz" } });
    expect(ok(span).span?.actor).toBe("Mike Waltz");
    // The same surface form again is not a second alias; the name itself never becomes one.
    await apply(mine, { id: randomUUID(), op: "create", span: { start: 0, end: 10, label: "ACTOR", text: "Mike Waltz", actor: "Mike Waltz" } });
    const [waltz] = await connection.db.select().from(actors).where(and(eq(actors.projectId, project.id), eq(actors.name, "Mike Waltz")));
    expect(waltz.aliases).toEqual(["Walz"]);
    // An update that links an existing span also teaches its text.
    const [pence] = await apply(mine, { id: randomUUID(), op: "create", span: { start: 82, end: 87, label: "ACTOR", text: "Pence" } });
    await apply(mine, { id: randomUUID(), op: "update", span: { id: ok(pence).span!.id, version: 1, actor: "Mike Pence" } });
    const [mikePence] = await connection.db.select().from(actors).where(and(eq(actors.projectId, project.id), eq(actors.name, "Mike Pence")));
    expect(mikePence.aliases).toEqual(["Pence"]);
  });

  it("merges two actors: every link in every layer moves, aliases unite, the loser resolves to the survivor", async () => {
    const db = connection.db;
    const dup = await createActor(db, project.id, { name: "M. Waltz", aliases: ["Waltzy"], kind: "person", externalId: "Q123" }, reviewer.id);
    const gold: LayerRef = { kind: "gold" };
    const [goldActor, goldQuote] = await apply(
      gold,
      { id: randomUUID(), op: "create", span: { start: 0, end: 10, label: "ACTOR", text: "Mike Waltz", actor: "M. Waltz" } },
      { id: randomUUID(), op: "create", span: { start: 17, end: 36, label: "QUOTE", text: "we will not blink 🚢" } },
    );
    await apply(gold, { id: randomUUID(), op: "create_relation", relation: { type: "attributed_to", from: ok(goldQuote).span!.id, to: ok(goldActor).span!.id } });
    const layer = await readLayer(db, articleId, mine);
    const analystWalz = layer.spans.find((s) => s.text === "Walz")!;
    await apply(mine, { id: randomUUID(), op: "update", span: { id: analystWalz.id, version: analystWalz.version, actor: "M. Waltz" } });
    const [survivor] = await db.select().from(actors).where(and(eq(actors.projectId, project.id), eq(actors.name, "Mike Waltz")));
    const linkedBefore = await db.select({ id: annotations.id, version: annotations.version }).from(annotations).where(eq(annotations.actorId, dup.id));
    expect(linkedBefore).toHaveLength(2);
    const heldByEditor = (await readLayer(db, articleId, mine)).spans.find((s) => s.id === analystWalz.id)!;

    const { moved } = await mergeActors(db, project.id, { loserId: dup.id, survivorId: survivor.id }, reviewer.id);
    expect(moved).toBe(2);
    const linkedAfter = await db.select({ id: annotations.id, layer: annotations.layerKind }).from(annotations).where(eq(annotations.actorId, survivor.id));
    expect(linkedAfter.map((r) => r.id)).toEqual(expect.arrayContaining(linkedBefore.map((r) => r.id)));
    expect(new Set(linkedAfter.map((r) => r.layer))).toEqual(new Set(["analyst", "gold"]));
    // Each moved span is a new version: an editor still showing the loser's name cannot write over it.
    const versions = await db.select({ id: annotations.id, version: annotations.version }).from(annotations).where(eq(annotations.actorId, survivor.id));
    for (const before of linkedBefore) expect(versions.find((v) => v.id === before.id)?.version).toBe(before.version + 1);
    expect(heldByEditor.actor).toBe("M. Waltz");
    const [stale] = await apply(mine, { id: randomUUID(), op: "update", span: { id: heldByEditor.id, version: heldByEditor.version, note: "checked" } });
    expect(stale).toMatchObject({ ok: false, error: { code: "stale_version", current: expect.objectContaining({ actor: "Mike Waltz" }) } });
    const merged = await getActor(db, project.id, dup.id);
    expect(merged).toMatchObject({ id: survivor.id, name: "Mike Waltz", externalId: "Q123", mergedFrom: "M. Waltz" });
    expect(merged!.aliases).toEqual(expect.arrayContaining(["Walz", "M. Waltz", "Waltzy"]));
    // Readers see the survivor's name; the gold attribution now counts for the survivor.
    expect((await readLayer(db, articleId, gold)).spans.find((s) => s.label === "ACTOR")?.actor).toBe("Mike Waltz");
    const quotes = await actorAttributions(db, project.id, survivor.id, { id: reviewer.id, role: "reviewer" });
    expect(quotes.map((q) => [q.text, q.layer.kind, q.article.externalId, q.article.outlet])).toEqual([["we will not blink 🚢", "gold", "a1", "Wire"]]);
    expect(quotes[0].before).toBe("Mike Waltz said “");
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entity, "actor"), eq(auditLog.action, "merge")));
    expect(entry.entityId).toBe(survivor.id);
    // A name of a merged actor links to the survivor.
    const [again] = await apply(mine, { id: randomUUID(), op: "create", span: { start: 0, end: 4, label: "ACTOR", text: "Mike", actor: "M. Waltz" } });
    expect(ok(again).span?.actor).toBe("Mike Waltz");
    await expect(updateActor(db, project.id, dup.id, { description: "x" }, reviewer.id)).rejects.toThrow(/merged/);
  });

  it("shows an analyst only their own layer's mentions and attributions", async () => {
    const db = connection.db;
    const [survivor] = await db.select().from(actors).where(and(eq(actors.projectId, project.id), eq(actors.name, "Mike Waltz")));
    const asAnalyst = await actorMentions(db, project.id, survivor.id, { id: analyst.id, role: "analyst" });
    expect(new Set(asAnalyst.map((m) => m.layer.kind))).toEqual(new Set(["analyst"]));
    const asReviewer = await actorMentions(db, project.id, survivor.id, { id: reviewer.id, role: "reviewer" });
    expect(asReviewer.some((m) => m.layer.kind === "gold")).toBe(true);
    expect(await actorAttributions(db, project.id, survivor.id, { id: analyst.id, role: "analyst" })).toEqual([]);
  });

  it("attribution survives edits of either span; deleting the speaker removes it, in the audit log", async () => {
    const db = connection.db;
    const layer = await readLayer(db, articleId, mine);
    const speaker = layer.spans.find((s) => s.label === "ACTOR" && s.start === 0 && s.end === 10)!;
    const [quote] = await apply(mine, { id: randomUUID(), op: "create", span: { start: 17, end: 36, label: "QUOTE", text: "we will not blink 🚢" } });
    const quoteId = ok(quote).span!.id;
    const [relation] = await apply(mine, { id: randomUUID(), op: "create_relation", relation: { type: "attributed_to", from: quoteId, to: speaker.id } });
    const relationId = ok(relation).relation!.id;
    // Move the quote's end, relabel it CLAIM, move the speaker's start: the attribution stays.
    await apply(mine, { id: randomUUID(), op: "update", span: { id: quoteId, version: 1, end: 35, text: "we will not blink " } });
    await apply(mine, { id: randomUUID(), op: "update", span: { id: quoteId, version: 2, label: "CLAIM" } });
    await apply(mine, { id: randomUUID(), op: "update", span: { id: speaker.id, version: speaker.version, start: 5, text: "Waltz" } });
    expect((await readLayer(db, articleId, mine)).relations.map((r) => r.id)).toContain(relationId);

    const current = (await readLayer(db, articleId, mine)).spans.find((s) => s.id === speaker.id)!;
    ok((await apply(mine, { id: randomUUID(), op: "delete", span: { id: speaker.id, version: current.version } }))[0]);
    expect((await readLayer(db, articleId, mine)).relations.map((r) => r.id)).not.toContain(relationId);
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.entity, "relation"), eq(auditLog.entityId, relationId)));
    expect(entries.map((e) => e.action)).toEqual(["create", "delete"]);
    const [gone] = await db.select().from(relations).where(eq(relations.id, relationId));
    expect(gone.deletedAt).not.toBeNull();
  });

  it("keeps suggestions out of analysts' layers, exports and agreement until accepted; dismissals are no annotations", async () => {
    const db = connection.db;
    const suggestions: LayerRef = { kind: "suggestions" };
    const [posted] = await apply(suggestions, {
      id: randomUUID(),
      op: "create",
      span: { start: 44, end: 80, label: "CLAIM", text: "later added that the talks were over", attributes: { model: "claim-bert", score: 0.91 } },
    });
    const suggestionId = ok(posted).span!.id;
    const before = await readLayer(db, articleId, mine);
    expect(before.spans.some((s) => s.start === 44)).toBe(false);

    await dismissSuggestion(db, articleId, analyst.id, `model:${suggestionId}`);
    await dismissSuggestion(db, articleId, analyst.id, `model:${suggestionId}`);
    await dismissSuggestion(db, articleId, analyst.id, "builtin:QUOTE:17:36");
    expect((await listDismissals(db, articleId, analyst.id)).sort()).toEqual(["builtin:QUOTE:17:36", `model:${suggestionId}`]);
    expect(await listDismissals(db, articleId, reviewer.id)).toEqual([]);
    expect(await db.select().from(suggestionDismissals)).toHaveLength(2);
    expect((await readLayer(db, articleId, mine)).spans).toEqual(before.spans);

    const exported = [];
    for await (const article of streamCorpus(db, project.id, { kind: "everything" })) exported.push(article);
    const allSpans = exported.flatMap((a) => [...a.annotations.flatMap((l) => l.spans), ...(a.gold?.spans ?? [])]);
    expect(allSpans.some((s) => s.attributes && (s.attributes as Record<string, unknown>).model === "claim-bert")).toBe(false);
    const agreement = await loadAgreementArticles(db, project.id);
    expect(agreement.flatMap((a) => Object.values(a.layers).flat()).some((s) => s.start === 44 && s.end === 80)).toBe(false);

    // Accepting is a normal change on the analyst's own layer that keeps the model's name.
    ok((await apply(mine, { id: randomUUID(), op: "create", span: { start: 44, end: 80, label: "CLAIM", text: "later added that the talks were over", attributes: { model: "claim-bert", score: 0.91 } } }))[0]);
    const accepted = (await readLayer(db, articleId, mine)).spans.find((s) => s.start === 44 && s.end === 80);
    expect(accepted?.attributes).toEqual({ model: "claim-bert", score: 0.91 });
    expect((await readLayer(db, articleId, suggestions)).spans).toHaveLength(1);
  });
});
