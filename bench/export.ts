/**
 * Export at scale (issue 7): 10,000 articles with 500,000 spans (two analysts' layers and gold,
 * attributions, actors) in a throwaway database on the server in DATABASE_URL, exported to native
 * JSONL through streamCorpus + writeNativeJsonl into a file, with wall time and peak memory
 * (RSS and heap sampled every 50 ms). Targets: under 20 s and under 300 MB.
 *
 * Baselines in the same run: the annotations and articles tables read through pg with a
 * server-side cursor and written out as JSON rows, and (when psql is installed) `\copy ... to`
 * of the same tables, so the export's figure can be read as a ratio to "just reading the rows".
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/export.ts [--articles N] [--spans-per-article K]
 *
 * Creates `sourcemark_bench_export_<random>` and drops it at the end, also on failure or Ctrl-C.
 * For profiling: `--keep` keeps the database, `--reuse NAME` runs the export and baselines on it again.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { Client, Pool } from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "../db/schema";
import type { Database } from "../db/types";
// Only types statically: the export process (--child) must not load the parent's modules (db/connect
// brings in the embedded database), so that its memory is the export's.
import type { Connection } from "../db/connect";
import { streamCorpus } from "../db/queries/corpus";
import { utf8Pieces } from "../db/queries/export";
import { writeNativeJsonl } from "../lib/formats";

const TARGET_SECONDS = 20;
const TARGET_MB = 300;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number`);
  return value;
}
const ARTICLES = option("articles", 10_000);
const SPANS_PER_ARTICLE = option("spans-per-article", 50);
const IS_CHILD = process.argv.includes("--child");
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl && !IS_CHILD) {
  console.error("bench/export.ts needs DATABASE_URL (a PostgreSQL server where it may create and drop a database).");
  process.exit(2);
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** Peak RSS and heap, sampled every 50 ms and on demand. */
class MemoryPeak {
  rss = 0;
  heap = 0;
  private timer = setInterval(() => this.sample(), 50);
  sample() {
    const { rss, heapUsed } = process.memoryUsage();
    this.rss = Math.max(this.rss, rss);
    this.heap = Math.max(this.heap, heapUsed);
  }
  stop() {
    clearInterval(this.timer);
    this.sample();
  }
}

// --- a throwaway database, dropped whatever happens -------------------------------------------
// --reuse NAME: a database kept by an earlier --keep run (skips the generation; for profiling).
const reuse = process.argv.includes("--reuse") ? process.argv[process.argv.indexOf("--reuse") + 1] : null;
const keep = process.argv.includes("--keep") || reuse !== null;
const name = reuse ?? `sourcemark_bench_export_${randomBytes(5).toString("hex")}`;
const outDir = IS_CHILD ? "" : fs.mkdtempSync(path.join(os.tmpdir(), "sourcemark-bench-export-"));
let connection: Connection | null = null;
async function cleanup() {
  await connection?.close().catch(() => {});
  connection = null;
  fs.rmSync(outDir, { recursive: true, force: true });
  if (keep) {
    console.error(`kept the database ${name} (drop it with: psql -c 'drop database "${name}"')`);
    return;
  }
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
for (const signal of IS_CHILD ? [] : (["SIGINT", "SIGTERM"] as const)) {
  process.once(signal, async () => {
    console.error(`\n${signal}: dropping ${name}`);
    await cleanup().catch((error) => console.error(error));
    process.exit(130);
  });
}

// --- news-like text: accents, CJK, RTL, an emoji, LF and CRLF paragraphs -----------------------
const WORDS = (
  "the port union said talks authority workers strike dock crane shipping agent harbour minister " +
  "Velmora Kessler Keßler café naïve 王小明 港口 «لا للاستغلال» שלום 🚢 rent promises wages night shift " +
  "vessel anchor container terminal statement demands figure disputes reporters dawn Monday"
).split(" ");

function articleText(seed: number): string {
  let state = seed * 2654435761 + 1;
  const next = () => ((state = (state * 1103515245 + 12345) >>> 0) >>> 8) % WORDS.length;
  const paragraphs: string[] = [];
  for (let p = 0; p < 6; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 6; s++) {
      const words = Array.from({ length: 10 + (next() % 6) }, () => WORDS[next()]);
      sentences.push(`${words.join(" ")}${s % 3 === 1 ? ": “we will not move”" : ""}.`);
    }
    paragraphs.push(sentences.join(" "));
  }
  return paragraphs.join(seed % 2 ? "\r\n" : "\n");
}

