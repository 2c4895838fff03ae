/**
 * Import and browsing at scale (issue 3): writes a seeded news-like native JSONL file of N
 * articles (default 50,000), streams it into a throwaway database with importFile, assigns with
 * overlap 2, then times the article list for a reviewer and an analyst against a bare keyset
 * page measured in the same run.
 *
 *   npx tsx bench/import-browse.ts [--articles N] [--target pg|pglite|both]
 *
 * pg (the default when DATABASE_URL is set) creates `sourcemark_bench_<random>` on that server and
 * drops it at the end, also on failure or Ctrl-C; pglite runs in memory.
 */
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import { importFile } from "../db/queries/imports";
import { assignProject } from "../db/queries/assignments";
import { addProjectMembers, createProject } from "../db/queries/projects";
import { createUser } from "../db/queries/users";
import { openBenchDatabase, type Target } from "./bench-database";
import { BASELINE_SQL, explain, measureBaseline, measureBrowsing, type BrowseCase } from "./browse-queries";
import { writeNewsCorpus } from "./news-corpus";
import { MemoryPeak, mb, type Figure } from "./timing";

const SLOW_MS = 50;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const articleCount = Number(option("articles") ?? 50_000);
const targetOption = option("target") ?? (process.env.DATABASE_URL ? "pg" : "pglite");
if (!Number.isInteger(articleCount) || articleCount < 100) throw new Error("--articles takes a whole number of at least 100");
if (!["pg", "pglite", "both"].includes(targetOption)) throw new Error("--target takes pg, pglite or both");
const targets: Target[] = targetOption === "both" ? ["pg", "pglite"] : [targetOption as Target];

type TargetReport = { target: Target; summary: string[]; baseline: Figure; cases: BrowseCase[] };

// Ctrl-C still drops the server database and removes the temporary file.
const cleanups = new Set<() => Promise<void>>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    console.error(`\n${signal}: cleaning up`);
    for (const cleanup of cleanups) await cleanup().catch((error) => console.error(error));
    process.exit(130);
  });
}

