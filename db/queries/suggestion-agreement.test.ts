import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { articles, assignments } from "../schema";
import { createProject } from "./projects";
import { createUser } from "./users";
import { applyChanges } from "./apply-changes";
import type { LayerRef } from "./layers";
import { computeProjectAgreement, computeSuggestionAgreement } from "./agreement-data";
import { exportChunks } from "./export";
import { collectText } from "../../lib/formats";
import { textHash } from "../../lib/text/text-hash";

// code points: "Kessler" 0–7, "rent" 14–18, the ship emoji 24 (one code point), "Brandt" 30–36, "no" 43–45
const TEXT = "Kessler said “rent” now 🚢 and Brandt said “no”.";
const TEXT_2 = "Nobody has reviewed this one yet.";

describe.each(testTargets())("suggestions against gold on $name", (target) => {
  let connection: Connection;
  let project: { id: string; slug: string };

  beforeAll(async () => {
    connection = await target.open();
    const db = connection.db;
    project = await createProject(db, { name: "Suggest", slug: "suggest" });
    const reviewer = await createUser(db, { email: "rev@s.org", name: "R", role: "reviewer", password: "password1" });
    const alice = await createUser(db, { email: "alice@s.org", name: "A", role: "analyst", password: "password1" });
    const bob = await createUser(db, { email: "bob@s.org", name: "B", role: "analyst", password: "password1" });
    const [one, two] = await db
      .insert(articles)
      .values([
        { projectId: project.id, externalId: "s-1", title: "One", text: TEXT, textHash: textHash(TEXT) },
        { projectId: project.id, externalId: "s-2", title: "Two", text: TEXT_2, textHash: textHash(TEXT_2) },
      ])
      .returning();
    await db.insert(assignments).values([
      { articleId: one.id, userId: alice.id, status: "done" },
      { articleId: one.id, userId: bob.id, status: "done" },
    ]);
    const labels = new Set(["QUOTE", "CLAIM", "ACTOR"]);
    const write = async (article: { id: string; text: string }, layer: LayerRef, userId: string, spans: [string, number, number][]) => {
      const results = await applyChanges(
        db,
        { userId, projectId: project.id, article, layer, labels },
        spans.map(([label, start, end]) => ({
          id: randomUUID(),
          op: "create" as const,
          span: { label, start, end, text: [...article.text].slice(start, end).join("") },
        })),
      );
      for (const result of results) expect(result.ok, JSON.stringify(result)).toBe(true);
    };
    await write(one, { kind: "gold" }, reviewer.id, [["ACTOR", 0, 7], ["QUOTE", 14, 18], ["QUOTE", 43, 45]]);
    // the model: QUOTE rent right, the second QUOTE a code point too long, Brandt as ACTOR (not in gold)
    await write(one, { kind: "suggestions" }, reviewer.id, [["QUOTE", 14, 18], ["QUOTE", 43, 46], ["ACTOR", 30, 36]]);
    // suggestions on an article without gold do not count against the model
    await write(two, { kind: "suggestions" }, reviewer.id, [["QUOTE", 0, 6]]);
    // two analysts agreeing perfectly on one span
    await write(one, { kind: "analyst", userId: alice.id }, alice.id, [["ACTOR", 0, 7]]);
    await write(one, { kind: "analyst", userId: bob.id }, bob.id, [["ACTOR", 0, 7]]);
  });
  afterAll(async () => {
    await connection?.close();
  });

  it("compares the model's suggestions with gold per label, over the reviewed articles only", async () => {
    const report = await computeSuggestionAgreement(connection.db, project);
    expect(report.annotators).toEqual(["suggestions", "gold"]);
    const value = (measure: string, label: string | null, article: string | null = null) =>
      report.figures.find((f) => f.measure === measure && f.label === label && f.article === article);
    expect(value("precision", "QUOTE")).toMatchObject({ value: 0.5, units: 2 });
    expect(value("recall", "QUOTE")).toMatchObject({ value: 0.5, units: 2 });
    expect(value("f1_overlap", "QUOTE")).toMatchObject({ value: 1, units: 4 });
    expect(value("precision", "ACTOR")).toMatchObject({ value: 0, units: 1 });
    expect(value("recall", "ACTOR")).toMatchObject({ value: 0, units: 1 });
    expect(value("precision", null)!.value).toBeCloseTo(1 / 3, 12);
    expect(value("recall", null)!.value).toBeCloseTo(1 / 3, 12);
    expect(new Set(report.figures.map((f) => f.article))).toEqual(new Set([null, "s-1"]));
  });

  it("never counts suggestions (or gold) in the analysts' agreement", async () => {
    const report = await computeProjectAgreement(connection.db, project);
    expect(report.annotators).toEqual(["alice@s.org", "bob@s.org"]);
    const f1 = report.figures.find((f) => f.measure === "f1_exact" && f.label === null && f.article === null);
    // only the two analysts' ACTOR spans: a perfect match over 2 spans
    expect(f1).toMatchObject({ value: 1, units: 2 });
  });

  it("never exports suggestions with the analysts' layers or gold", async () => {
    const db = connection.db;
    for (const choice of [{ kind: "analysts" }, { kind: "gold" }] as const) {
      const text = await collectText(
        exportChunks(db, { projectId: project.id, format: "csv", layer: { choice, writerLayer: choice.kind === "gold" ? "gold" : "all" } }) as AsyncIterable<string>,
      );
      // the suggestions' own spans (Brandt as ACTOR, the long quote, the other article's) are absent
      expect(text).not.toContain("Brandt");
      expect(text).not.toContain("Nobody");
      expect(text).not.toMatch(/,43,46,/);
    }
  });
});
