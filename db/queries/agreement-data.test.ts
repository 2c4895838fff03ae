import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { actors, annotations, articles, assignments, relations, users } from "../schema";
import { createProject } from "./projects";
import { computeProjectAgreement, loadAgreementArticles } from "./agreement-data";
import { textHash } from "../../lib/text/text-hash";
import type { AgreementFigure, AgreementReport } from "../../lib/agreement";

const A = "a@agree.org";
const B = "b@agree.org";
const C = "c@agree.org";
// Tokens: Merkel [0,6) said [7,11) taxes [12,17) will [18,22) rise [23,27) today [28,33)
const TEXT_1 = "Merkel said taxes will rise today";
// Tokens: No quotes here at all (5)
const TEXT_2 = "No quotes here at all";

function figure(report: AgreementReport, measure: string, label: string | null, annotators: string[], article: string | null): AgreementFigure {
  const found = report.figures.filter(
    (f) => f.measure === measure && f.label === label && f.article === article && f.annotators.join() === annotators.join(),
  );
  expect(found, `${measure} ${label} ${annotators} ${article}`).toHaveLength(1);
  return found[0];
}

describe.each(testTargets())("loading analysts' layers for agreement on $name", (target) => {
  let connection: Connection;
  let projectId: string;

  beforeAll(async () => {
    connection = await target.open();
    const db = connection.db;
    const project = await createProject(db, { name: "Agree", slug: "agree" });
    projectId = project.id;
    const other = await createProject(db, { name: "Other", slug: "other" });
    const [a, b, c] = await db
      .insert(users)
      .values([A, B, C].map((email) => ({ email, name: email, role: "analyst" as const, passwordHash: "x" })))
      .returning();
    const [merkel] = await db.insert(actors).values({ projectId, name: "Angela Merkel" }).returning();
    const [alias] = await db.insert(actors).values({ projectId, name: "A. Merkel", mergedIntoId: merkel.id }).returning();
    const [m1, m2, m3, m4, elsewhere] = await db
      .insert(articles)
      .values([
        { projectId, externalId: "m-1", title: "One", text: TEXT_1, textHash: textHash(TEXT_1) },
        { projectId, externalId: "m-2", title: "Two", text: TEXT_2, textHash: textHash(TEXT_2) },
        { projectId, externalId: "m-3", title: "Three", text: "Only deleted work", textHash: textHash("Only deleted work") },
        { projectId, externalId: "m-4", title: "Four", text: "Untouched", textHash: textHash("Untouched") },
        { projectId: other.id, externalId: "m-1", title: "Elsewhere", text: TEXT_1, textHash: textHash(TEXT_1) },
      ])
      .returning();
    await db.insert(assignments).values([
      { articleId: m1.id, userId: a.id, status: "done" },
      { articleId: m1.id, userId: b.id, status: "done" },
      { articleId: m1.id, userId: c.id, status: "in_progress" },
      { articleId: m2.id, userId: a.id, status: "done" }, // done with no span: an empty layer
      { articleId: m2.id, userId: b.id, status: "todo" }, // but one live span: a layer
      { articleId: m2.id, userId: c.id, status: "todo" }, // nothing: no layer
      { articleId: m3.id, userId: c.id, status: "in_progress" }, // a deleted span only: no layer
      { articleId: m4.id, userId: a.id, status: "todo" },
    ]);

    type SpanInput = { article: string; user: string | null; kind?: "analyst" | "gold" | "suggestions"; label: string; start: number; end: number; text: string; actorId?: string; deleted?: boolean };
    const span = async (input: SpanInput) => {
      const [row] = await db
        .insert(annotations)
        .values({
          articleId: input.article,
          layerKind: input.kind ?? "analyst",
          layerUserId: input.user,
          label: input.label,
          start: input.start,
          end: input.end,
          text: input.text,
          actorId: input.actorId ?? null,
          deletedAt: input.deleted ? new Date() : null,
        })
        .returning();
      return row;
    };
    const attribute = async (article: string, user: string | null, from: string, to: string, deleted = false) =>
      db.insert(relations).values({ articleId: article, layerKind: user ? "analyst" : "gold", layerUserId: user, fromId: from, toId: to, deletedAt: deleted ? new Date() : null });

    // m-1, analyst a: Merkel (the actor) said "taxes will rise"; an unattributed CLAIM.
    const aActor = await span({ article: m1.id, user: a.id, label: "ACTOR", start: 0, end: 6, text: "Merkel", actorId: merkel.id });
    const aQuote = await span({ article: m1.id, user: a.id, label: "QUOTE", start: 12, end: 27, text: "taxes will rise" });
    await span({ article: m1.id, user: a.id, label: "CLAIM", start: 12, end: 33, text: "taxes will rise today" });
    await attribute(m1.id, a.id, aQuote.id, aActor.id);
    // b: the alias actor, merged into Angela Merkel; a CLAIM with other bounds; a deleted span and a deleted relation.
    const bActor = await span({ article: m1.id, user: b.id, label: "ACTOR", start: 0, end: 6, text: "Merkel", actorId: alias.id });
    const bQuote = await span({ article: m1.id, user: b.id, label: "QUOTE", start: 12, end: 27, text: "taxes will rise" });
    const bClaim = await span({ article: m1.id, user: b.id, label: "CLAIM", start: 18, end: 33, text: "will rise today" });
    await span({ article: m1.id, user: b.id, label: "QUOTE", start: 0, end: 11, text: "Merkel said", deleted: true });
    await attribute(m1.id, b.id, bQuote.id, bActor.id);
    await attribute(m1.id, b.id, bClaim.id, bActor.id, true);
    // c: an ACTOR span linking no actor, so the speaker is its covered text.
    const cActor = await span({ article: m1.id, user: c.id, label: "ACTOR", start: 0, end: 6, text: "Merkel" });
    const cQuote = await span({ article: m1.id, user: c.id, label: "QUOTE", start: 12, end: 27, text: "taxes will rise" });
    await attribute(m1.id, c.id, cQuote.id, cActor.id);
    // gold and suggestions are never anyone's annotation
    await span({ article: m1.id, user: null, kind: "gold", label: "QUOTE", start: 0, end: 33, text: TEXT_1 });
    await span({ article: m1.id, user: null, kind: "suggestions", label: "CLAIM", start: 0, end: 6, text: "Merkel" });
    // m-2: only b marked something
    await span({ article: m2.id, user: b.id, label: "ACTOR", start: 0, end: 2, text: "No" });
    // m-3: c's only span is deleted; gold exists
    await span({ article: m3.id, user: c.id, label: "CLAIM", start: 0, end: 4, text: "Only", deleted: true });
    await span({ article: m3.id, user: null, kind: "gold", label: "CLAIM", start: 0, end: 4, text: "Only" });
    // the same external id in another project, annotated by a: not this project's
    await span({ article: elsewhere.id, user: a.id, label: "ACTOR", start: 0, end: 6, text: "Merkel" });
    void m4;
  });
  afterAll(async () => {
    await connection?.close();
  });

  it("loads every analyst layer of the project (done assignment or a live span), with speakers", async () => {
    const loaded = await loadAgreementArticles(connection.db, projectId);
    expect(loaded).toEqual([
      {
        externalId: "m-1",
        text: TEXT_1,
        layers: {
          [A]: [
            { start: 0, end: 6, label: "ACTOR" },
            { start: 12, end: 27, label: "QUOTE", speaker: "Angela Merkel" },
            { start: 12, end: 33, label: "CLAIM", speaker: null },
          ],
          [B]: [
            { start: 0, end: 6, label: "ACTOR" },
            { start: 12, end: 27, label: "QUOTE", speaker: "Angela Merkel" },
            { start: 18, end: 33, label: "CLAIM", speaker: null },
          ],
          [C]: [
            { start: 0, end: 6, label: "ACTOR" },
            { start: 12, end: 27, label: "QUOTE", speaker: "Merkel" },
          ],
        },
      },
      { externalId: "m-2", text: TEXT_2, layers: { [A]: [], [B]: [{ start: 0, end: 2, label: "ACTOR" }] } },
    ]);
  });

  it("computes the project's figures from those layers", async () => {
    const report = await computeProjectAgreement(connection.db, { id: projectId, slug: "agree" });
    expect(report.project).toBe("agree");
    expect(report.labels).toEqual(["QUOTE", "CLAIM", "ACTOR"]);
    expect(report.annotators).toEqual([A, B, C]);
    // m-1, a and b: ACTOR and QUOTE match, the CLAIMs differ in start: 2·2/6
    expect(figure(report, "f1_exact", null, [A, B], "m-1")).toEqual(expect.objectContaining({ value: 4 / 6, units: 6 }));
    // project, a and b: m-1 (2 matches of 6 spans) + m-2 (a found nothing, b one ACTOR): 2·2/7
    expect(figure(report, "f1_exact", null, [A, B], null)).toEqual(expect.objectContaining({ value: 4 / 7, units: 7 }));
    // a and c share m-1 only: ACTOR and QUOTE match, a's CLAIM has no partner: 2·2/5
    expect(figure(report, "f1_exact", null, [A, C], null)).toEqual(expect.objectContaining({ value: 0.8, units: 5 }));
    // the merged actor is the same speaker; covered text "Merkel" is another one
    expect(figure(report, "speaker_agreement", "QUOTE", [A, B], "m-1")).toEqual(expect.objectContaining({ value: 1, units: 1 }));
    expect(figure(report, "speaker_agreement", "QUOTE", [A, C], "m-1")).toEqual(expect.objectContaining({ value: 0, units: 1 }));
    expect(figure(report, "f1_attribution", null, [A, C], "m-1")).toEqual(expect.objectContaining({ value: 0, units: 2 }));
    // m-2, ACTOR tokens: a codes none of 5, b codes "No": p_o = 4/5 = p_e, kappa 0
    expect(figure(report, "cohen_kappa", "ACTOR", [A, B], "m-2")).toEqual(expect.objectContaining({ value: 0, units: 5 }));
    // all three annotated m-1 only; all code "Merkel" as ACTOR and nothing else: Fleiss' kappa 1 over 6 tokens
    expect(figure(report, "fleiss_kappa", "ACTOR", [A, B, C], null)).toEqual(expect.objectContaining({ value: 1, units: 6 }));
    expect(report.figures.some((f) => f.article === "m-3" || f.article === "m-4")).toBe(false);
  });

  it("returns nothing for a project without analyst layers", async () => {
    const empty = await createProject(connection.db, { name: "Empty", slug: "empty" });
    expect(await loadAgreementArticles(connection.db, empty.id)).toEqual([]);
    const report = await computeProjectAgreement(connection.db, { id: empty.id, slug: "empty" });
    expect(report).toEqual({ project: "empty", labels: ["QUOTE", "CLAIM", "ACTOR"], annotators: [], figures: [] });
  });
});
