import { describe, expect, it } from "vitest";
import { DEFAULT_LABELS } from "../labels";
import { labelSetSchema, newProjectSchema, projectDetailsUpdateSchema } from "./projects";

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);
}

describe("newProjectSchema", () => {
  it("derives the slug from the name, defaults overlap to 2 and keeps the labels", () => {
    const parsed = newProjectSchema.parse({ name: "  Élections à Genève ", labels: DEFAULT_LABELS });
    expect(parsed).toMatchObject({ name: "Élections à Genève", slug: "elections-a-geneve", overlap: 2, description: "", guidelines: "" });
    expect(parsed.labels.map((label) => label.key)).toEqual(["QUOTE", "CLAIM", "ACTOR"]);
  });

  it("keeps a given slug, and takes the overlap from a string (CLI, form)", () => {
    const parsed = newProjectSchema.parse({ name: "X", slug: "my-slug", overlap: "3", labels: DEFAULT_LABELS });
    expect(parsed.slug).toBe("my-slug");
    expect(parsed.overlap).toBe(3);
  });

  it.each([
    ["", "name", "Enter a project name."],
    ["x".repeat(121), "name", "Project names are limited to 120 characters."],
  ])("refuses the name %j", (name, path, message) => {
    expect(issuesOf(newProjectSchema.safeParse({ name, slug: "ok", labels: DEFAULT_LABELS }))).toContainEqual([path, message]);
  });

  it.each([
    ["Bad Slug", "Use lowercase letters, digits and hyphens, starting with a letter or digit."],
    ["-leading", "Use lowercase letters, digits and hyphens, starting with a letter or digit."],
    ["a".repeat(61), "Slugs are limited to 60 characters."],
    ["new", "This slug is reserved. Choose another."],
  ])("refuses the slug %j on the slug field", (slug, message) => {
    expect(issuesOf(newProjectSchema.safeParse({ name: "Fine", slug, labels: DEFAULT_LABELS }))).toEqual([["slug", message]]);
  });

  it("asks for a slug when the name gives none", () => {
    expect(issuesOf(newProjectSchema.safeParse({ name: "北京新闻", labels: DEFAULT_LABELS }))).toEqual([
      ["slug", "Enter a slug: the name has no letters or digits to make one from."],
    ]);
    expect(newProjectSchema.parse({ name: "北京新闻", slug: "beijing", labels: DEFAULT_LABELS }).slug).toBe("beijing");
  });

  it.each([
    [0, "At least 1 analyst per article."],
    [21, "At most 20 analysts per article."],
    [1.5, "The number of analysts per article must be a whole number."],
    ["many", "Enter the number of analysts per article."],
  ])("refuses the overlap %j", (overlap, message) => {
    expect(issuesOf(newProjectSchema.safeParse({ name: "X", overlap, labels: DEFAULT_LABELS }))).toContainEqual(["overlap", message]);
  });

  it("limits guidelines to 50,000 characters", () => {
    expect(newProjectSchema.safeParse({ name: "X", guidelines: "g".repeat(50_000), labels: DEFAULT_LABELS }).success).toBe(true);
    expect(issuesOf(newProjectSchema.safeParse({ name: "X", guidelines: "g".repeat(50_001), labels: DEFAULT_LABELS }))).toEqual([
      ["guidelines", "Guidelines are limited to 50,000 characters."],
    ]);
  });
});

describe("projectDetailsUpdateSchema", () => {
  it("requires the slug rather than deriving it", () => {
    expect(issuesOf(projectDetailsUpdateSchema.safeParse({ name: "Renamed" }))).toEqual([["slug", "Enter a slug."]]);
    expect(projectDetailsUpdateSchema.parse({ name: "Renamed", slug: "kept" }).slug).toBe("kept");
  });
});

describe("labelSetSchema", () => {
  const label = { key: "QUOTE", name: "Quote", colour: "#0072B2", hotkey: "q", description: "" };

  it("refuses hotkeys the reader keeps for itself", () => {
    const result = labelSetSchema.safeParse([{ ...label, hotkey: "s" }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/reader uses s/);
  });

  it("normalises keys, colours and hotkeys; an empty hotkey is none", () => {
    const [parsed] = labelSetSchema.parse([{ ...label, key: " quote ", colour: "#0072b2", hotkey: "Q" }]);
    expect(parsed).toEqual({ ...label, key: "QUOTE", colour: "#0072B2", hotkey: "q" });
    expect(labelSetSchema.parse([{ ...label, hotkey: "" }])[0].hotkey).toBeNull();
    expect(labelSetSchema.parse([{ ...label, hotkey: null }])[0].hotkey).toBeNull();
  });

  it("needs at least one label", () => {
    expect(issuesOf(labelSetSchema.safeParse([]))).toEqual([["", "A project needs at least one label."]]);
  });

  it.each([
    [{ key: "1ST" }, "0.key", "Keys are capital letters, digits and _, starting with a letter."],
    [{ key: "QUO TE" }, "0.key", "Keys are capital letters, digits and _, starting with a letter."],
    [{ name: " " }, "0.name", "Enter a name."],
    [{ colour: "blue" }, "0.colour", "Colours are written #RRGGBB."],
    [{ colour: "#12345" }, "0.colour", "Colours are written #RRGGBB."],
    [{ hotkey: "qq" }, "0.hotkey", "A hotkey is a single letter or digit."],
    [{ hotkey: "-" }, "0.hotkey", "A hotkey is a single letter or digit."],
  ])("refuses %j", (change, path, message) => {
    expect(issuesOf(labelSetSchema.safeParse([{ ...label, ...change }]))).toEqual([[path, message]]);
  });

  it("refuses duplicate keys and hotkeys, naming the second use", () => {
    const result = labelSetSchema.safeParse([
      label,
      { ...label, key: "CLAIM", hotkey: "q" },
      { ...label, key: "quote", hotkey: "x" },
    ]);
    expect(issuesOf(result)).toEqual([
      ["1.hotkey", "The hotkey q is used twice."],
      ["2.key", "The key QUOTE is used twice."],
    ]);
  });

  it("allows several labels without a hotkey", () => {
    expect(labelSetSchema.safeParse([{ ...label, hotkey: null }, { ...label, key: "CLAIM", hotkey: null }]).success).toBe(true);
  });
});
