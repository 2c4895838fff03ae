/**
 * Benchmark of computeAgreement on the seeded synthetic project of agreement-project.ts.
 * Target: under 2 s. Run with `npx tsx bench/agreement.ts`.
 */
import { performance } from "node:perf_hooks";
import { computeAgreement } from "../lib/agreement";
import { ANALYSTS, SPANS_PER_LAYER, generateProject } from "./agreement-project";

const RUNS = 5;

const articles = generateProject(20261123);
const input = { project: "bench", labels: ["QUOTE", "CLAIM", "ACTOR"], articles };
const characters = articles.reduce((sum, a) => sum + a.text.length, 0);
console.log(
  `project: ${articles.length} articles, ${characters.toLocaleString("en")} UTF-16 units of text, ` +
    `${ANALYSTS.length} analysts × ${SPANS_PER_LAYER} spans per article`,
);

// Wall-clock time is what the target is about; CPU time is printed beside it because a busy
// machine stretches wall-clock time without the code doing more work.
const times: number[] = [];
const cpuTimes: number[] = [];
let figures = 0;
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const report = computeAgreement(input);
  times.push(performance.now() - started);
  const cpu = process.cpuUsage(cpuStarted);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  figures = report.figures.length;
  if (run === 0) {
    const project = report.figures.filter((f) => f.article === null && f.label === null);
    for (const f of project) console.log(`  ${f.measure.padEnd(18)} ${f.annotators.join(" ").padEnd(48)} ${f.value?.toFixed(4)} (units ${f.units})`);
  }
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log(`figures: ${figures}`);
console.log(`runs (ms): ${times.map((t) => t.toFixed(0)).join(", ")} (first run includes JIT warm-up)`);
console.log(
  `computeAgreement over ${RUNS} runs: median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms ` +
    `(CPU median ${median(cpuTimes).toFixed(0)} ms); target < 2000 ms`,
);
