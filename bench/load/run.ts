/**
 * 50 concurrent analysts against the running app on the PostgreSQL server, each signed in with
 * its own session and working on its own article through the one write path, for a bounded time.
 * Prints throughput, latency percentiles and errors, then checks that the database holds exactly
 * the spans the clients believe they wrote, and measures raw single-row inserts on the same server
 * in the same run for the ratio.
 * Run: npx tsx bench/load/run.ts   (ANALYSTS=50 SECONDS=30; README.md beside this file)
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { startBenchApp } from "../app-server";
import { connectUrl } from "../../db/connect";
import { createUser } from "../../db/queries/users";
import { OffsetIndex } from "../../lib/text/code-points";
import { seededRandom } from "../../lib/text/test-support";
import { insertBaseline } from "./baseline";
import { SessionClient } from "./session-client";
import { countCpu } from "./cpu";

const ANALYSTS = Number(process.env.ANALYSTS ?? 50);
/** Changes per request: 1 is one action per request; more is what the editor sends when actions come faster than answers. */
const BATCH = Number(process.env.BATCH ?? 1);
const SECONDS = Number(process.env.SECONDS ?? 30);
/**
 * Seconds the analysts work before the measured SECONDS begin (default 5): a freshly started app
 * serves its first seconds slower (code not yet optimised by V8, connections and prepared
 * statements not yet made), up to a third of the steady rate here. Those answers are counted
 * apart (printed as the warm-up line), and the database check covers everything written.
 */
const WARMUP = Number(process.env.WARMUP ?? 5);
/**
 * Paced mode: each analyst makes RATE actions a second and sends them as the editor's sender
 * does (lib/editor/sender.ts): one request at a time, carrying every change queued since the last
 * one. Latency is then per action, from the moment it was made to its answer: what an analyst
 * waits for a change to be saved. Without RATE, each analyst sends BATCH changes per request
 * back to back, as fast as answers come (the server's capacity).
 */
const RATE = Number(process.env.RATE ?? 0);
/**
 * About how many spans an analyst's layer holds: at this size a create becomes a delete, as an
 * analyst who has tagged an article prunes rather than piles on. 0: no bound (layers then grow
 * by about 7 spans a second each, and reading a layer of hundreds of spans dominates a long run).
 */
const LAYER_SPANS = Number(process.env.LAYER_SPANS ?? 100);
const PASSWORD = "load-bench-password";
const PROJECT = "velmora-strike";
const LABELS = ["QUOTE", "CLAIM", "ACTOR"];
/** What an analyst does, by share of actions: mostly tagging, some corrections, a few reloads. */
const MIX: [Op, number][] = [["create", 0.45], ["move", 0.2], ["relabel", 0.15], ["delete", 0.1], ["read", 0.1]];
type Op = "create" | "move" | "relabel" | "delete" | "read";

