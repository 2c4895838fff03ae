/**
 * A second demo project, already worked on, so that a fresh `npm start` shows every part of the
 * product: two analysts' layers that disagree, marked done (the review queue and board), a gold
 * layer on the other articles with quotes attributed to canonical actors spelt several ways (actor
 * pages, quote clusters across outlets), and a model's suggestions. Written through the same
 * write path as the app (applyChanges), so everything in it is audited and valid.
 */
import { randomUUID } from "node:crypto";
import type { Database } from "../types";
import { assignments } from "../schema";
import { addProjectMembers, createProject } from "../queries/projects";
import { applyChanges } from "../queries/apply-changes";
import type { LayerRef } from "../queries/layers";
import { DEMO_ARTICLES, insertDemoArticles } from "./demo-articles";
import type { Change } from "../../lib/validation/changes";

export const SHOWCASE_SLUG = "velmora-reviewed";

type SpanPlan = { key: string; needle: string; label: "QUOTE" | "CLAIM" | "ACTOR"; occurrence?: number; actor?: string; speaker?: string; attributes?: Record<string, unknown> };

/** Code-point bounds of the `occurrence`-th `needle` in `text`. */
function locate(text: string, needle: string, occurrence = 0) {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`Showcase: "${needle}" is not in the article`);
  }
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...needle].length, text: needle };
}

function changesFor(text: string, plan: readonly SpanPlan[]): Change[] {
  const ids = new Map(plan.map((span) => [span.key, randomUUID()]));
  const spans: Change[] = plan.map((span) => ({
    id: randomUUID(),
    op: "create",
    span: { id: ids.get(span.key)!, label: span.label, ...locate(text, span.needle, span.occurrence), ...(span.actor ? { actor: span.actor } : {}), ...(span.attributes ? { attributes: span.attributes } : {}) },
  }));
  const relations: Change[] = plan
    .filter((span) => span.speaker)
    .map((span) => ({ id: randomUUID(), op: "create_relation", relation: { type: "attributed_to", from: ids.get(span.key)!, to: ids.get(span.speaker!)! } }));
  return [...spans, ...relations];
}

const [GAZETTE, COASTAL, LEDGER, NORTH] = DEMO_ARTICLES.map((article) => article.externalId);

/** Alice's and Bob's layers on one article: mostly agreeing, with each kind of disagreement. */
const ANALYST_LAYERS: Record<string, { alice: SpanPlan[]; bob: SpanPlan[] }> = {
  [COASTAL]: {
    alice: [
      { key: "kesler", needle: "Kesler", label: "ACTOR", actor: "Marta Kessler" },
      { key: "q1", needle: "offered nothing but promises", label: "QUOTE", speaker: "kesler" },
      { key: "q2", needle: "promises do not pay rent", label: "QUOTE", speaker: "kesler" },
      { key: "c1", needle: "the strike, which Kesler called “a last resort 🚢”, will push shipping lines to the rival port of Arlen within weeks", label: "CLAIM" },
    ],
    bob: [
      { key: "kesler", needle: "Union chief Kesler", label: "ACTOR", actor: "Marta Kessler" }, // bounds differ
      { key: "q1", needle: "offered nothing but promises", label: "QUOTE", speaker: "kesler" },
      { key: "q2", needle: "promises do not pay rent", label: "CLAIM", speaker: "kesler" }, // label differs
      { key: "kesler2", needle: "Kesler", label: "ACTOR", occurrence: 1, actor: "Marta Kessler" },
      { key: "q4", needle: "a last resort 🚢", label: "QUOTE", speaker: "kesler2" }, // missing in Alice's layer
      { key: "c1", needle: "the strike, which Kesler called “a last resort 🚢”, will push shipping lines to the rival port of Arlen within weeks", label: "CLAIM" },
    ],
  },
};

