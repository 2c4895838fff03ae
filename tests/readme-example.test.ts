import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

describe("the README's API example", () => {
  it("embeds scripts/examples/quote_suggestions.py exactly (the file e2e runs)", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const script = fs.readFileSync(path.join(root, "scripts/examples/quote_suggestions.py"), "utf8");
    const blocks = [...readme.matchAll(/```python\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toBe(script);
    // about 30 lines, standard library only
    expect(script.trimEnd().split("\n").length).toBeLessThanOrEqual(32);
    const imports = [...script.matchAll(/^import (.+)$/gm)].flatMap((m) => m[1].split(",").map((name) => name.trim().split(".")[0]));
    expect(new Set(imports)).toEqual(new Set(["json", "os", "re", "sys", "urllib", "uuid"]));
  });
});
