import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "./main";
import type { Io } from "./io";
import { testTargets } from "../db/test-databases";
import { createProject } from "../db/queries/projects";
import type { Connection } from "../db/connect";
import { collectText, writeNativeJsonl } from "../lib/formats";
import { hardCorpus, readZip } from "../lib/formats/test-support/corpus";

function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), readSecret: async () => "" };
}

describe.each(testTargets())("sourcemark export on $name", (target) => {
  let connection: Connection;
  let dir: string;
  const run = async (argv: string[]) => {
    const io = captureIo();
    const code = await main(argv, io, connection);
    return { code, ...io };
  };
  beforeAll(async () => {
    connection = await target.open();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sourcemark-export-"));
    await createProject(connection.db, { name: "Cli export", slug: "cli-export" });
    fs.writeFileSync(path.join(dir, "hard.jsonl"), await collectText(writeNativeJsonl(hardCorpus())));
    expect((await run(["import", "--project", "cli-export", path.join(dir, "hard.jsonl")])).code).toBe(0);
  });
  afterAll(async () => {
    await connection?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("streams an export to a file and prints one summary line", async () => {
    const out = path.join(dir, "alice.jsonl");
    const result = await run(["export", "--project", "cli-export", "--format", "jsonl", "--layer", "alice@example.org", "--out", out]);
    expect(result.stderr).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toEqual([expect.stringMatching(/^Exported 3 articles \(alice@example\.org, jsonl\) to .*alice\.jsonl \(\d+\.\d KB\)$/)]);
    const lines = fs.readFileSync(out, "utf8").trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((a) => a.annotations.map((l: { annotator: string }) => l.annotator))).toEqual([[], ["alice@example.org"], ["alice@example.org"]]);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith(".partial"))).toEqual([]);
  });

  it("writes brat as a zip named after the project and layer when --out is a folder (made when it ends in a slash)", async () => {
    const result = await run(["export", "--project", "cli-export", "--format", "brat", "--layer", "gold", "--out", path.join(dir, "zips") + path.sep]);
    expect(result.code).toBe(0);
    const files = readZip(new Uint8Array(fs.readFileSync(path.join(dir, "zips", "cli-export-gold-brat.zip"))));
    expect([...files.keys()].sort()).toEqual(["annotation.conf", "empty-layers.ann", "empty-layers.txt", "hard%2F1%20%C3%BCn%C3%AFcode.ann", "hard%2F1%20%C3%BCn%C3%AFcode.txt", "waltz-abc-2025-01-12.ann", "waltz-abc-2025-01-12.txt"]);
  });

  it("exports the actor register without a layer, and only the named articles", async () => {
    const actorsOut = path.join(dir, "actors.csv");
    expect((await run(["export", "--project", "cli-export", "--format", "actors-csv", "--out", actorsOut])).stdout[0]).toMatch(/^Exported the actor register \(actors-csv\)/);
    expect(fs.readFileSync(actorsOut, "utf8")).toMatch(/^name,aliases,kind,external_id,description\r\n/);
    const some = path.join(dir, "some.csv");
    expect((await run(["export", "--project", "cli-export", "--format", "csv", "--layer", "all", "--articles", "empty-layers,waltz-abc-2025-01-12", "--out", some])).code).toBe(0);
    expect(new Set(fs.readFileSync(some, "utf8").trimEnd().split("\r\n").slice(1).map((row) => row.split(",")[0]))).toEqual(new Set(["waltz-abc-2025-01-12"]));
  });

  it.each([
    [["--project", "cli-export", "--format", "xml", "--layer", "gold", "--out", "x"], 2, /Unknown format "xml"/],
    [["--project", "cli-export", "--format", "jsonl", "--out", "x"], 2, /Choose a layer/],
    [["--project", "cli-export", "--format", "jsonl", "--layer", "me", "--out", "x"], 2, /--layer me/],
    [["--project", "cli-export", "--format", "jsonl", "--layer", "gold"], 2, /--out is required/],
    [["--project", "nope", "--format", "jsonl", "--layer", "gold", "--out", "x"], 1, /No project "nope"/],
    [["--project", "cli-export", "--format", "jsonl", "--layer", "ghost@example.org", "--out", "x"], 1, /No user "ghost@example.org"/],
  ])("refuses %j with exit %i on stderr", async (args, code, message) => {
    const result = await run(["export", ...(args as string[])]);
    expect(result.code).toBe(code);
    expect(result.stdout).toEqual([]);
    expect(result.stderr.join("\n")).toMatch(message as RegExp);
  });

  it("leaves no partial file behind when the folder cannot be written", async () => {
    const result = await run(["export", "--project", "cli-export", "--format", "jsonl", "--layer", "gold", "--out", path.join(dir, "missing", "x.jsonl")]);
    expect(result.code).toBe(1);
    expect(result.stderr.join("\n")).toMatch(/Cannot write/);
  });
});
