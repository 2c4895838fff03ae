import { describe, expect, it } from "vitest";
import { collectText } from "../stream";
import { smallCorpus } from "../test-support/corpus";
import { nativeJsonlLine, writeNativeJsonl } from "./native-jsonl";

describe("native JSONL writer", () => {
  it("writes the DESIGN.md shape with its key order, one article a line", async () => {
    const [article] = smallCorpus();
    const out = await collectText(writeNativeJsonl([article]));
    expect(out.endsWith("\n")).toBe(true);
    expect(out.split("\n")).toHaveLength(2);
    const parsed = JSON.parse(out);
    expect(Object.keys(parsed)).toEqual(["id", "title", "outlet", "url", "published_at", "meta", "text", "annotations", "gold"]);
    expect(parsed).toMatchObject({ id: "waltz-abc-2025-01-12", title: "Waltz on the talks", outlet: "ABC", published_at: "2025-01-12", meta: { section: "politics" } });
    expect(parsed.annotations[0].annotator).toBe("alice@example.org");
    expect(Object.keys(parsed.annotations[0].spans[0])).toEqual(["id", "start", "end", "label", "text", "attributes", "note", "actor"]);
    expect(parsed.annotations[0].spans[0]).toEqual({ id: "a1", start: 16, end: 29, label: "QUOTE", text: '"we will act"', attributes: {}, note: null, actor: null });
    expect(parsed.annotations[0].relations[0]).toEqual({ type: "attributed_to", from: "a1", to: "a2" });
    expect(parsed.gold.spans[1]).toMatchObject({ id: "g2", label: "ACTOR", actor: "Mike Waltz" });
  });

  it("restricts to the chosen layer", async () => {
    const article = smallCorpus()[0];
    const gold = JSON.parse(await collectText(writeNativeJsonl([article], { layer: "gold" })));
    expect(gold.annotations).toEqual([]);
    expect(gold.gold.spans).toHaveLength(2);
    const alice = JSON.parse(await collectText(writeNativeJsonl([article], { layer: "alice@example.org" })));
    expect(alice.annotations.map((l: { annotator: string }) => l.annotator)).toEqual(["alice@example.org"]);
    expect(alice.gold).toBeNull();
    expect(JSON.parse(nativeJsonlLine(article)).gold).not.toBeNull();
  });
});