async function runTarget(target: Target): Promise<TargetReport> {
  const summary: string[] = [];
  const say = (line: string) => {
    console.log(line);
    summary.push(line);
  };
  const bench = await openBenchDatabase(target, process.env.DATABASE_URL);
  const file = path.join(tmpdir(), `sourcemark-bench-${randomBytes(4).toString("hex")}.jsonl`);
  let closing: Promise<void> | undefined;
  const cleanup = () =>
    (closing ??= (async () => {
      await rm(file, { force: true });
      await bench.close();
    })());
  cleanups.add(cleanup);
  try {
    console.log(`\n== ${target}: ${bench.name}, ${articleCount.toLocaleString("en")} articles`);
    const db = bench.db;
    const project = await createProject(db, { name: "Bench", slug: "bench", overlap: 2 });
    const password = "bench-password-1";
    const admin = await createUser(db, { email: "admin@bench.org", name: "Admin", role: "admin", password });
    const reviewer = await createUser(db, { email: "reviewer@bench.org", name: "Reviewer", role: "reviewer", password });
    const analysts = [];
    for (let i = 1; i <= 6; i++) {
      analysts.push(await createUser(db, { email: `analyst${i}@bench.org`, name: `Analyst ${i}`, role: "analyst", password }));
    }
    await addProjectMembers(db, project.id, [reviewer.id, ...analysts.map((a) => a.id)]);

    let began = performance.now();
    const corpus = await writeNewsCorpus(file, articleCount, analysts.map((a) => a.email));
    console.log(
      `wrote ${file}: ${mb(corpus.bytes).toFixed(1)} MB, ${corpus.annotated} articles with a layer ` +
        `(${corpus.spans} spans) in ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );

    const before = process.memoryUsage();
    const peak = new MemoryPeak(50);
    began = performance.now();
    const result = await importFile(
      db,
      {
        projectId: project.id,
        userId: admin.id,
        spanTarget: { annotator: admin.email },
        labels: new Set(["QUOTE", "CLAIM", "ACTOR"]),
        onProgress: (n) => {
          peak.sample();
          if (n % 10_000 === 0) console.log(`  imported ${n.toLocaleString("en")} …`);
        },
      },
      { kind: "jsonl", file: path.basename(file), chunks: createReadStream(file) },
    );
    const seconds = (performance.now() - began) / 1000;
    peak.stop();
    if (!result.ok || result.imported !== articleCount) {
      throw new Error(`import failed: ${result.imported} imported, errors ${JSON.stringify(result.errors.slice(0, 3))}`);
    }
    say(
      `import: ${articleCount.toLocaleString("en")} articles, ${mb(corpus.bytes).toFixed(1)} MB in ${seconds.toFixed(1)} s = ` +
        `${Math.round(articleCount / seconds).toLocaleString("en")} articles/s, ${(mb(corpus.bytes) / seconds).toFixed(2)} MB/s`,
    );
    say(
      `import memory: peak RSS ${mb(peak.rss).toFixed(0)} MB (before ${mb(before.rss).toFixed(0)} MB), ` +
        `peak heap ${mb(peak.heapUsed).toFixed(0)} MB (before ${mb(before.heapUsed).toFixed(0)} MB)`,
    );

    began = performance.now();
    const assigned = await assignProject(db, project.id, { overlap: 2 });
    const loads = Object.values(assigned.loads);
    say(
      `assign overlap 2: ${assigned.created.toLocaleString("en")} assignments created in ` +
        `${((performance.now() - began) / 1000).toFixed(2)} s (loads ${Math.min(...loads)}–${Math.max(...loads)})`,
    );
    say(`search terms match (title, outlet or text word): ${JSON.stringify(corpus.matches)} of ${articleCount} articles`);

    const loadBefore = loadAverage();
    const baseline = await measureBaseline(bench, project.id);
    const cases = [
      ...(await measureBrowsing(bench, project.id, { label: "reviewer", viewer: reviewer, assignee: analysts[0].id })),
      ...(await measureBrowsing(bench, project.id, { label: "analyst", viewer: analysts[0], assignee: analysts[0].id })),
    ];

    say(`load average while browsing: ${loadBefore} → ${loadAverage()} on ${cpus().length} CPUs`);

    const explained = cases.filter((c) => c.statement).sort((a, b) => b.figure.median - a.figure.median);
    const [slowest] = explained;
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the slowest list query, ${slowest.name}:`);
    for (const line of await explain(bench, slowest.statement!)) console.log(`  ${line}`);
    for (const slow of explained.slice(1).filter((c) => c.figure.median > SLOW_MS)) {
      console.log(`\nplan of ${slow.name} (median ${slow.figure.median.toFixed(1)} ms):`);
      for (const line of planSummary(await explain(bench, slow.statement!))) console.log(`  ${line}`);
    }
    return { target, summary, baseline, cases };
  } finally {
    cleanups.delete(cleanup);
    await cleanup();
  }
}

const loadAverage = () => loadavg().map((n) => n.toFixed(1)).join(" ");

/** The plan's nodes with their actual times, without cost estimates, and its execution time. */
function planSummary(plan: string[]): string[] {
  return plan
    .filter((line, i) => i === 0 || line.includes("->") || /Execution Time/.test(line))
    .map((line) => line.replace(/\s*\(cost=[^)]*\)/, ""));
}

function printTable(reports: TargetReport[]) {
  const ms = (value: number) => value.toFixed(2).padStart(9);
  console.log(`\n==== figures (ms; median and p95 of ${15} runs after one warm-up unless stated) ====`);
  for (const report of reports) {
    console.log(`\n[${report.target}] ${report.summary.join("\n[" + report.target + "] ")}`);
    console.log(`${"figure".padEnd(52)} ${"median".padStart(9)} ${"p95".padStart(9)} ${"×base".padStart(7)} ${"list-only".padStart(9)} ${"rows".padStart(5)}`);
    console.log(`${`baseline: ${BASELINE_SQL.slice(0, 40)}…`.padEnd(52)} ${ms(report.baseline.median)} ${ms(report.baseline.p95)} ${"1.0".padStart(7)}`);
    for (const c of report.cases) {
      const ratio = (c.figure.median / report.baseline.median).toFixed(1).padStart(7);
      const listOnly = c.listQuery ? ms(c.listQuery.median) : "".padStart(9);
      const flag = c.figure.median > SLOW_MS ? "  SLOW" : "";
      console.log(`${c.name.padEnd(52)} ${ms(c.figure.median)} ${ms(c.figure.p95)} ${ratio} ${listOnly} ${String(c.rows ?? "").padStart(5)}${flag}`);
    }
  }
  console.log(`\n"median"/"p95": searchArticles end to end (list query, then assignees and label counts); ` +
    `"list-only": its list statement alone; ×base: median / baseline median.`);
}

const reports: TargetReport[] = [];
for (const target of targets) reports.push(await runTarget(target));
printTable(reports);