async function generate(db: Connection["db"], pool: NonNullable<Connection["pool"]>) {
  const { createProject } = await import("../db/queries/projects");
  const project = await createProject(db, { name: "Bench export", slug: "bench-export" });
  const analysts = ["ana@bench.org", "ben@bench.org"];
  const userIds: string[] = [];
  for (const email of analysts) {
    const { rows } = await pool.query("insert into users (email, name, password_hash, role) values ($1, $2, 'x', 'analyst') returning id", [email, email]);
    userIds.push(rows[0].id);
  }
  const actorIds = Array.from({ length: 200 }, () => randomUUID());
  await pool.query(
    "insert into actors (id, project_id, name, kind) select id, $2, 'Actor ' || n, 'person' from unnest($1::uuid[]) with ordinality as t(id, n)",
    [actorIds, project.id],
  );
  const chunk = 500;
  for (let first = 0; first < ARTICLES; first += chunk) {
    const n = Math.min(chunk, ARTICLES - first);
    const ids: string[] = [];
    const externalIds: string[] = [];
    const texts: string[] = [];
    for (let i = first; i < first + n; i++) {
      ids.push(randomUUID());
      externalIds.push(`bench-${String(i).padStart(6, "0")}`);
      texts.push(articleText(i));
    }
    await pool.query(
      `insert into articles (id, project_id, external_id, title, outlet, url, published_at, text, text_hash, metadata)
       select id, $2, ext, 'Article ' || ext, 'Bench Gazette', 'https://example.org/' || ext, date '2026-01-01' + (ord % 365)::int,
              txt, md5(txt), jsonb_build_object('section', 'port', 'n', ord)
       from unnest($1::uuid[], $3::text[], $4::text[]) with ordinality as t(id, ext, txt, ord)`,
      [ids, project.id, externalIds, texts],
    );
    // Spans made on the server: K per article spread over the text; the first 40% in analyst 1's
    // layer, the next 40% in analyst 2's, the rest gold. Labels cycle QUOTE, ACTOR, CLAIM; every
    // ACTOR links an actor and every QUOTE is attributed to the ACTOR after it in its layer.
    // Ids are md5(article, g) so that the relations can name them.
    await pool.query(
      `with spans as (
         select a.id as article_id, g,
                case when g < $2 * 0.8 then 'analyst' else 'gold' end as layer_kind,
                case when g < $2 * 0.4 then $3::uuid when g < $2 * 0.8 then $4::uuid else null end as layer_user_id,
                (array['QUOTE', 'ACTOR', 'CLAIM'])[1 + g % 3] as label,
                least(g * (char_length(a.text) / $2) + (g * 7) % 11, char_length(a.text) - 60) as s,
                a.text
         from articles a, generate_series(0, $2 - 1) as g
         where a.id = any($1::uuid[]))
       insert into annotations (id, article_id, layer_kind, layer_user_id, label, start, "end", text, attributes, note, actor_id)
       select md5(article_id::text || ':' || g)::uuid, article_id, layer_kind, layer_user_id, label, s, s + 8 + (g * 13) % 40,
              substr(text, s + 1, 8 + (g * 13) % 40),
              case when g % 10 = 0 then '{"certainty": "high"}'::jsonb else '{}'::jsonb end,
              case when g % 25 = 0 then 'checked against the wire copy' else null end,
              case when label = 'ACTOR' then ($5::uuid[])[1 + (abs(hashtext(article_id::text)) + g) % 200] else null end
       from spans`,
      [ids, SPANS_PER_ARTICLE, userIds[0], userIds[1], actorIds],
    );
    await pool.query(
      `insert into relations (article_id, layer_kind, layer_user_id, type, from_id, to_id)
       select a.id, case when g < $2 * 0.8 then 'analyst' else 'gold' end,
              case when g < $2 * 0.4 then $3::uuid when g < $2 * 0.8 then $4::uuid else null end,
              'attributed_to', md5(a.id::text || ':' || g)::uuid, md5(a.id::text || ':' || (g + 1))::uuid
       from articles a, generate_series(0, $2 - 2) as g
       where a.id = any($1::uuid[]) and g % 3 = 0
         and (g < $2 * 0.4) = (g + 1 < $2 * 0.4) and (g < $2 * 0.8) = (g + 1 < $2 * 0.8)`,
      [ids, SPANS_PER_ARTICLE, userIds[0], userIds[1]],
    );
    process.stderr.write(`\rgenerating: ${(first + n).toLocaleString("en")} articles`);
  }
  process.stderr.write("\r\x1b[K");
  await pool.query("analyze");
  return project;
}