/** Reviewed articles: their gold layers carry the same statement across outlets. */
const GOLD_LAYERS: Record<string, SpanPlan[]> = {
  [GAZETTE]: [
    { key: "kessler", needle: "Marta Kessler", label: "ACTOR", actor: "Marta Kessler" },
    { key: "q1", needle: "the authority has offered nothing but promises, and promises do not pay rent.", label: "QUOTE", speaker: "kessler" },
    { key: "q2", needle: "until every crane is idle.", label: "QUOTE", speaker: "kessler" },
    { key: "authority", needle: "The port authority", label: "ACTOR", actor: "Port authority of Velmora" },
    { key: "c1", needle: "the union's demands would cost “more than the port earns in a year”", label: "CLAIM", speaker: "authority" },
    { key: "wang", needle: "王小明", label: "ACTOR", actor: "Wang Xiaoming" },
    { key: "q3", needle: "We lose forty thousand a day. Someone has to blink.", label: "QUOTE", speaker: "wang" },
  ],
  [LEDGER]: [
    { key: "kessler", needle: "M. Keßler", label: "ACTOR", actor: "Marta Kessler" },
    { key: "q1", needle: "the authority has offered nothing but promises", label: "QUOTE", speaker: "kessler" },
    { key: "brandt", needle: "Jonas Brandt", label: "ACTOR", actor: "Jonas Brandt" },
    { key: "q2", needle: "simply untrue, because our offer included a 4% raise.", label: "QUOTE", speaker: "brandt" },
    { key: "brandt2", needle: "Brandt", label: "ACTOR", occurrence: 1, actor: "Jonas Brandt" },
    { key: "q3", needle: "We remain at the table. The door is open.", label: "QUOTE", speaker: "brandt2" },
  ],
  [NORTH]: [
    { key: "kessler", needle: "Marta Kessler", label: "ACTOR", actor: "Marta Kessler" },
    { key: "q1", needle: "in good faith, but without illusions.", label: "QUOTE", speaker: "kessler" },
    { key: "brandt", needle: "Jonas Brandt", label: "ACTOR", actor: "Jonas Brandt" },
    { key: "q2", needle: "remains on the table", label: "QUOTE", speaker: "brandt" },
    { key: "q3", needle: "by the weekend 🤞🏽", label: "QUOTE", speaker: "brandt" },
  ],
};

/** A model's pre-annotations on the first article, for analysts to accept or dismiss. */
const SUGGESTIONS: Record<string, SpanPlan[]> = {
  [COASTAL]: [{ key: "s1", needle: "shipping lines", label: "ACTOR", attributes: { model: "demo-ner-1", score: 0.71 } }],
};

export async function seedShowcase(db: Database, people: { admin: { id: string }; reviewer: { id: string }; alice: { id: string }; bob: { id: string } }): Promise<void> {
  const project = await createProject(db, {
    name: "Velmora strike: a reviewed sample",
    slug: SHOWCASE_SLUG,
    description: "The same four articles, already annotated: two analysts' layers to review, gold on the rest, quotes traced across outlets.",
    guidelines: "Annotated sample data: open Review, Quotes and Actors to see the work that follows annotation.",
    overlap: 2,
    createdBy: people.admin.id,
  });
  await addProjectMembers(db, project.id, [people.reviewer.id, people.alice.id, people.bob.id]);
  const inserted = await insertDemoArticles(db, project.id);
  const byExternal = new Map(inserted.map((article) => [article.externalId, article]));
  const labels = new Set(["QUOTE", "CLAIM", "ACTOR"]);
  const write = async (externalId: string, layer: LayerRef, userId: string, plan: readonly SpanPlan[]) => {
    const article = byExternal.get(externalId)!;
    const results = await applyChanges(db, { userId, projectId: project.id, article: { id: article.id, text: article.text }, layer, labels }, changesFor(article.text, plan));
    const failed = results.find((result) => !result.ok);
    if (failed && !failed.ok) throw new Error(`Showcase ${externalId}: ${failed.error.message}`);
  };
  for (const [externalId, layers] of Object.entries(ANALYST_LAYERS)) {
    await write(externalId, { kind: "analyst", userId: people.alice.id }, people.alice.id, layers.alice);
    await write(externalId, { kind: "analyst", userId: people.bob.id }, people.bob.id, layers.bob);
    const article = byExternal.get(externalId)!;
    await db.insert(assignments).values([people.alice.id, people.bob.id].map((userId) => ({ articleId: article.id, userId, status: "done" as const })));
  }
  for (const [externalId, plan] of Object.entries(GOLD_LAYERS)) await write(externalId, { kind: "gold" }, people.reviewer.id, plan);
  for (const [externalId, plan] of Object.entries(SUGGESTIONS)) await write(externalId, { kind: "suggestions" }, people.reviewer.id, plan);
}
