#!/usr/bin/env node
// The one test command: unit and integration tests (Vitest; on PGlite always, and on the
// server in DATABASE_URL / TEST_DATABASE_URL when given), then the end-to-end suite
// (Playwright, which builds and starts the app). Prints `N passed, N failed` last.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const skipE2e = process.argv.includes("--no-e2e");

function run(command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  return { status: result.status ?? 1, seconds: Math.round((Date.now() - started) / 1000) };
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;

const vitestReport = path.join(results, "vitest.json");
fs.rmSync(vitestReport, { force: true });
const unit = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);
const vitest = readJson(vitestReport);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitest.numFailedTestSuites ?? 0) - countSuitesWithFailedTests(vitest);
} else if (unit.status !== 0) {
  failed += 1;
}
console.log(`[test] unit and integration: ${unit.seconds}s`);

function countSuitesWithFailedTests(report) {
  return (report.testResults ?? []).filter(
    (suite) => suite.status === "failed" && (suite.assertionResults ?? []).some((t) => t.status === "failed"),
  ).length;
}

if (!skipE2e) {
  const e2eReport = path.join(results, "e2e-results.json");
  fs.rmSync(e2eReport, { force: true });
  const e2e = run(bin("playwright"), ["test"]);
  const report = readJson(e2eReport);
  if (report?.stats) {
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    if (e2e.status !== 0 && report.stats.unexpected === 0) failed += 1;
  } else if (e2e.status !== 0) {
    failed += 1;
  }
  console.log(`[test] end-to-end: ${e2e.seconds}s`);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
