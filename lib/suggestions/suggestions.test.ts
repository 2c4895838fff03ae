import { describe, expect, it } from "vitest";
import { sliceByCodePoints } from "../text/code-points";
import { findActorMentions } from "./actor-mentions";
import { findQuoteCandidates } from "./quotes";
import { acceptedSpan, allSuggestions, openSuggestions } from "./visible";

const inner = (text: string) => findQuoteCandidates(text).map((q) => q.text);

describe("quote candidates", () => {
  it.each([
    ["English curly", "He said “we stay” today.", "we stay"],
    ["German low-high", "Er sagte „wir bleiben“ heute.", "wir bleiben"],
    ["Polish low-high", "Powiedział „zostajemy” dziś.", "zostajemy"],
    ["French guillemets", "Il a dit « nous restons » hier.", "nous restons"],
    ["German guillemets", "Er sagte »wir bleiben« heute.", "wir bleiben"],
    ["single guillemets", "Il a dit ‹ non › hier.", "non"],
    ["reversed single guillemets", "Er sagte ›nein‹ heute.", "nein"],
    ["Japanese corner brackets", "彼は「明日行く」と言った。", "明日行く"],
    ["Japanese white corner brackets", "彼は『明日行く』と言った。", "明日行く"],
    ["straight double", 'He said "we stay" today.', "we stay"],
    ["straight single", "Brandt added: 'We remain at the table.'", "We remain at the table."],
    ["curly single", "He said ‘we stay’ today.", "we stay"],
    ["German single", "Er sagte ‚nein‘ heute.", "nein"],
  ])("%s", (_name, text, expected) => {
    expect(inner(text)).toEqual([expected]);
  });

  it("counts offsets in code points past emoji, and the span's text is the article's", () => {
    const text = "🚢🤞🏽 Kesler called it “a last resort 🚢”, then “no”.";
    const quotes = findQuoteCandidates(text);
    expect(quotes.map((q) => q.text)).toEqual(["a last resort 🚢", "no"]);
    for (const quote of quotes) expect(sliceByCodePoints(text, quote.start, quote.end)).toBe(quote.text);
    expect(quotes[0]).toMatchObject({ key: `builtin:QUOTE:${quotes[0].start}:${quotes[0].end}`, label: "QUOTE", source: "builtin" });
    expect(quotes[0].start).toBe(Array.from("🚢🤞🏽 Kesler called it “").length);
  });

  it("ignores apostrophes, inch marks, unclosed marks and quotes across paragraphs", () => {
    expect(inner("The union's demands and the authority's offer")).toEqual([]);
    expect(inner("The union’s demands and the authority’s offer")).toEqual([]);
    expect(inner("A 12\" pipe and a 3\" valve")).toEqual([]);
    expect(inner("He said “we stay\nand then” left")).toEqual([]);
    expect(inner("rock 'n' roll, said 'Brandt'.")).toEqual(["Brandt"]);
  });

  it("takes the outer quote when quotes nest", () => {
    expect(inner("She wrote “he said ‘no’ twice” then left")).toEqual(["he said ‘no’ twice"]);
  });
});

describe("actor mentions", () => {
  const register = [
    { name: "Marta Kessler", aliases: ["Kesler", "M. Keßler", "Kessler"] },
    { name: "Wang Xiaoming", aliases: ["王小明"] },
    { name: "Jonas Brandt", aliases: ["Brandt"] },
  ];

  it("finds names and aliases as whole words, linked to the canonical actor, longest first", () => {
    const text = "Marta Kessler met Brandt; Kesler and M. Keßler again. Brandtmann is someone else, 王小明 too.";
    const mentions = findActorMentions(text, register);
    expect(mentions.map((m) => [m.text, m.actor])).toEqual([
      ["Marta Kessler", "Marta Kessler"],
      ["Brandt", "Jonas Brandt"],
      ["Kesler", "Marta Kessler"],
      ["M. Keßler", "Marta Kessler"],
      ["王小明", "Wang Xiaoming"],
    ]);
    for (const mention of mentions) expect(sliceByCodePoints(text, mention.start, mention.end)).toBe(mention.text);
  });

  it("matches any case and counts code points after emoji", () => {
    const text = "🤞🏽 KESSLER said";
    const [mention] = findActorMentions(text, register);
    expect(mention).toMatchObject({ start: 3, end: 10, text: "KESSLER", actor: "Marta Kessler", label: "ACTOR" });
  });
});

describe("open suggestions", () => {
  const text = "Kessler said “no deal”.";
  const all = allSuggestions({
    text,
    actors: [{ name: "Marta Kessler", aliases: ["Kessler"] }],
    modelSpans: [{ id: "m1", label: "CLAIM", start: 14, end: 21, text: "no deal", attributes: { model: "quote-bert", score: 0.9 }, actor: null }],
    labels: new Set(["QUOTE", "CLAIM", "ACTOR"]),
  });

  it("hides dismissed suggestions and those already in the layer", () => {
    expect(openSuggestions(all, [], new Set()).map((s) => s.key)).toEqual(["builtin:ACTOR:0:7", "model:m1", "builtin:QUOTE:14:21"]);
    expect(openSuggestions(all, [{ label: "QUOTE", start: 14, end: 21 }], new Set(["model:m1"])).map((s) => s.key)).toEqual(["builtin:ACTOR:0:7"]);
  });

  it("hides a suggestion that a span of the same label overlaps, not one of another label", () => {
    // The analyst tagged the quote with its quotation marks (13–22): the built-in one (14–21) is done.
    const keys = openSuggestions(all, [{ label: "QUOTE", start: 13, end: 22 }, { label: "ACTOR", start: 30, end: 35 }], new Set()).map((s) => s.key);
    expect(keys).toEqual(["builtin:ACTOR:0:7", "model:m1"]);
  });

  it("accepts a model suggestion with its model name, a built-in one marked as such", () => {
    const [actor, model, quote] = openSuggestions(all, [], new Set());
    expect(acceptedSpan(model)).toEqual({ start: 14, end: 21, label: "CLAIM", text: "no deal", attributes: { model: "quote-bert", score: 0.9 } });
    expect(acceptedSpan(quote).attributes).toEqual({ suggested: "builtin" });
    expect(acceptedSpan(actor)).toMatchObject({ label: "ACTOR", actor: "Marta Kessler", attributes: { suggested: "builtin" } });
  });
});
