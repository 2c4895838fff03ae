import { describe, expect, it } from "vitest";
import { groupImportFiles } from "./import-files";

const files = (...names: string[]) => names.map((name) => ({ name, file: name }));

describe("groupImportFiles", () => {
  it("pairs brat .txt and .ann by name and keeps other .txt files as plain text", () => {
    const { units, problems } = groupImportFiles(files("a.txt", "a.ann", "b.txt", "c.jsonl", "d.ndjson"));
    expect(problems).toEqual([]);
    expect(units).toEqual([
      { kind: "brat", txt: "a.txt", ann: "a.ann", txtName: "a.txt", annName: "a.ann" },
      { kind: "plain", file: "b.txt", name: "b.txt" },
      { kind: "jsonl", file: "c.jsonl", name: "c.jsonl" },
      { kind: "jsonl", file: "d.ndjson", name: "d.ndjson" },
    ]);
  });

  it("reports an .ann without its text and unknown file types", () => {
    const { units, problems } = groupImportFiles(files("lonely.ann", "slides.pdf"));
    expect(units).toEqual([]);
    expect(problems.map((p) => p.file)).toEqual(["slides.pdf", "lonely.ann"]);
  });
});
