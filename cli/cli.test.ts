import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { main } from "./main";
import type { Io } from "./io";
import { connectEmbedded } from "../db/connect";
import { migrateDatabase } from "../db/migrate";
import { findUserByEmail } from "../db/queries/users";
import { testTargets } from "../db/test-databases";

function captureIo(secret = ""): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), readSecret: async () => secret };
}

const ROOT = path.resolve(import.meta.dirname, "..");

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "cli", "bin.mjs"), ...args], {
      cwd: os.tmpdir(),
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe.each(testTargets())("sourcemark user add on $name", (target) => {
  const saved = { url: process.env.DATABASE_URL, dir: process.env.SOURCEMARK_DATA_DIR };
  let dataDir: string;
  beforeAll(async () => {
    if (target.name === "postgres") {
      const connection = await target.open();
      // keep the database; point the CLI at it
      process.env.DATABASE_URL = `postgres://${new URL(process.env.TEST_DATABASE_URL || saved.url!).host}/${connection.where}`;
      process.env.DATABASE_URL = process.env.DATABASE_URL.replace("postgres://", "postgres://postgres@");
      (globalThis as { cleanupCli?: () => Promise<void> }).cleanupCli = () => connection.close();
    } else {
      delete process.env.DATABASE_URL;
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sourcemark-cli-"));
      process.env.SOURCEMARK_DATA_DIR = dataDir;
    }
  });
  afterAll(async () => {
    process.env.DATABASE_URL = saved.url;
    process.env.SOURCEMARK_DATA_DIR = saved.dir;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    if (saved.dir === undefined) delete process.env.SOURCEMARK_DATA_DIR;
    await (globalThis as { cleanupCli?: () => Promise<void> }).cleanupCli?.();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("adds a user, lists it, and refuses a duplicate", async () => {
    const io = captureIo();
    expect(await main(["user", "add", "--email", "Cli@X.org", "--name", "Cli", "--role", "reviewer", "--password", "password-1"], io)).toBe(0);
    expect(io.stdout).toEqual(["Created reviewer cli@x.org"]);
    const list = captureIo();
    expect(await main(["user", "list"], list)).toBe(0);
    expect(list.stdout.join("\n")).toContain("cli@x.org\treviewer\tactive\tCli");
    const again = captureIo();
    expect(await main(["user", "add", "--email", "cli@x.org", "--name", "C", "--role", "analyst", "--password", "password-1"], again)).toBe(1);
    expect(again.stderr[0]).toMatch(/already exists/);
  });

  it("prompts for the password when none is given", async () => {
    const io = captureIo("prompted-password");
    expect(await main(["user", "add", "--email", "p@x.org", "--name", "P", "--role", "analyst"], io)).toBe(0);
  });

  it("explains bad input on stderr with a non-zero exit", async () => {
    const badRole = captureIo();
    expect(await main(["user", "add", "--email", "r@x.org", "--name", "R", "--role", "owner", "--password", "password-1"], badRole)).toBe(1);
    expect(badRole.stderr[0]).toMatch(/Role must be admin, reviewer or analyst/);
    const shortPassword = captureIo();
    expect(await main(["user", "add", "--email", "s@x.org", "--name", "S", "--role", "analyst", "--password", "short"], shortPassword)).toBe(1);
    expect(shortPassword.stderr[0]).toMatch(/at least 8 characters/);
    const unknownOption = captureIo();
    expect(await main(["user", "add", "--mail", "x"], unknownOption)).toBe(2);
    const unknownCommand = captureIo();
    expect(await main(["frobnicate"], unknownCommand)).toBe(2);
  });
});

describe("the CLI and a running app", () => {
  it("writes through the app's socket instead of opening the data folder a second time", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sourcemark-lock-"));
    const app = await connectEmbedded(dataDir);
    await migrateDatabase(app.db, "pglite");
    const socket = new PGLiteSocketServer({ db: app.embedded!.pglite, host: "127.0.0.1", port: 0, maxConnections: 8 });
    await socket.start();
    app.embedded!.setServedPort(Number(socket.getServerConn().split(":").pop()));
    try {
      const env = { SOURCEMARK_DATA_DIR: dataDir, DATABASE_URL: "" };
      const result = await runCli(["user", "add", "--email", "via@socket.org", "--name", "V", "--role", "analyst", "--password", "password-1"], env);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      // the app's own handle sees the write at once: one database, not two copies
      expect(await findUserByEmail(app.db, "via@socket.org")).not.toBeNull();
    } finally {
      await socket.stop();
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("refuses a malformed DATABASE_URL and an unreachable server with one clear line", async () => {
    const malformed = await runCli(["user", "list"], { DATABASE_URL: "not a url" });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr.trim()).toMatch(/^sourcemark: DATABASE_URL is malformed/);
    const unreachable = await runCli(["user", "list"], { DATABASE_URL: "postgres://postgres@127.0.0.1:1/x" });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr.trim()).toMatch(/connection was refused/);
  });
});
