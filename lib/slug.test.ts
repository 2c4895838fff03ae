import { describe, expect, it } from "vitest";
import { MAX_SLUG_LENGTH, slugify } from "./slug";

describe("slugify", () => {
  it.each([
    ["Velmora port strike", "velmora-port-strike"],
    ["  Élections régionales 2026!  ", "elections-regionales-2026"],
    ["Zürich / Genève: Ça va?", "zurich-geneve-ca-va"],
    ["Straße der Øresund-Brücke", "strasse-der-oresund-brucke"],
    ["Łódź & Kraków", "lodz-krakow"],
    ["Ｆｕｌｌｗｉｄｔｈ １２", "fullwidth-12"],
    ["--already-a-slug--", "already-a-slug"],
    ["UPPER_case__words", "upper-case-words"],
  ])("%s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("returns an empty string when nothing Latin is left", () => {
    expect(slugify("北京新闻")).toBe("");
    expect(slugify("!!!")).toBe("");
  });

  it("cuts long names at a word boundary within the limit", () => {
    const slug = slugify("coverage of the regional parliament elections in the northern provinces and their aftermath");
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toBe("coverage-of-the-regional-parliament-elections-in-the");
    expect(slugify("x".repeat(100))).toHaveLength(MAX_SLUG_LENGTH);
  });
});
