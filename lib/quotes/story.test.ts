import { describe, expect, it } from "vitest";
import { actorStatements, clusterStory, nearClusters, summariseClusters, type StoryQuote } from "./story";

const quote = (over: Partial<StoryQuote>): StoryQuote => ({
  key: over.article ?? "a",
  cluster: "c1",
  article: "a",
  title: "T",
  outlet: "Herald",
  publishedAt: "2026-03-02",
  label: "QUOTE",
  text: "promises do not pay rent",
  speaker: "Marta Kessler",
  speakerActorId: "kessler",
  ...over,
});

describe("clusterStory", () => {
  const quotes = [
    quote({ article: "times", outlet: "Times", publishedAt: "2026-03-03", text: "“promises don't pay the rent”", speaker: "Mike Waltz", speakerActorId: "waltz" }),
    quote({ article: "herald", publishedAt: "2026-03-01" }),
    quote({ article: "wire", outlet: "Wire", publishedAt: "2026-03-02", text: "\"Promises do not pay rent.\"", speaker: "Kesler", speakerActorId: "kessler" }),
  ];

  it("orders outlets by date and marks the words each changed against the first wording", () => {
    const story = clusterStory(quotes);
    expect(story.entries.map((e) => e.article)).toEqual(["herald", "wire", "times"]);
    expect(story.entries[0].verbatim).toBe(false);
    expect(story.entries[1].verbatim).toBe(true);
    expect(story.entries[2].verbatim).toBe(false);
    expect(story.entries[2].pieces.filter((p) => p.kind === "changed").map((p) => p.text.trim())).toEqual(["don't", "the"]);
    expect(story.entries[2].missing).toEqual(["do", "not"]);
  });

  it("flags outlets attributing the quote to different canonical actors", () => {
    const story = clusterStory(quotes);
    expect(story.misattributed).toBe(true);
    expect(story.speakers).toEqual([
      { name: "Marta Kessler", quotes: 2 },
      { name: "Mike Waltz", quotes: 1 },
    ]);
    expect(clusterStory(quotes.slice(1)).misattributed).toBe(false); // "Kesler" links the same actor
  });

  it("compares unlinked speakers by name, ignoring case", () => {
    const unlinked = [quote({ article: "x", speakerActorId: null, speaker: "brandt" }), quote({ article: "y", speakerActorId: null, speaker: "Brandt" })];
    expect(clusterStory(unlinked).misattributed).toBe(false);
  });
});

describe("summariseClusters and nearClusters", () => {
  it("summarises each cluster and finds the closest others of the same label", () => {
    const summaries = summariseClusters([
      quote({ article: "a", cluster: "c1", outlet: "Herald" }),
      quote({ article: "b", cluster: "c1", outlet: "Wire" }),
      quote({ article: "c", cluster: "c2", text: "promises do not pay the rent at all" }),
      quote({ article: "d", cluster: "c3", text: "the door is open" }),
      quote({ article: "e", cluster: "c4", label: "CLAIM", text: "promises do not pay rent" }),
    ]);
    const c1 = summaries.find((s) => s.id === "c1")!;
    expect(c1).toMatchObject({ quotes: 2, outlets: 2, misattributed: false });
    expect(nearClusters(c1, summaries).map((s) => s.id)).toEqual(["c2"]);
  });
});

describe("actorStatements", () => {
  it("groups an actor's quotes by cluster, earliest first, with every outlet carrying them, and a dated timeline", () => {
    const { clusters, timeline } = actorStatements(
      [
        quote({ article: "a", cluster: "c1", publishedAt: "2026-03-03", outlet: "Herald" }),
        quote({ article: "b", cluster: "c1", publishedAt: "2026-03-04", outlet: "Wire", speaker: "Mike Waltz", speakerActorId: "waltz" }),
        quote({ article: "c", cluster: "c2", publishedAt: "2026-03-01", outlet: "Times", text: "the door is open" }),
        quote({ article: "d", cluster: "c3", publishedAt: "2026-03-01", outlet: "Post", text: "unrelated", speakerActorId: "other", speaker: "Other" }),
      ],
      "kessler",
    );
    expect(clusters.map((c) => [c.id, c.outlets, c.misattributed])).toEqual([
      ["c2", 1, false],
      ["c1", 2, true],
    ]);
    expect(timeline.map((t) => [t.date, t.article])).toEqual([
      ["2026-03-01", "c"],
      ["2026-03-03", "a"],
    ]);
  });
});
