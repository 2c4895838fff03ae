// Processes the fault tests start and break on purpose: their own app instances (scripts/serve.mjs,
// the built app) on their own ports and databases, and a private PostgreSQL server they can stop
// and start without disturbing anyone else's.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

const ROOT = path.resolve(import.meta.dirname, "..");

// Whatever a failed or timed-out test leaves running is stopped when the worker exits.
const leftovers = new Set<() => void>();
process.once("exit", () => {
  for (const cleanup of leftovers) {
    try {
      cleanup();
    } catch {
      // best effort: the worker is going away
    }
  }
});

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`${what} did not happen within ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** An app instance: the launcher on a database, serving the build the suite made. */
export type App = { url: string; port: number; process: ChildProcess; output: () => string; kill(signal?: NodeJS.Signals): Promise<void> };

export async function startApp(env: Record<string, string>, port?: number): Promise<App> {
  const appPort = port ?? (await freePort());
  let output = "";
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "serve.mjs")], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(appPort), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", SOURCEMARK_E2E: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const leftover = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  leftovers.add(leftover);
  void exited.then(() => leftovers.delete(leftover));
  const url = `http://127.0.0.1:${appPort}`;
  await waitFor(
    `the app on port ${appPort} to answer`,
    async () => {
      if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}): ${output.slice(-2000)}`);
      const response = await fetch(`${url}/api/health`);
      return response.status === 200;
    },
    120_000,
  ).catch(async (error) => {
    leftover();
    await exited;
    throw error;
  });
  return {
    url,
    port: appPort,
    process: child,
    output: () => output,
    async kill(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A throwaway database for one test: on the server in DATABASE_URL, else an embedded data folder. */
export async function throwawayDatabase(): Promise<{ env: Record<string, string>; url: string | null; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sourcemark-fault-"));
    return { env: { SOURCEMARK_DATA_DIR: dir, DATABASE_URL: "" }, url: null, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `sourcemark_fault_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

function postgresBin(): string | null {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb")));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(base, versions[0], "bin") : null;
}

/** A PostgreSQL server of the test's own (initdb in a temp folder), which it may stop and start at will. */
export type PrivatePostgres = { url: string; port: number; stop(): void; start(): void; destroy(): void };

export function privatePostgresUnavailable(): string | null {
  if (!postgresBin()) return "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin";
  if (process.getuid?.() === 0 && spawnSync("id", ["-u", "postgres"]).status !== 0) return "running as root and there is no postgres user to run the server as";
  return null;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBin()!;
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sourcemark-pg-"));
  const data = path.join(dir, "data");
  const port = await freePort();
  if (asRoot) spawnSync("chown", ["-R", "postgres", dir]);
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, command), ...args]] : [path.join(bin, command), args];
    const result = spawnSync(file, argv, { cwd: dir, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stdout}${result.stderr}`);
  };
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const pgCtl = (...args: string[]) => run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-t", "60", ...args]);
  pgCtl("-o", options, "start");
  let running = true;
  const leftover = () => {
    if (running) pgCtl("-m", "immediate", "stop");
    fs.rmSync(dir, { recursive: true, force: true });
  };
  leftovers.add(leftover);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      pgCtl("-m", "fast", "stop");
      running = false;
    },
    start() {
      pgCtl("-o", options, "start");
      running = true;
    },
    destroy() {
      leftovers.delete(leftover);
      try {
        if (running) pgCtl("-m", "immediate", "stop");
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