async function main() {
  if (!reuse) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
  }
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  const { connectUrl } = await import("../db/connect");
  const { migrateDatabase } = await import("../db/migrate");
  connection = await connectUrl(url.toString(), { max: 4 });
  await migrateDatabase(connection.db, "pg");
  const pool = connection.pool!;
  const { rows: version } = await pool.query("show server_version");

  let began = performance.now();
  const project = reuse ? (await pool.query("select id from projects where slug = 'bench-export'")).rows[0] : await generate(connection.db, pool);
  const generated = performance.now() - began;
  const { rows: counts } = await pool.query(
    "select (select count(*) from articles)::int as articles, (select count(*) from annotations)::int as spans, (select count(*) from relations)::int as relations",
  );

  // --- the export, in a fresh process so that its memory is the export's alone ------------------
  const file = path.join(outDir, "export.jsonl");
  const run = await exportInChild(url.toString(), project.id, file);
  const exportMs = run.ms;
  const exportBytes = fs.statSync(file).size;
  let spansOut = 0;
  // Check the file holds every span (read line by line, outside the timing).
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line) continue;
    const article = JSON.parse(line);
    spansOut += article.annotations.reduce((n: number, l: { spans: unknown[] }) => n + l.spans.length, 0) + (article.gold?.spans.length ?? 0);
  }

  // --- baseline 1: the rows through pg with a server-side cursor ------------------------------------
  const baselineFile = path.join(outDir, "baseline.jsonl");
  began = performance.now();
  const client = await pool.connect();
  const sink = fs.createWriteStream(baselineFile);
  try {
    await client.query("begin");
    for (const [cursor, query] of [
      ["articles_c", "select id, external_id, title, outlet, url, published_at, metadata, text from articles order by external_id"],
      ["annotations_c", "select * from annotations where deleted_at is null"],
      ["relations_c", "select * from relations where deleted_at is null"],
    ]) {
      await client.query(`declare ${cursor} no scroll cursor for ${query}`);
      for (;;) {
        const { rows } = await client.query({ text: `fetch 10000 from ${cursor}`, rowMode: "array" });
        if (rows.length === 0) break;
        const ok = sink.write(rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
        if (!ok) await new Promise<void>((resolve) => sink.once("drain", () => resolve()));
      }
    }
    await client.query("commit");
  } finally {
    client.release();
  }
  await new Promise<void>((resolve) => sink.end(() => resolve()));
  const cursorMs = performance.now() - began;

  // --- baseline 2: COPY ... TO STDOUT through psql, when installed ---------------------------------
  let copyMs: number | null = null;
  try {
    began = performance.now();
    for (const table of ["articles", "annotations", "relations"]) {
      execFileSync("psql", [url.toString(), "-qAtc", `\\copy (select * from ${table}) to '${path.join(outDir, `${table}.copy`)}'`], { stdio: "pipe" });
    }
    copyMs = performance.now() - began;
  } catch {
    copyMs = null;
  }

  const passTime = exportMs / 1000 < TARGET_SECONDS;
  const passMemory = run.rss / 1024 / 1024 < TARGET_MB;
  console.log(`Export benchmark on ${name} (PostgreSQL ${version[0].server_version}), Node ${process.version}, ${os.cpus().length} CPUs`);
  console.log(`data: ${counts[0].articles.toLocaleString("en")} articles, ${counts[0].spans.toLocaleString("en")} spans, ${counts[0].relations.toLocaleString("en")} relations (generated in ${seconds(generated)} s)`);
  console.log(`export native JSONL, every layer: ${run.articles.toLocaleString("en")} articles, ${spansOut.toLocaleString("en")} spans, ${mb(exportBytes)} MB`);
  console.log(`  wall time      ${seconds(exportMs)} s   (target < ${TARGET_SECONDS} s: ${passTime ? "met" : "MISSED"}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)`);
  console.log(`  CPU time       ${seconds(run.cpuMs)} s of the export process (the rest of the wall time is the database, and other work on the machine)`);
  console.log(`  peak RSS       ${mb(run.rss)} MB  (target < ${TARGET_MB} MB: ${passMemory ? "met" : "MISSED"}; ${mb(run.rssBefore)} MB when it started)`);
  console.log(`  peak heap      ${mb(run.heap)} MB`);
  console.log(`  throughput     ${Math.round(run.articles / (exportMs / 1000)).toLocaleString("en")} articles/s, ${Math.round(spansOut / (exportMs / 1000)).toLocaleString("en")} spans/s`);
  console.log(`baseline: same tables through pg with a cursor, as JSON rows: ${seconds(cursorMs)} s (${mb(fs.statSync(baselineFile).size)} MB); export / baseline = ${(exportMs / cursorMs).toFixed(2)}`);
  if (copyMs !== null) console.log(`baseline: \\copy of the same tables through psql: ${seconds(copyMs)} s; export / copy = ${(exportMs / copyMs).toFixed(2)}`);
  if (spansOut !== counts[0].spans) throw new Error(`the export holds ${spansOut} spans, the database ${counts[0].spans}`);
  if (!passTime || !passMemory) process.exitCode = 1;
}

