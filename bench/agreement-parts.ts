/**
 * Where computeAgreement spends its time on the benchmark project, stage by stage (a profiling
 * aid for bench/agreement.ts). Run with `npx tsx bench/agreement-parts.ts`.
 */
import { performance } from "node:perf_hooks";
import { ContinuumBuilder } from "../lib/agreement/continuum-builder";
import { countFleiss } from "../lib/agreement/fleiss-totals";
import { countPair } from "../lib/agreement/pair-counts";
import { prepareArticle } from "../lib/agreement/prepared-article";
import { prepareLayer } from "../lib/agreement/spans/label-spans";
import { whitespaceTokens } from "../lib/agreement/spans/whitespace-tokens";
import { computeAgreement } from "../lib/agreement";
import { ANALYSTS, generateProject } from "./agreement-project";

const LABELS = ["QUOTE", "CLAIM", "ACTOR"];
const articles = generateProject(20261123);

function time<T>(name: string, work: () => T): T {
  let result!: T;
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    result = work();
    const used = process.cpuUsage(cpuStarted);
    runs.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  runs.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(`${name.padEnd(44)} median ${runs[3].toFixed(1).padStart(7)} ms wall, ${cpu[3].toFixed(1).padStart(7)} ms CPU`);
  return result;
}

time("whitespace tokens", () => articles.map((a) => whitespaceTokens(a.text)));
time("prepare layers", () => articles.map((a) => Object.values(a.layers).map((spans) => prepareLayer(spans, LABELS))));
const prepared = time("prepare articles (tokens, layers, codings)", () => articles.map((a) => prepareArticle(a, LABELS)));
const pairs = [[0, 1], [0, 2], [1, 2]].map(([i, j]) => [ANALYSTS[i], ANALYSTS[j]]);
time("pair counts (3 pairs × 3 labels)", () => prepared.map((a) => pairs.map(([x, y]) => LABELS.map((label, l) => countPair(a, x, y, l, label)))));
time("fleiss totals", () => prepared.map((a) => LABELS.map((_, l) => countFleiss(a, ANALYSTS, l))));
const continuumOf = (list: typeof prepared) => {
  const builder = new ContinuumBuilder(LABELS, ANALYSTS);
  for (const article of list) builder.append(article);
  return LABELS.map((_, l) => builder.disagreement(l));
};
time("alpha_u per article", () => prepared.map((a) => continuumOf([a])));
time("alpha_u project continuum", () => continuumOf(prepared));
time("computeAgreement (whole)", () => computeAgreement({ project: "bench", labels: LABELS, articles }));
