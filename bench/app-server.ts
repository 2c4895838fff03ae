/**
 * The built app on a throwaway database, for the benchmarks that drive it over HTTP: a fresh
 * `sourcemark_bench_<random>` database on the PostgreSQL server in DATABASE_URL (default the
 * local server), `scripts/start.mjs` (it builds first when the build is stale) on a free port,
 * and stop() that ends the app and drops the database.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export type BenchApp = {
  origin: string;
  /** The throwaway database's URL. */
  databaseUrl: string;
  env: NodeJS.ProcessEnv;
  /** The app's process (its children are the app too). */
  pid: number;
  /** Runs `sourcemark ...` against the app's database. */
  cli(...args: string[]): string;
  stop(): Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startBenchApp(extraEnv: Record<string, string> = {}): Promise<BenchApp> {
  const name = `sourcemark_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = { ...process.env, ...extraEnv, DATABASE_URL: url.toString(), PORT: String(port), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" };
  // APP_NODE_ARGS: extra node flags for the app, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
  const nodeArgs = (process.env.APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const app = spawn(process.execPath, [...nodeArgs, path.join(ROOT, "scripts", "start.mjs")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] });
  app.stdout!.on("data", (chunk: Buffer) => process.env.VERBOSE && process.stdout.write(chunk));
  const stop = async () => {
    if (app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app.once("exit", resolve));
    }
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
  try {
    const deadline = Date.now() + 600_000;
    for (;;) {
      if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode}`);
      if (Date.now() > deadline) throw new Error("the app did not start within 10 minutes");
      const ok = await fetch(`${origin}/api/health`).then((response) => response.ok, () => false);
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, [path.join(ROOT, "cli", "bin.mjs"), ...args], { cwd: ROOT, env, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`sourcemark ${args.join(" ")} failed: ${result.stderr}`);
    return result.stdout;
  };
  return { origin, databaseUrl: url.toString(), env, pid: app.pid!, cli, stop };
}