type ChildResult = { ms: number; cpuMs: number; rss: number; heap: number; rssBefore: number; articles: number };

/** Runs this file again with --child: connect, export, report the figures as one JSON line. */
function exportInChild(databaseUrl: string, projectId: string, file: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--child"], {
      env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, BENCH_PROJECT_ID: projectId, BENCH_OUT: file },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (data) => (out += data));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`the export process exited with ${code}`))));
  });
}

async function child() {
  const rssBefore = process.memoryUsage().rss;
  const memory = new MemoryPeak();
  const began = performance.now();
  const cpuBefore = process.cpuUsage();
  // A bare pool: the export's own footprint, without the embedded database's module (db/connect).
  const pool = new Pool({ connectionString: process.env.BENCH_DATABASE_URL!, max: 2 });
  const own = { db: drizzle(pool, { schema }) as unknown as Database, close: () => pool.end() };
  let articles = 0;
  try {
    const counted = (async function* () {
      for await (const article of streamCorpus(own.db, process.env.BENCH_PROJECT_ID!, { kind: "everything" })) {
        articles++;
        yield article;
      }
    })();
    await pipeline(Readable.from(utf8Pieces(writeNativeJsonl(counted))), fs.createWriteStream(process.env.BENCH_OUT!));
  } finally {
    await own.close();
  }
  const ms = performance.now() - began;
  const cpu = process.cpuUsage(cpuBefore);
  memory.stop();
  const result: ChildResult = { ms, cpuMs: (cpu.user + cpu.system) / 1000, rss: memory.rss, heap: memory.heap, rssBefore, articles };
  process.stdout.write(JSON.stringify(result) + "\n");
}

if (IS_CHILD) {
  await child();
} else {
  try {
    await main();
  } finally {
    await cleanup();
  }
}
