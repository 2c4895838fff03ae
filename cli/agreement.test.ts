import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "./main";
import type { Io } from "./io";
import { testTargets } from "../db/test-databases";
import { createProject } from "../db/queries/projects";
import type { Connection } from "../db/connect";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { articles } from "../db/schema";
import { applyChanges } from "../db/queries/apply-changes";
import { createUser } from "../db/queries/users";

function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), readSecret: async () => "" };
}

const A = "a@cli-agree.org";
const B = "b@cli-agree.org";
// Tokens: Kessler [0,7) said [8,12) we [13,15) will [16,20) not [21,24) sign [25,29)
const TEXT = "Kessler said we will not sign";
const layer = (annotator: string, quoteEnd: number) => ({
  annotator,
  spans: [
    { id: "s1", start: 0, end: 7, label: "ACTOR", text: "Kessler", actor: "Mara Kessler" },
    { id: "s2", start: 13, end: quoteEnd, label: "QUOTE", text: [...TEXT].slice(13, quoteEnd).join("") },
  ],
  relations: [{ type: "attributed_to", from: "s2", to: "s1" }],
});
const FILE = [
  { id: "k-1", title: "Kessler", text: TEXT, annotations: [layer(A, 29), layer(B, 24)] },
  { id: "k-2", title: "Alone", text: "Nobody else read this", annotations: [{ annotator: A, spans: [] }] },
]
  .map((article) => JSON.stringify(article))
  .join("\n");