type Believed = { id: string; version: number; start: number; end: number; label: string };
type Sample = { op: Op; ms: number; ok: boolean; changes: number; at?: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const load = () => os.loadavg().map((value) => value.toFixed(1)).join(" ");

function articleText(k: number): string {
  const words = "the minister said that the council would review every contract before spring while critics argued otherwise".split(" ");
  const random = seededRandom(k + 1);
  const paragraphs: string[] = [];
  for (let p = 0; p < 20; p++) {
    const sentence: string[] = [];
    for (let w = 0; w < 60; w++) sentence.push(words[Math.floor(random() * words.length)]);
    paragraphs.push(`${sentence.join(" ")}. 👍🏽 “Quoted ${k}-${p}.”`);
  }
  return paragraphs.join("\n");
}

/** One simulated analyst: its session, its article, and the spans it believes it saved. */
class Analyst {
  readonly believed = new Map<string, Believed>();
  readonly samples: Sample[] = [];
  errors: string[] = [];
  requests = 0;
  writeRequests = 0;
  private readonly random: () => number;
  private readonly index: OffsetIndex;

  constructor(
    readonly email: string,
    private readonly client: SessionClient,
    readonly article: { id: string; text: string },
    seed: number,
  ) {
    this.random = seededRandom(seed);
    this.index = new OffsetIndex(article.text);
  }

  private get layerPath() {
    return `/api/v1/projects/${PROJECT}/articles/${encodeURIComponent(this.article.id)}/layers/me`;
  }

  private pickOp(): Op {
    let roll = this.random();
    if (this.believed.size === 0) return "create";
    for (const [op, share] of MIX) if ((roll -= share) < 0) return op === "create" && LAYER_SPANS > 0 && this.believed.size >= LAYER_SPANS ? "delete" : op;
    return "read";
  }

  private randomBounds(): { start: number; end: number; text: string } {
    const length = this.index.length;
    const start = Math.floor(this.random() * (length - 40));
    const end = start + 3 + Math.floor(this.random() * 30);
    return { start, end, text: this.index.slice(start, end) };
  }

  private someSpan(): Believed | undefined {
    const spans = [...this.believed.values()];
    return spans[Math.floor(this.random() * spans.length)];
  }

  async run(deadline: number): Promise<void> {
    if (RATE > 0) return this.runPaced(deadline);
    while (Date.now() < deadline) {
      const op = this.pickOp();
      const began = performance.now();
      let ok = true;
      let changes = 0;
      try {
        if (op === "read") ok = await this.read();
        else ({ ok, changes } = await this.write(op));
      } catch (error) {
        ok = false;
        this.errors.push(`${op}: ${(error as Error).message}`);
      }
      this.samples.push({ op, ms: performance.now() - began, ok, changes, at: performance.now() });
    }
  }

  /** Actions arrive every 1/RATE s from a random phase; each request takes all that have arrived. */
  private async runPaced(deadline: number): Promise<void> {
    const interval = 1000 / RATE;
    let next = performance.now() + this.random() * interval;
    const end = performance.now() + (deadline - Date.now());
    while (next < end) {
      const now = performance.now();
      if (next > now) {
        await new Promise((resolve) => setTimeout(resolve, next - now));
        continue;
      }
      const arrived: number[] = [];
      while (next <= performance.now() && next < end && arrived.length < 500) {
        arrived.push(next);
        next += interval;
      }
      const ops = arrived.map(() => this.pickOp());
      const writes = ops.map((op, k) => ({ op, at: arrived[k] })).filter((action) => action.op !== "read");
      try {
        if (writes.length > 0) {
          const outcome = await this.writeBatch(writes.map((action) => action.op as Exclude<Op, "read">));
          const answered = performance.now();
          writes.forEach((action, k) => this.samples.push({ op: action.op, ms: answered - action.at, ok: outcome[k] !== false, changes: outcome[k] === true ? 1 : 0, at: answered }));
        }
        // Reloads queued meanwhile are one reload.
        const reloads = ops.flatMap((op, k) => (op === "read" ? [arrived[k]] : []));
        if (reloads.length > 0) {
          const ok = await this.read();
          const answered = performance.now();
          for (const at of reloads) this.samples.push({ op: "read", ms: answered - at, ok, changes: 0, at: answered });
        }
      } catch (error) {
        this.errors.push(`paced: ${(error as Error).message}`);
      }
    }
  }

  private async read(): Promise<boolean> {
    this.requests++;
    const response = await this.client.request("GET", this.layerPath);
    if (response.status !== 200) return this.fail(`read: HTTP ${response.status}`);
    return true;
  }

  /** One request of BATCH changes: this op first, then more of the mix, each on a span of its own. */
  private async write(first: Exclude<Op, "read">): Promise<{ ok: boolean; changes: number }> {
    const ops: Exclude<Op, "read">[] = [first];
    for (let k = 1; k < BATCH; k++) {
      const op = this.pickOp();
      ops.push(op === "read" ? "create" : op);
    }
    const outcome = await this.writeBatch(ops);
    return { ok: !outcome.includes(false), changes: outcome.filter((written) => written === true).length };
  }

  /**
   * One request carrying these actions, each on a span of its own (an action with no span left to
   * act on creates one). Per action: true when written, null when refused harmlessly (a random
   * twin of an existing span), false on an error.
   */
  private async writeBatch(ops: Exclude<Op, "read">[]): Promise<(boolean | null)[]> {
    const used = new Set<string>();
    const batch = ops.map((wanted) => {
      const change = this.changeFor(wanted, used) ?? this.changeFor("create", used)!;
      return { op: wanted, change };
    });
    this.requests++;
    this.writeRequests++;
    const response = await this.client.request("POST", `${this.layerPath}/changes`, { changes: batch.map((b) => b.change) });
    // 400 when a change was refused (a random duplicate span is, harmlessly): the results say which.
    const results = (response.body as { results?: { ok: boolean; span?: Believed; deleted?: boolean; error?: { code: string; message: string } }[] }).results;
    if (!results || (response.status !== 200 && response.status !== 400)) {
      this.fail(`${ops[0]}: HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
      return ops.map(() => false);
    }
    return results.map((result, k) => {
      if (!result.ok) {
        // Two random spans of the same label and bounds are one span: the server says so, nothing is written.
        if (result.error?.code === "duplicate_span") return null;
        return this.fail(`${batch[k].op}: ${result.error?.code} ${result.error?.message}`);
      }
      const span = result.span!;
      if (result.deleted) this.believed.delete(span.id);
      else this.believed.set(span.id, { id: span.id, version: span.version, start: span.start, end: span.end, label: span.label });
      return true;
    });
  }

  private changeFor(op: Op, used: Set<string>): object | null {
    const id = randomUUID();
    if (op === "create") {
      return { id, op: "create", span: { id: randomUUID(), label: LABELS[Math.floor(this.random() * 3)], ...this.randomBounds() } };
    }
    const span = this.someSpan();
    if (!span || used.has(span.id)) return null;
    used.add(span.id);
    if (op === "delete") return { id, op: "delete", span: { id: span.id, version: span.version } };
    if (op === "relabel") {
      const label = LABELS[(LABELS.indexOf(span.label) + 1) % 3];
      return { id, op: "update", span: { id: span.id, version: span.version, label } };
    }
    const bounds = this.randomBounds();
    return { id, op: "update", span: { id: span.id, version: span.version, ...bounds } };
  }

  private fail(message: string): boolean {
    this.errors.push(message);
    return false;
  }
}

/** TIMELINE=1: answers and latency by 250 ms of the run, to tell steady slowness from stalls. */
function printTimeline(samples: Sample[], began: number) {
  const buckets = new Map<number, number[]>();
  for (const sample of samples) {
    const bucket = Math.floor(((sample.at ?? began) - began) / 250);
    if (!buckets.has(bucket)) buckets.set(bucket, []);
    buckets.get(bucket)!.push(sample.ms);
  }
  for (const [bucket, values] of [...buckets].sort((a, b) => a[0] - b[0])) {
    values.sort((a, b) => a - b);
    const bar = "#".repeat(Math.min(60, Math.round(percentile(values, 99) / 10)));
    console.log(`${(bucket / 4).toFixed(2).padStart(6)} s  ${String(values.length).padStart(4)} answers  p50 ${percentile(values, 50).toFixed(0).padStart(4)}  p99 ${percentile(values, 99).toFixed(0).padStart(4)} ms ${bar}`);
  }
}

async function main() {
  const app = await startBenchApp({ ...(process.env.NO_RATE_LIMIT ? { SOURCEMARK_RATE_LIMIT: "0", SOURCEMARK_SESSION_RATE_LIMIT: "0" } : {}), ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}) });
  const file = path.join(os.tmpdir(), `load-bench-${process.pid}.jsonl`);
  try {
    const connection = await connectUrl(app.databaseUrl, { max: 4 });
    const emails = Array.from({ length: ANALYSTS }, (_, k) => `load${String(k).padStart(2, "0")}@bench.test`);
    process.stdout.write(`creating ${ANALYSTS} analysts and their articles… `);
    for (const email of emails) await createUser(connection.db, { email, name: email, role: "analyst", password: PASSWORD });
    const articles = emails.map((_, k) => ({ id: `load-article-${k}`, text: articleText(k) }));
    fs.writeFileSync(file, articles.map((a) => JSON.stringify({ id: a.id, title: `Load ${a.id}`, text: a.text })).join("\n") + "\n");
    app.cli("import", "--project", PROJECT, file);
    app.cli("assign", "--project", PROJECT, "--overlap", "1", "--analysts", emails.join(","));
    const assigned = await connection.pool!.query<{ email: string; external_id: string }>(
      `select u.email, a.external_id from assignments s join users u on u.id = s.user_id join articles a on a.id = s.article_id where u.email like 'load%@bench.test'`,
    );
    const articleOf = new Map(assigned.rows.map((row) => [row.email, articles.find((a) => a.id === row.external_id)!]));
    console.log("signing in…");
    const analysts = await Promise.all(
      emails.map(async (email, k) => new Analyst(email, await SessionClient.signIn(app.origin, email, PASSWORD), articleOf.get(email)!, k + 7)),
    );

    console.log(`${ANALYSTS} analysts for ${WARMUP} s of warm-up, then ${SECONDS} s measured, against ${app.origin} (PostgreSQL ${app.databaseUrl.replace(/\/[^/]*$/, "/…")}); load average ${load()}`);
    const started = performance.now();
    const deadline = Date.now() + (WARMUP + SECONDS) * 1000;
    // The measured window starts once the warm-up is over: counters and CPU are read then.
    let cpu: ReturnType<typeof countCpu> | null = null;
    let requestsBefore = 0;
    let writeRequestsBefore = 0;
    const measuring = new Promise<number>((resolve) =>
      setTimeout(() => {
        cpu = countCpu(app.pid);
        requestsBefore = analysts.reduce((sum, analyst) => sum + analyst.requests, 0);
        writeRequestsBefore = analysts.reduce((sum, analyst) => sum + analyst.writeRequests, 0);
        resolve(performance.now());
      }, WARMUP * 1000),
    );
    await Promise.all(analysts.map((analyst) => analyst.run(deadline)));
    const began = await measuring;
    const elapsed = (performance.now() - began) / 1000;
    const used = cpu!();
    const everySample = analysts.flatMap((analyst) => analyst.samples);
    if (process.env.TIMELINE) printTimeline(everySample, started);
    const warmUp = everySample.filter((sample) => (sample.at ?? 0) < began).map((sample) => sample.ms).sort((a, b) => a - b);

    const samples = everySample.filter((sample) => (sample.at ?? 0) >= began);
    const writes = samples.filter((sample) => sample.op !== "read");
    const latencies = samples.map((sample) => sample.ms).sort((a, b) => a - b);
    const writeLatencies = writes.map((sample) => sample.ms).sort((a, b) => a - b);
    const errors = analysts.flatMap((analyst) => analyst.errors);
    const requests = analysts.reduce((sum, analyst) => sum + analyst.requests, 0) - requestsBefore;
    const writeRequests = analysts.reduce((sum, analyst) => sum + analyst.writeRequests, 0) - writeRequestsBefore;
    const writeRate = writes.reduce((sum, sample) => sum + sample.changes, 0) / elapsed;

    // What the database holds, span by span, against what each client believes it wrote.
    const stored = await connection.pool!.query<{ email: string; id: string; version: number; start: number; end: number; label: string }>(
      `select u.email, n.id, n.version, n.start, n."end", n.label from annotations n join users u on u.id = n.layer_user_id
       where n.deleted_at is null and n.layer_kind = 'analyst' and u.email like 'load%@bench.test'`,
    );
    const storedOf = new Map<string, Map<string, Believed>>();
    for (const row of stored.rows) {
      if (!storedOf.has(row.email)) storedOf.set(row.email, new Map());
      storedOf.get(row.email)!.set(row.id, row);
    }
    let mismatches = 0;
    let believedTotal = 0;
    for (const analyst of analysts) {
      const held = storedOf.get(analyst.email) ?? new Map();
      believedTotal += analyst.believed.size;
      if (held.size !== analyst.believed.size) mismatches += Math.abs(held.size - analyst.believed.size);
      for (const span of analyst.believed.values()) {
        const row = held.get(span.id);
        if (!row || row.version !== span.version || row.start !== span.start || row.end !== span.end || row.label !== span.label) mismatches++;
      }
    }
    await connection.close();

    const baseline = await insertBaseline(app.databaseUrl, ANALYSTS, Math.min(SECONDS, 15));
    const byOp = MIX.map(([op]) => {
      const of = samples.filter((sample) => sample.op === op).map((sample) => sample.ms).sort((a, b) => a - b);
      return `${op} ${of.length} (p50 ${percentile(of, 50)?.toFixed(1)} ms)`;
    }).join(", ");
    const met = (ok: boolean) => (ok ? "met" : "MISSED");
    const p99 = percentile(writeLatencies, 99);
    console.log(`
mode                ${RATE > 0 ? `paced: ${RATE} actions/s per analyst (${RATE * ANALYSTS}/s offered), sent as the editor sends them; latency per action, made → answered` : `back to back: ${BATCH} change${BATCH === 1 ? "" : "s"} per write request; latency per request`}; ${LAYER_SPANS > 0 ? `layers kept near ${LAYER_SPANS} spans` : "layers unbounded"}
warm-up             ${warmUp.length} answers in the first ${WARMUP} s, not counted below${warmUp.length ? ` (p50 ${percentile(warmUp, 50).toFixed(1)} ms, p99 ${percentile(warmUp, 99).toFixed(1)} ms)` : ""}
requests            ${requests} in ${elapsed.toFixed(1)} s (${(requests / elapsed).toFixed(0)}/s); actions: ${byOp}
span writes         ${writes.reduce((sum, sample) => sum + sample.changes, 0)} acknowledged (${writeRate.toFixed(0)}/s), ${(writes.reduce((sum, sample) => sum + sample.changes, 0) / Math.max(1, writeRequests)).toFixed(1)} changes per write request on average
latency, all        p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms
latency, writes     p50 ${percentile(writeLatencies, 50).toFixed(1)} ms, p95 ${percentile(writeLatencies, 95).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms
errors              ${errors.length}${errors.length ? ` (first: ${errors.slice(0, 3).join(" | ")})` : ""}
database check      ${believedTotal} spans believed written, ${stored.rows.length} stored, ${mismatches} mismatches
CPU per request     app ${((used.app / requests) * 1000).toFixed(2)} ms, PostgreSQL ${((used.postgres / requests) * 1000).toFixed(2)} ms, clients ${((used.bench / requests) * 1000).toFixed(2)} ms (cores busy: ${(used.app / used.seconds).toFixed(2)}, ${(used.postgres / used.seconds).toFixed(2)}, ${(used.bench / used.seconds).toFixed(2)})
raw PostgreSQL      ${baseline.rate.toFixed(0)} single-row inserts/s (${ANALYSTS} connections, autocommit, ${baseline.seconds} s; p99 ${baseline.p99.toFixed(1)} ms)
ratio               app span writes / raw inserts = ${(writeRate / baseline.rate).toFixed(3)}
load average at the end ${load()}

targets: ≥ 1000 span writes/s ${met(writeRate >= 1000)}; p99 < 100 ms ${met(p99 < 100)}; zero errors ${met(errors.length === 0)}; database matches ${met(mismatches === 0)}`);
  } finally {
    fs.rmSync(file, { force: true });
    await app.stop();
  }
}

await main();
