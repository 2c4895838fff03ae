/**
 * Benchmark of the whole agreement path the CLI, the API and the page run: load a project's
 * analyst layers from the database (db/queries/agreement-data.ts) and compute the report. The
 * project is agreement-project.ts's synthetic one (1,000 articles, 3 analysts, 50 spans each),
 * stored with done assignments, actors and attributed_to relations, in a throwaway database:
 * in-memory PGlite, and the server in DATABASE_URL when set.
 * Target: a few seconds. Run with `npx tsx bench/agreement-load.ts` (BENCH_ARTICLES=N stores
 * only the first N articles).
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { actors, annotations, articles, assignments, relations, users } from "../db/schema";
import { createProject } from "../db/queries/projects";
import { computeProjectAgreement, loadAgreementArticles } from "../db/queries/agreement-data";
import { testTargets } from "../db/test-databases";
import type { Database } from "../db/types";
import { computeAgreement } from "../lib/agreement";
import { textHash } from "../lib/text/text-hash";
import { sliceByCodePoints } from "../lib/text/code-points";
import { ANALYSTS, generateProject } from "./agreement-project";

const RUNS = 3;
const ROWS_PER_INSERT = 2000;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await insert(rows.slice(i, i + ROWS_PER_INSERT));
}

/** Stores the synthetic project; each QUOTE/CLAIM with a speaker is attributed to an ACTOR span of its layer. */
async function store(db: Database) {
  const project = await createProject(db, { name: "Bench", slug: "bench" });
  const generated = generateProject(20261123).slice(0, Number(process.env.BENCH_ARTICLES ?? 1000));
  const userRows = await db
    .insert(users)
    .values(ANALYSTS.map((email) => ({ email, name: email, role: "analyst" as const, passwordHash: "x" })))
    .returning();
  const actorRows = await db
    .insert(actors)
    .values(["Olaf Scholz", "Emmanuel Macron", "NATO", "WHO"].map((name) => ({ projectId: project.id, name })))
    .returning();
  const articleRows: (typeof articles.$inferInsert & { id: string })[] = generated.map((article) => ({
    id: randomUUID(),
    projectId: project.id,
    externalId: article.externalId,
    title: article.externalId,
    text: article.text,
    textHash: textHash(article.text),
  }));
  await insertInBatches(articleRows, (batch) => db.insert(articles).values(batch));
  const assignmentRows = articleRows.flatMap((article) => userRows.map((user) => ({ articleId: article.id, userId: user.id, status: "done" as const })));
  await insertInBatches(assignmentRows, (batch) => db.insert(assignments).values(batch));

  const spanRows: (typeof annotations.$inferInsert)[] = [];
  const relationRows: (typeof relations.$inferInsert)[] = [];
  generated.forEach((article, n) => {
    const articleId = articleRows[n].id;
    userRows.forEach((user) => {
      const seen = new Set<string>();
      // Distinct spans that are not empty (the generator's bound drift can leave one empty at the end).
      const layer = article.layers[user.email].filter((span) => {
        if (span.end <= span.start) return false;
        const key = `${span.label}:${span.start}:${span.end}`;
        return !seen.has(key) && seen.add(key);
      });
      const ids = layer.map(() => randomUUID());
      const actorSpans = layer.map((span, i) => (span.label === "ACTOR" ? i : -1)).filter((i) => i >= 0);
      layer.forEach((span, i) => {
        spanRows.push({
          id: ids[i],
          articleId,
          layerKind: "analyst",
          layerUserId: user.id,
          label: span.label,
          start: span.start,
          end: span.end,
          text: sliceByCodePoints(article.text, span.start, span.end),
          actorId: span.label === "ACTOR" && i % 2 === 0 ? actorRows[i % actorRows.length].id : null,
        });
        if (span.speaker && span.label !== "ACTOR" && actorSpans.length > 0) {
          const to = actorSpans[i % actorSpans.length];
          relationRows.push({ articleId, layerKind: "analyst", layerUserId: user.id, fromId: ids[i], toId: ids[to] });
        }
      });
    });
  });
  await insertInBatches(spanRows, (batch) => db.insert(annotations).values(batch));
  await insertInBatches(relationRows, (batch) => db.insert(relations).values(batch));
  return { project, articles: articleRows.length, spans: spanRows.length, relations: relationRows.length };
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

for (const target of testTargets()) {
  const connection = await target.open();
  try {
    const started = performance.now();
    const { project, articles: articleCount, spans, relations: relationCount } = await store(connection.db);
    console.log(
      `${target.name}: stored ${articleCount.toLocaleString("en")} articles, ${spans.toLocaleString("en")} spans, ${relationCount.toLocaleString("en")} relations ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const load: number[] = [];
    const compute: number[] = [];
    const total: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const loaded = await loadAgreementArticles(connection.db, project.id);
      const t1 = performance.now();
      computeAgreement({ project: project.slug, labels: ["QUOTE", "CLAIM", "ACTOR"], articles: loaded });
      const t2 = performance.now();
      const report = await computeProjectAgreement(connection.db, project);
      total.push(performance.now() - t2);
      load.push(t1 - t0);
      compute.push(t2 - t1);
      if (run === 0) console.log(`  ${loaded.length} articles loaded, ${report.figures.length} figures`);
    }
    console.log(
      `  load median ${median(load).toFixed(0)} ms, compute median ${median(compute).toFixed(0)} ms, ` +
        `computeProjectAgreement median ${median(total).toFixed(0)} ms (runs: ${total.map((t) => t.toFixed(0)).join(", ")}); target a few seconds`,
    );
  } finally {
    await connection.close();
  }
}
