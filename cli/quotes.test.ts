import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "./main";
import type { Io } from "./io";
import { testTargets } from "../db/test-databases";
import { createProject } from "../db/queries/projects";
import type { Connection } from "../db/connect";

function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), readSecret: async () => "" };
}

function goldArticle(id: string, outlet: string, date: string, speaker: string, actor: string, quote: string) {
  const text = `${speaker} said ${quote}.`;
  const at = (needle: string) => [...text.slice(0, text.indexOf(needle))].length;
  return {
    id,
    title: id,
    outlet,
    published_at: date,
    text,
    gold: {
      spans: [
        { id: "s", start: at(speaker), end: at(speaker) + [...speaker].length, label: "ACTOR", text: speaker, actor },
        { id: "q", start: at(quote), end: at(quote) + [...quote].length, label: "QUOTE", text: quote },
      ],
      relations: [{ type: "attributed_to", from: "q", to: "s" }],
    },
  };
}

describe.each(testTargets())("sourcemark quotes on $name", (target) => {
  let connection: Connection;
  let dir: string;
  const run = (argv: string[], io: Io) => main(argv, io, connection);

  beforeAll(async () => {
    connection = await target.open();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sourcemark-quotes-"));
    await createProject(connection.db, { name: "Q", slug: "q" });
    const file = path.join(dir, "gold.jsonl");
    fs.writeFileSync(
      file,
      [
        goldArticle("a-1", "Herald", "2026-03-01", "Kessler", "Marta Kessler", "“promises do not pay rent, friends”"),
        goldArticle("a-2", "Wire", "2026-03-02", "Walz", "Mike Waltz", '"Promises do not pay rent, friends"'),
        goldArticle("a-3", "Post", "2026-03-03", "Brandt", "Jonas Brandt", "“=the door is open”"),
      ]
        .map((line) => JSON.stringify(line))
        .join("\n"),
    );
    const io = captureIo();
    await run(["import", "--project", "q", file], io);
    expect(io.stderr.join("\n")).toBe("");
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await connection?.close();
  });

  it("prints every attributed quote as a JSON line with its speaker and a cluster shared across outlets", async () => {
    const io = captureIo();
    await run(["quotes", "--project", "q"], io);
    const records = io.stdout.map((line) => JSON.parse(line));
    expect(records.map((r) => [r.article, r.outlet, r.published_at, r.speaker, r.layer])).toEqual([
      ["a-1", "Herald", "2026-03-01", "Marta Kessler", "gold"],
      ["a-2", "Wire", "2026-03-02", "Mike Waltz", "gold"],
      ["a-3", "Post", "2026-03-03", "Jonas Brandt", "gold"],
    ]);
    expect(records[0].cluster).toBe(records[1].cluster);
    expect(records[2].cluster).not.toBe(records[0].cluster);
    expect(records[0]).toMatchObject({ label: "QUOTE", start: 13, text: "“promises do not pay rent, friends”" });
  });

  it("filters by speaker and writes CSV guarded against formulas", async () => {
    const io = captureIo();
    await run(["quotes", "--project", "q", "--actor", "jonas brandt", "--format", "csv"], io);
    expect(io.stdout[0]).toBe("article,outlet,published_at,label,start,end,text,speaker,cluster,layer");
    expect(io.stdout).toHaveLength(2);
    expect(io.stdout[1]).toContain(",“=the door is open”,Jonas Brandt,");
  });

  it("refuses an unknown layer or format with a clear message", async () => {
    await expect(run(["quotes", "--project", "q", "--format", "xml"], captureIo())).resolves.toBe(2);
    const io = captureIo();
    await run(["quotes", "--project", "q", "--layer", "nobody@x.org"], io);
    expect(io.stderr.join("\n")).toContain('no user "nobody@x.org"');
  });
});
