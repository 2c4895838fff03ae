import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { articles, assignments, auditLog, reviewDecisions } from "../schema";
import { createProject } from "./projects";
import { createUser, type PublicUser } from "./users";
import { applyChanges, type ChangeResult } from "./apply-changes";
import { readLayer } from "./layers";
import { feedbackFor, loadReviewState } from "./review-board";
import { acceptAllUnanimous, decide, ReviewRefusal, undoDecision, type ReviewContext } from "./review-decisions";
import { listReviewQueue, loadProjectFeedback } from "./review-queue";
import type { Change } from "../../lib/validation/changes";

// Kessler 0–7 · we will not sign 13–29 · "we will not sign." 13–30 · Brandt 31–37 · no deal 39–46
const TEXT = "Kessler said we will not sign. Brandt: no deal.";
const cp = (start: number, end: number) => [...TEXT].slice(start, end).join("");
const LABELS = ["QUOTE", "CLAIM", "ACTOR"];

function spanOf(result: ChangeResult) {
  if (!result.ok || !result.span) throw new Error(result.ok ? "no span" : result.error.message);
  return result.span;
}

describe.each(testTargets())("review decisions on $name", (target) => {
  let connection: Connection;
  let alice: PublicUser;
  let bob: PublicUser;
  let reviewer: PublicUser;
  let projectId: string;
  let context: ReviewContext;
  const db = () => connection.db;

  async function annotate(user: PublicUser, quoteEnd: number, speaker: "Kessler" | "Brandt", extra: Change[] = []) {
    const ctx = { userId: user.id, projectId, article: context.article, layer: { kind: "analyst" as const, userId: user.id }, labels: new Set(LABELS) };
    const create = (label: string, start: number, end: number, actor?: string): Change => ({ id: randomUUID(), op: "create", span: { label, start, end, text: cp(start, end), ...(actor ? { actor } : {}) } });
    const [kessler, brandt, quote] = (
      await applyChanges(db(), ctx, [create("ACTOR", 0, 7, "Mara Kessler"), create("ACTOR", 31, 37), create("QUOTE", 13, quoteEnd), ...extra])
    ).map(spanOf);
    const to = speaker === "Kessler" ? kessler : brandt;
    const [linked] = await applyChanges(db(), ctx, [{ id: randomUUID(), op: "create_relation", relation: { type: "attributed_to", from: quote.id, to: to.id } }]);
    expect(linked.ok).toBe(true);
  }

  beforeAll(async () => {
    connection = await target.open();
    const project = await createProject(db(), { name: "Review", slug: "review" });
    projectId = project.id;
    alice = await createUser(db(), { email: "alice@r.org", name: "Alice", role: "analyst", password: "password1" });
    bob = await createUser(db(), { email: "bob@r.org", name: "Bob", role: "analyst", password: "password1" });
    reviewer = await createUser(db(), { email: "rev@r.org", name: "Rev", role: "reviewer", password: "password1" });
    const [article] = await db().insert(articles).values({ projectId, externalId: "a1", title: "T", text: TEXT, textHash: "h" }).returning();
    context = { userId: reviewer.id, projectId, article: { id: article.id, text: TEXT }, labels: new Set(LABELS) };
    await db().insert(assignments).values([
      { articleId: article.id, userId: alice.id, status: "in_progress" },
      { articleId: article.id, userId: bob.id, status: "done" },
    ]);
    // alice: QUOTE 13–29 said by Kessler; bob: QUOTE 13–30 said by Brandt, and a CLAIM alice lacks
    await annotate(alice, 29, "Kessler");
    await annotate(bob, 30, "Brandt", [{ id: randomUUID(), op: "create", span: { label: "CLAIM", start: 39, end: 46, text: cp(39, 46) } }]);
  });
  afterAll(async () => {
    await connection?.close();
  });

  it("lists an article in the queue only when every assigned analyst is done", async () => {
    expect(await listReviewQueue(db(), projectId)).toEqual([]);
    await db().update(assignments).set({ status: "done" }).where(eq(assignments.userId, alice.id));
    const queue = await listReviewQueue(db(), projectId);
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ externalId: "a1", analysts: ["alice@r.org", "bob@r.org"], goldSpans: 0, decided: 0 });
    // ACTOR agrees (1), QUOTE does not (0), CLAIM only bob (0): 1 − 1/3
    expect(queue[0].disagreement).toBeCloseTo(2 / 3);
  });

  it("groups and classifies the analysts' layers", async () => {
    const state = await loadReviewState(db(), context.article.id, TEXT);
    expect(state.analysts.map((a) => a.email)).toEqual(["alice@r.org", "bob@r.org"]);
    expect(state.units.map((u) => [u.key, u.kind, u.issues])).toEqual([
      ["0-7:ACTOR", "unanimous", []],
      ["13-30:QUOTE", "bounds", ["bounds", "attribution"]],
      ["31-37:ACTOR", "unanimous", []],
      ["39-46:CLAIM", "missing", ["missing"]],
    ]);
    expect(state.units[1].versions[0].spans[0].speaker).toMatchObject({ name: "Mara Kessler", start: 0, end: 7 });
    expect(state.units[1].versions[1].spans[0].speaker).toMatchObject({ name: "Brandt" });
  });

  it("accepts a QUOTE before its speaker, then links it when the speaker is accepted, keeping provenance", async () => {
    await decide(db(), context, { decision: "accept", unit: "13-30:QUOTE", analystId: alice.id });
    let state = await loadReviewState(db(), context.article.id, TEXT);
    expect(state.gold).toHaveLength(1);
    expect(state.gold[0]).toMatchObject({ label: "QUOTE", start: 13, end: 29, speaker: null });
    expect((await loadReviewState(db(), context.article.id, TEXT)).gold[0].pendingSpeaker).toEqual({ start: 0, end: 7, text: "Kessler" });
    expect(state.gold[0].provenance).toMatchObject({ decision: "accept", decidedBy: "rev@r.org", sources: [{ email: "alice@r.org" }] });
    expect(state.units[1].decision).toMatchObject({ decision: "accept", decidedBy: "rev@r.org" });

    await decide(db(), context, { decision: "accept", unit: "0-7:ACTOR", analystId: bob.id });
    state = await loadReviewState(db(), context.article.id, TEXT);
    const actor = state.gold.find((s) => s.label === "ACTOR")!;
    expect(actor.actor).toBe("Mara Kessler");
    expect(actor.provenance?.sources.map((s) => s.email).sort()).toEqual(["alice@r.org", "bob@r.org"]);
    expect(state.gold.find((s) => s.label === "QUOTE")!.speaker).toMatchObject({ id: actor.id, name: "Mara Kessler" });
    const gold = await readLayer(db(), context.article.id, { kind: "gold" });
    expect(gold.relations).toEqual([expect.objectContaining({ to: actor.id })]);
  });

  it("writes every decision, gold span and attribution to the audit log", async () => {
    const rows = await db().select().from(auditLog).where(eq(auditLog.articleId, context.article.id));
    const of = (entity: string, action: string) => rows.filter((r) => r.entity === entity && r.action === action).length;
    expect(of("review_decision", "accept")).toBe(2);
    expect(of("gold_annotation", "create")).toBe(2);
    expect(of("gold_relation", "create")).toBe(1);
    expect(rows.every((r) => r.userId === reviewer.id || r.entity === "annotation" || r.entity === "relation")).toBe(true);
  });

  it("deciding a unit again replaces the standing decision; undo removes the last one", async () => {
    await decide(db(), context, { decision: "accept", unit: "13-30:QUOTE", analystId: bob.id });
    let state = await loadReviewState(db(), context.article.id, TEXT);
    const quotes = state.gold.filter((s) => s.label === "QUOTE");
    expect(quotes.map((q) => q.end)).toEqual([30]);
    // bob's speaker (Brandt) is not in gold yet: no attribution until it is accepted
    expect(quotes[0].speaker).toBeNull();
    expect((await loadReviewState(db(), context.article.id, TEXT)).gold.find((s) => s.label === "QUOTE")!.pendingSpeaker).toMatchObject({ text: "Brandt" });
    const [decision] = await db().select().from(reviewDecisions).where(and(eq(reviewDecisions.articleId, context.article.id), eq(reviewDecisions.unitKey, "13-30:QUOTE")));
    expect(decision.sourceAnnotationIds).toHaveLength(2);

    await undoDecision(db(), context);
    state = await loadReviewState(db(), context.article.id, TEXT);
    expect(state.gold.map((s) => s.label)).toEqual(["ACTOR"]);
    expect(state.units[1].decision).toBeNull();
    const rows = await db().select().from(auditLog).where(and(eq(auditLog.articleId, context.article.id), eq(auditLog.entity, "review_decision")));
    expect(rows.map((r) => r.action)).toEqual(["accept", "accept", "replaced", "accept", "undo"]);
  });

  it("edits bounds and label, adds a span none made, rejects, and refuses bad input", async () => {
    await decide(db(), context, { decision: "edit", unit: "13-30:QUOTE", label: "QUOTE", start: 12, end: 30, basedOn: alice.id });
    await decide(db(), context, { decision: "add", label: "QUOTE", start: 39, end: 46 });
    await decide(db(), context, { decision: "reject", unit: "39-46:CLAIM" });
    const state = await loadReviewState(db(), context.article.id, TEXT);
    const edited = state.gold.find((s) => s.start === 12)!;
    expect(edited).toMatchObject({ label: "QUOTE", text: " we will not sign.", speaker: { name: "Mara Kessler" } });
    expect(edited.provenance?.sources.map((s) => s.email).sort()).toEqual(["alice@r.org", "bob@r.org"]);
    expect(state.gold.find((s) => s.start === 39)).toMatchObject({ label: "QUOTE", provenance: { decision: "add", sources: [] } });
    expect(state.units[3].decision).toMatchObject({ decision: "reject" });
    await expect(decide(db(), context, { decision: "add", label: "QUOTE", start: 40, end: 99 })).rejects.toBeInstanceOf(ReviewRefusal);
    await expect(decide(db(), context, { decision: "reject", unit: "1-2:QUOTE" })).rejects.toMatchObject({ code: "unknown_unit" });
  });

  it("accepts all unanimous units in one step that one undo reverses, and gives feedback against gold", async () => {
    const { decisionIds } = await acceptAllUnanimous(db(), context);
    // 0-7 ACTOR is already decided; 31-37 ACTOR is the only open unanimous unit
    expect(decisionIds).toHaveLength(1);
    let state = await loadReviewState(db(), context.article.id, TEXT);
    expect(state.gold.map((s) => `${s.label}:${s.start}`).sort()).toEqual(["ACTOR:0", "ACTOR:31", "QUOTE:12", "QUOTE:39"]);
    await expect(acceptAllUnanimous(db(), context)).rejects.toMatchObject({ code: "nothing_to_accept" });

    const feedback = feedbackFor(state, LABELS)!;
    const bobAll = feedback.find((f) => f.email === "bob@r.org")!.all;
    // bob: 4 spans, 2 in gold (the ACTORs); gold: 4 spans
    expect(bobAll).toMatchObject({ candidateSpans: 4, referenceSpans: 4, precision: 0.5, recall: 0.5 });

    const project = await loadProjectFeedback(db(), projectId);
    expect(project.articles).toBe(1);
    expect(project.feedback.find((f) => f.email === "bob@r.org")!.all).toEqual(bobAll);
    const queue = await listReviewQueue(db(), projectId);
    expect(queue[0]).toMatchObject({ goldSpans: 4, decided: 5 });

    await undoDecision(db(), context);
    state = await loadReviewState(db(), context.article.id, TEXT);
    expect(state.gold.map((s) => `${s.label}:${s.start}`).sort()).toEqual(["ACTOR:0", "QUOTE:12", "QUOTE:39"]);
  });
});