describe.each(testTargets())("sourcemark agreement on $name", (target) => {
  let connection: Connection;
  let dir: string;
  const run = (argv: string[], io: Io) => main(argv, io, connection);
  beforeAll(async () => {
    connection = await target.open();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sourcemark-agreement-"));
    await createProject(connection.db, { name: "Agree", slug: "agree" });
    fs.writeFileSync(path.join(dir, "k.jsonl"), FILE);
    const io = captureIo();
    expect(await run(["import", "--project", "agree", path.join(dir, "k.jsonl")], io)).toBe(0);
  });
  afterAll(async () => {
    await connection?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("--json prints DESIGN.md's report: one flat list of figures", async () => {
    const io = captureIo();
    expect(await run(["agreement", "--project", "agree", "--json"], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    const report = JSON.parse(io.stdout.join("\n"));
    expect(Object.keys(report)).toEqual(["project", "labels", "annotators", "figures"]);
    expect(report).toMatchObject({ project: "agree", labels: ["QUOTE", "CLAIM", "ACTOR"], annotators: [A, B] });
    const measures = new Set(["f1_exact", "f1_overlap", "cohen_kappa", "fleiss_kappa", "alpha_u", "f1_attribution", "speaker_agreement"]);
    for (const figure of report.figures) {
      expect(Object.keys(figure)).toEqual(["measure", "label", "annotators", "article", "value", "units"]);
      expect(measures.has(figure.measure)).toBe(true);
      expect(figure.label === null || report.labels.includes(figure.label)).toBe(true);
      expect(figure.article === null || figure.article === "k-1").toBe(true); // k-2 has one analyst only
      expect(figure.value === null || typeof figure.value === "number").toBe(true);
      expect(Number.isInteger(figure.units)).toBe(true);
    }
    const find = (measure: string, label: string | null, article: string | null) =>
      report.figures.find((f: { measure: string; label: string | null; article: string | null }) => f.measure === measure && f.label === label && f.article === article);
    // ACTOR matches, the QUOTEs end differently: 2·1/4
    expect(find("f1_exact", null, null)).toEqual({ measure: "f1_exact", label: null, annotators: [A, B], article: null, value: 0.5, units: 4 });
    expect(find("f1_overlap", "QUOTE", "k-1")).toMatchObject({ value: 1, units: 2 });
    // QUOTE tokens: a codes we will not sign, b we will not: p_o 5/6, p_e 1/2 → 2/3
    expect(find("cohen_kappa", "QUOTE", null).value).toBeCloseTo(2 / 3, 12);
    expect(find("cohen_kappa", "QUOTE", null).units).toBe(6);
    // no QUOTE matches exactly, so no speaker pair
    expect(find("speaker_agreement", "QUOTE", null)).toMatchObject({ value: null, units: 0 });
    expect(find("alpha_u", "ACTOR", "k-1")).toMatchObject({ annotators: [A, B], units: 29 });
  });

  it("prints readable tables without --json: project figures, then per pair, three decimals and — for none", async () => {
    const io = captureIo();
    expect(await run(["agreement", "--project", "agree"], io)).toBe(0);
    const text = io.stdout.join("\n");
    expect(io.stdout[0]).toBe("Agreement in agree: 2 analysts, 1 article compared.");
    const projectHeader = io.stdout.indexOf("Project");
    expect(io.stdout[projectHeader + 1]).toMatch(/^measure\s+QUOTE\s+CLAIM\s+ACTOR\s+all labels\s+over$/);
    expect(io.stdout.find((l) => l.startsWith("f1_exact"))).toMatch(/^f1_exact\s+0\.000 \(2\)\s+— \(0\)\s+1\.000 \(2\)\s+0\.500 \(4\)/);
    expect(io.stdout.find((l) => l.startsWith("cohen_kappa"))).toMatch(/0\.667 \(6\)/);
    expect(text).toContain(`${A} × ${B}`);
    expect(text).toMatch(/f1_exact: Spans match when label, start and end/);
  });

  it("refuses an unknown project and a missing --project", async () => {
    const unknown = captureIo();
    expect(await run(["agreement", "--project", "nope"], unknown)).toBe(1);
    expect(unknown.stderr[0]).toBe('sourcemark: No project "nope".');
    expect(unknown.stdout).toEqual([]);
    const missing = captureIo();
    expect(await run(["agreement"], missing)).toBe(2);
    expect(missing.stderr[0]).toMatch(/--project is required/);
  });

  it("says so when nothing can be compared yet", async () => {
    await createProject(connection.db, { name: "Fresh", slug: "fresh" });
    const io = captureIo();
    expect(await run(["agreement", "--project", "fresh"], io)).toBe(0);
    expect(io.stdout).toEqual(["Agreement in fresh: no article has been annotated by two analysts yet."]);
    const json = captureIo();
    expect(await run(["agreement", "--project", "fresh", "--json"], json)).toBe(0);
    expect(JSON.parse(json.stdout[0])).toEqual({ project: "fresh", labels: ["QUOTE", "CLAIM", "ACTOR"], annotators: [], figures: [] });
  });

  it("--layer suggestions compares the model's suggestions with gold, per label", async () => {
    const db = connection.db;
    const project = await createProject(db, { name: "Model", slug: "model" });
    const gold = { spans: [{ id: "g1", start: 0, end: 7, label: "ACTOR", text: "Kessler" }, { id: "g2", start: 13, end: 29, label: "QUOTE", text: "we will not sign" }], relations: [] };
    fs.writeFileSync(path.join(dir, "m.jsonl"), JSON.stringify({ id: "m-1", title: "Model", text: TEXT, annotations: [], gold }));
    expect(await run(["import", "--project", "model", path.join(dir, "m.jsonl")], captureIo())).toBe(0);
    const [article] = await db.select().from(articles).where(and(eq(articles.projectId, project.id), eq(articles.externalId, "m-1")));
    const bot = await createUser(db, { email: "bot@cli-agree.org", name: "Bot", role: "reviewer", password: "password1" });
    const results = await applyChanges(
      db,
      { userId: bot.id, projectId: project.id, article: { id: article.id, text: article.text }, layer: { kind: "suggestions" }, labels: new Set(["QUOTE", "CLAIM", "ACTOR"]) },
      [{ id: randomUUID(), op: "create", span: { start: 13, end: 29, label: "QUOTE", text: "we will not sign" } }],
    );
    expect(results[0].ok).toBe(true);

    const json = captureIo();
    expect(await run(["agreement", "--project", "model", "--layer", "suggestions", "--json"], json)).toBe(0);
    const report = JSON.parse(json.stdout.join("\n"));
    expect(report).toMatchObject({ project: "model", annotators: ["suggestions", "gold"] });
    const find = (measure: string, label: string | null) =>
      report.figures.find((f: { measure: string; label: string | null; article: string | null }) => f.measure === measure && f.label === label && f.article === null);
    expect(find("precision", "QUOTE")).toEqual({ measure: "precision", label: "QUOTE", annotators: ["suggestions", "gold"], article: null, value: 1, units: 1 });
    expect(find("recall", "ACTOR")).toMatchObject({ value: 0, units: 1 });
    expect(find("recall", null)).toMatchObject({ value: 0.5, units: 2 });
    expect(find("f1_exact", null).value).toBeCloseTo(2 / 3, 12);

    const tables = captureIo();
    expect(await run(["agreement", "--project", "model", "--layer", "suggestions"], tables)).toBe(0);
    expect(tables.stdout[0]).toBe("Suggestions against gold in model: 1 article with a gold layer.");
    expect(tables.stdout.find((l) => l.startsWith("QUOTE"))).toMatch(/^QUOTE\s+1\.000 \(1\)\s+1\.000 \(1\)/);

    const bad = captureIo();
    expect(await run(["agreement", "--project", "model", "--layer", "gold"], bad)).toBe(2);
    expect(bad.stderr[0]).toMatch(/layer is "analysts"/);
  });
});
