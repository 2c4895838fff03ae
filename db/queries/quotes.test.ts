import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { actors, annotations, articles, relations, users } from "../schema";
import { createProject } from "./projects";
import { addClusterDecisions, attributedQuotes, quoteKey } from "./quotes";
import { textHash } from "../../lib/text/text-hash";

const HERALD = "Union leader Marta Kessler said: “The authority has offered nothing but promises.” 👍🏽 More later.";
const WIRE = 'Kessler told reporters "the authority has offered nothing but promises" before leaving.';
const TIMES = "Mike Walz said “the authority offered nothing but promises” on Monday.";
const POST = "Brandt insisted “our offer included a raise, and the door is open”.";

describe.each(testTargets())("attributed quotes and their clusters on $name", (target) => {
  let connection: Connection;
  let project: { id: string; quoteThreshold: number };
  let analystId: string;

  beforeAll(async () => {
    connection = await target.open();
    const db = connection.db;
    project = await createProject(db, { name: "Quotes", slug: "quotes" });
    const [analyst] = await db.insert(users).values({ email: "q@quotes.org", name: "Q", role: "analyst", passwordHash: "x" }).returning();
    analystId = analyst.id;
    const [kessler] = await db.insert(actors).values({ projectId: project.id, name: "Marta Kessler" }).returning();
    const [kesler] = await db.insert(actors).values({ projectId: project.id, name: "M. Kesler", mergedIntoId: kessler.id }).returning();
    const [waltz] = await db.insert(actors).values({ projectId: project.id, name: "Mike Waltz" }).returning();
    const made = await db
      .insert(articles)
      .values([
        { projectId: project.id, externalId: "herald-1", title: "Herald", outlet: "Herald", publishedAt: "2026-03-01", text: HERALD, textHash: textHash(HERALD) },
        { projectId: project.id, externalId: "wire-1", title: "Wire", outlet: "Wire", publishedAt: "2026-03-02", text: WIRE, textHash: textHash(WIRE) },
        { projectId: project.id, externalId: "times-1", title: "Times", outlet: "Times", publishedAt: "2026-03-03", text: TIMES, textHash: textHash(TIMES) },
        { projectId: project.id, externalId: "post-1", title: "Post", outlet: "Post", publishedAt: "2026-03-04", text: POST, textHash: textHash(POST) },
      ])
      .returning();
    const byId = Object.fromEntries(made.map((a) => [a.externalId, a]));
    const span = async (article: string, needle: string, label: string, layer: { kind: "gold" | "analyst"; user?: string }, actorId?: string) => {
      const text = byId[article].text;
      const start = [...text.slice(0, text.indexOf(needle))].length;
      const end = start + [...needle].length;
      const [row] = await db
        .insert(annotations)
        .values({ articleId: byId[article].id, layerKind: layer.kind, layerUserId: layer.user ?? null, label, start, end, text: needle, actorId: actorId ?? null })
        .returning();
      return row;
    };
    const attribute = async (from: { id: string; articleId: string; layerKind: string; layerUserId: string | null }, to: { id: string }) =>
      db.insert(relations).values({ articleId: from.articleId, layerKind: from.layerKind as "gold", layerUserId: from.layerUserId, fromId: from.id, toId: to.id });

    const gold = { kind: "gold" as const };
    // herald: gold, speaker linked to Kessler
    const q1 = await span("herald-1", "“The authority has offered nothing but promises.”", "QUOTE", gold);
    await attribute(q1, await span("herald-1", "Marta Kessler", "ACTOR", gold, kessler.id));
    // wire: gold, speaker linked to an actor merged into Kessler
    const q2 = await span("wire-1", "the authority has offered nothing but promises", "QUOTE", gold);
    await attribute(q2, await span("wire-1", "Kessler", "ACTOR", gold, kesler.id));
    // times: no gold; the analyst's layer attributes the altered quote to Mike Waltz (a misattribution)
    const q3 = await span("times-1", "the authority offered nothing but promises", "QUOTE", { kind: "analyst", user: analystId });
    await attribute(q3, await span("times-1", "Mike Walz", "ACTOR", { kind: "analyst", user: analystId }, waltz.id));
    // post: gold, a different quote; its speaker span links no actor
    const q4 = await span("post-1", "our offer included a raise, and the door is open", "QUOTE", gold);
    await attribute(q4, await span("post-1", "Brandt", "ACTOR", gold));
    // an unattributed gold quote is clustered but not listed
    await span("herald-1", "More later.", "QUOTE", gold);
  });

  afterAll(async () => connection?.close());

  it("lists gold's attributed quotes with canonical speakers, code-point offsets and shared clusters", async () => {
    const rows = await attributedQuotes(connection.db, project, { kind: "gold" });
    expect(rows.map((r) => [r.article, r.speaker, r.text])).toEqual([
      ["herald-1", "Marta Kessler", "“The authority has offered nothing but promises.”"],
      ["wire-1", "Marta Kessler", "the authority has offered nothing but promises"],
      ["post-1", "Brandt", "our offer included a raise, and the door is open"],
    ]);
    expect(rows[0].start).toBe([...HERALD.slice(0, HERALD.indexOf("“"))].length);
    expect(rows[0].cluster).toBe(rows[1].cluster);
    expect(rows[2].cluster).not.toBe(rows[0].cluster);
  });

  it("falls back to an analyst's layer where an article has no gold, and filters by speaker", async () => {
    const rows = await attributedQuotes(connection.db, project, { kind: "analyst", userId: analystId, goldFirst: true });
    const times = rows.find((r) => r.article === "times-1")!;
    expect(times).toMatchObject({ speaker: "Mike Waltz", layer: "q@quotes.org" });
    expect(times.cluster).toBe(rows.find((r) => r.article === "herald-1")!.cluster);
    const kessler = await attributedQuotes(connection.db, project, { kind: "analyst", userId: analystId, goldFirst: true }, { speaker: "marta kessler" });
    expect(kessler.map((r) => r.article)).toEqual(["herald-1", "wire-1"]);
  });

  it("gives an analyst's own layer alone, without gold, when gold may not stand in (blind annotation)", async () => {
    const rows = await attributedQuotes(connection.db, project, { kind: "analyst", userId: analystId, goldFirst: false });
    expect(rows.map((r) => [r.article, r.layer, r.speaker])).toEqual([["times-1", "q@quotes.org", "Mike Waltz"]]);
  });

  it("keeps a reviewer's split when clusters are computed again", async () => {
    const rows = await attributedQuotes(connection.db, project, { kind: "gold" });
    const [herald, wire] = rows;
    await addClusterDecisions(connection.db, project.id, analystId, [{ kind: "apart", a: herald.key, b: wire.key }]);
    const again = await attributedQuotes(connection.db, project, { kind: "gold" });
    expect(again[0].cluster).not.toBe(again[1].cluster);
    expect(herald.key).toBe(quoteKey("herald-1", herald.start, herald.end, "QUOTE"));
  });
});
