import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { articles, projects } from "../schema";
import { seedDemo } from "./demo";
import { SHOWCASE_SLUG } from "./showcase";
import { listReviewQueue } from "../queries/review-queue";
import { loadReviewState } from "../queries/review-board";
import { clusteredProjectQuotes } from "../queries/quotes";
import { listActorRegister } from "../queries/actors";
import { readLayer } from "../queries/layers";
import { summariseClusters } from "../../lib/quotes/story";

describe.each(testTargets())("the showcase demo project on $name", (target) => {
  let connection: Connection;
  let project: typeof projects.$inferSelect;

  beforeAll(async () => {
    connection = await target.open();
    expect(await seedDemo(connection.db)).toBe(true);
    [project] = await connection.db.select().from(projects).where(eq(projects.slug, SHOWCASE_SLUG));
  });
  afterAll(async () => connection?.close());

  it("has an article ready for review whose analysts disagree in every way the board classifies", async () => {
    const queue = await listReviewQueue(connection.db, project.id);
    expect(queue).toHaveLength(1);
    expect(queue[0].disagreement).toBeGreaterThan(0);
    const [article] = await connection.db
      .select()
      .from(articles)
      .where(and(eq(articles.projectId, project.id), eq(articles.externalId, queue[0].externalId)));
    const state = await loadReviewState(connection.db, article.id, article.text);
    const kinds = new Set(state.units.flatMap((unit) => [unit.kind, ...unit.issues]));
    for (const kind of ["unanimous", "bounds", "label", "missing"]) expect(kinds, kind).toContain(kind);
  });

  it("has gold quotes that cluster across outlets, attributed to canonical actors spelt several ways", async () => {
    const quotes = await clusteredProjectQuotes(connection.db, project, { kind: "gold" });
    const carried = summariseClusters(quotes).filter((cluster) => cluster.outlets > 1);
    expect(carried.map((cluster) => [cluster.outlets, cluster.speakers.map((s) => s.name)])).toEqual([[2, ["Marta Kessler"]]]);
    const register = await listActorRegister(connection.db, project.id);
    const kessler = register.find((actor) => actor.name === "Marta Kessler")!;
    expect(kessler.aliases).toEqual(expect.arrayContaining(["M. Keßler", "Kesler"]));
  });

  it("has a model's suggestions for the analysts to accept", async () => {
    const layers = await Promise.all(
      (await connection.db.select().from(articles).where(eq(articles.projectId, project.id))).map((a) => readLayer(connection.db, a.id, { kind: "suggestions" })),
    );
    expect(layers.flatMap((layer) => layer.spans).map((span) => span.attributes)).toEqual([{ model: "demo-ner-1", score: 0.71 }]);
  });
});
