import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readZip } from "./test-support/corpus";
import { crc32, ZipWriter, zipFiles } from "./zip";

// Python's zipfile is an independent reader; the system one starts faster than a pyenv shim.
const PYTHON = (() => {
  for (const candidate of ["/usr/bin/python3", "python3"]) {
    try {
      execFileSync(candidate, ["-c", "import zipfile"], { stdio: "ignore" });
      return candidate;
    } catch {
      // try the next one
    }
  }
  return null;
})();
const hasPython = () => PYTHON !== null;

describe("crc32", () => {
  it("matches the standard check value", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe("ZipWriter", () => {
  const files = [
    { name: "annotation.conf", content: "[entities]\nQUOTE\n" },
    { name: "gold/習近平 👍🏽.txt", content: "text\r\nwith CRLF" },
    { name: "empty.ann", content: "" },
  ];

  it("writes entries our reader and Python's zipfile both read back", () => {
    const archive = zipFiles(files, new Date(Date.UTC(2025, 0, 12, 10, 30, 4)));
    const read = readZip(archive);
    expect([...read.keys()]).toEqual(files.map((f) => f.name));
    for (const file of files) expect(new TextDecoder().decode(read.get(file.name))).toBe(file.content);
    if (!hasPython()) return;
    const dir = mkdtempSync(path.join(tmpdir(), "zip-test-"));
    const zipPath = path.join(dir, "a.zip");
    writeFileSync(zipPath, archive);
    const script = `import zipfile,sys,json
z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None
print(json.dumps([[i.filename, z.read(i).decode(), list(i.date_time)] for i in z.infolist()]))`;
    const out = JSON.parse(execFileSync(PYTHON!, ["-c", script, zipPath], { encoding: "utf8" }));
    expect(out).toEqual(files.map((f) => [f.name, f.content, [2025, 1, 12, 10, 30, 4]]));
  });

  it("switches to ZIP64 end records past 65,535 entries", () => {
    if (!hasPython()) return;
    const writer = new ZipWriter(new Date(Date.UTC(2025, 0, 1)));
    const dir = mkdtempSync(path.join(tmpdir(), "zip64-test-"));
    const chunks: Uint8Array[] = [];
    const count = 70_000;
    for (let i = 0; i < count; i++) chunks.push(writer.add(`f${i}.txt`, `${i}`));
    chunks.push(writer.finish());
    const zipPath = path.join(dir, "big.zip");
    writeFileSync(zipPath, Buffer.concat(chunks));
    const script = `import zipfile,sys
z=zipfile.ZipFile(sys.argv[1]); n=z.namelist(); print(len(n), z.read(n[-1]).decode(), z.read(n[0]).decode())`;
    expect(execFileSync(PYTHON!, ["-c", script, zipPath], { encoding: "utf8" }).trim()).toBe(`${count} ${count - 1} 0`);
  });
});
