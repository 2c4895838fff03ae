#!/usr/bin/env node
// Serves the app for the end-to-end suite on a fresh database: a throwaway database on
// the server in DATABASE_URL when given, else a throwaway embedded data folder.
// Both are removed when the suite stops the server.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const serverUrl = process.env.DATABASE_URL;
const env = { ...process.env, SOURCEMARK_E2E: "1", NEXT_TELEMETRY_DISABLED: "1" };
let cleanup = async () => {};

if (serverUrl) {
  const name = `sourcemark_e2e_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.end();
  };
  console.log(`[e2e] database ${name} on ${url.host}`);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sourcemark-e2e-"));
  env.SOURCEMARK_DATA_DIR = dir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  console.log(`[e2e] embedded database in ${dir}`);
}

const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], { cwd: root, env, stdio: "inherit" });
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  child.kill(signal);
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
child.on("exit", async (code) => {
  await cleanup().catch((error) => console.error("[e2e] cleanup failed:", error.message));
  process.exit(stopping ? 0 : (code ?? 1));
});
