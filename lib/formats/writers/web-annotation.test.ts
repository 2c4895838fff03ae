import { describe, expect, it } from "vitest";
import { CodePointText } from "../code-point-text";
import { collectText } from "../stream";
import { smallCorpus } from "../test-support/corpus";
import { GraphemeBoundaries } from "../grapheme-boundaries";
import { quoteContext, WEB_ANNOTATION_CONTEXT, writeWebAnnotationCollection } from "./web-annotation";

describe("W3C Web Annotation writer", () => {
  it("streams one AnnotationCollection with an annotation per span", async () => {
    const out = await collectText(writeWebAnnotationCollection(smallCorpus(), { layer: "alice@example.org", baseIri: "https://sm.test/p/" }));
    const doc = JSON.parse(out);
    expect(doc["@context"]).toEqual(WEB_ANNOTATION_CONTEXT);
    expect(doc).toMatchObject({ id: "https://sm.test/p/collections/export", type: "AnnotationCollection", label: "Sourcemark export" });
    expect(doc.first).toMatchObject({ type: "AnnotationPage", startIndex: 0 });
    const items = doc.first.items;
    expect(items).toHaveLength(4);
    expect(items[0]).toEqual({
      id: "https://sm.test/p/articles/waltz-abc-2025-01-12/layers/alice%40example.org/spans/a1",
      type: "Annotation",
      motivation: "tagging",
      layer: "alice@example.org",
      creator: { type: "Person", email: "mailto:alice@example.org" },
      body: [
        { type: "TextualBody", purpose: "tagging", value: "QUOTE" },
        {
          type: "SpecificResource",
          purpose: "linking",
          relation: "attributed_to",
          source: "https://sm.test/p/articles/waltz-abc-2025-01-12/layers/alice%40example.org/spans/a2",
          speaker: "Mike Waltz",
        },
      ],
      target: {
        source: "https://sm.test/p/articles/waltz-abc-2025-01-12",
        scope: "https://example.org/waltz",
        selector: [
          { type: "TextPositionSelector", start: 16, end: 29 },
          { type: "TextQuoteSelector", exact: '"we will act"', prefix: "Mike Waltz said ", suffix: " on Sunday.\nHe claimed the talks" },
        ],
      },
    });
    expect(items[1].body).toEqual([
      { type: "TextualBody", purpose: "tagging", value: "ACTOR" },
      { type: "TextualBody", purpose: "identifying", value: "Mike Waltz" },
    ]);
    expect(items[2].body).toContainEqual({ type: "TextualBody", purpose: "commenting", value: "paraphrase" });
    expect(items[3].body).toEqual([{ type: "TextualBody", purpose: "tagging", value: "ACTOR" }]);
  });

  it("gold annotations have no creator", async () => {
    const doc = JSON.parse(await collectText(writeWebAnnotationCollection(smallCorpus(), { layer: "gold" })));
    expect(doc.first.items.map((a: Record<string, unknown>) => [a.layer, "creator" in a])).toEqual([["gold", false], ["gold", false]]);
    expect(doc.first.items[0].id).toBe("urn:sourcemark:articles/waltz-abc-2025-01-12/layers/gold/spans/g1");
  });

  it("writes an empty collection as valid JSON", async () => {
    const doc = JSON.parse(await collectText(writeWebAnnotationCollection([])));
    expect(doc.first.items).toEqual([]);
  });

  it("cuts prefix and suffix at grapheme boundaries, never inside an emoji sequence", () => {
    const family = "👨‍👩‍👧‍👦"; // 7 code points, one grapheme
    const text = new CodePointText(`${family}abc${family}`);
    const boundaries = new GraphemeBoundaries(text);
    // 5 code points each side would cut into the families: both shrink to nothing.
    expect(quoteContext(text, boundaries, 7, 10, 5)).toEqual({ prefix: "", suffix: "" });
    expect(quoteContext(text, boundaries, 7, 10, 7)).toEqual({ prefix: family, suffix: family });
    const flags = new CodePointText("🇺🇦🇺🇦x");
    expect(quoteContext(flags, new GraphemeBoundaries(flags), 4, 5, 3)).toEqual({ prefix: "🇺🇦", suffix: "" });
  });
});
