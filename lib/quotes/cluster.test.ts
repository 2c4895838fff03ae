import { describe, expect, it } from "vitest";
import { clusterId, clusterQuotes, QuoteClusterer, type QuoteInput } from "./cluster";

const KESSLER = "the authority has offered nothing but promises, and promises do not pay rent";
const quotes: QuoteInput[] = [
  { key: "herald:10:90", text: `“The authority has offered nothing but promises, and promises do not pay rent.”` },
  { key: "wire:5:85", text: `"The authority has offered nothing but promises, and promises do not pay rent."` }, // straight quotes
  { key: "times:0:80", text: `“The authority has offered nothing but promises, and promises don't pay the rent.”` }, // words changed
  { key: "post:3:60", text: `“the authority has offered nothing but promises”` }, // a part of it
  // a different statement sharing many words: must not join
  { key: "bulletin:0:70", text: `“The union has offered nothing but demands, and demands do not build ports.”` },
  { key: "gazette:0:40", text: `“We remain at the table. The door is open.”` },
  { key: "daily:9:49", text: `'We remain at the table. The door is open.'` },
];

function clusterOf(clusters: { id: string; members: string[] }[], key: string) {
  return clusters.find((cluster) => cluster.members.includes(key))!;
}

describe("clusterQuotes", () => {
  it("joins verbatim, re-quoted, slightly altered and partial wordings, and keeps a different statement apart", () => {
    const { clusters } = clusterQuotes(quotes);
    const kessler = clusterOf(clusters, "herald:10:90");
    expect(kessler.members).toEqual(["herald:10:90", "post:3:60", "times:0:80", "wire:5:85"]);
    expect(clusterOf(clusters, "bulletin:0:70").members).toEqual(["bulletin:0:70"]);
    expect(clusterOf(clusters, "gazette:0:40").members).toEqual(["daily:9:49", "gazette:0:40"]);
    expect(clusters).toHaveLength(3);
  });

  it("follows the threshold a reviewer sets", () => {
    const strict = clusterQuotes(quotes, { threshold: 0.99 }).clusters;
    expect(clusterOf(strict, "herald:10:90").members).toEqual(["herald:10:90", "wire:5:85"]);
    expect(clusterOf(strict, "post:3:60").members).toEqual(["post:3:60"]);
    const loose = clusterQuotes(quotes, { threshold: 0.5 }).clusters;
    expect(clusterOf(loose, "herald:10:90").members).toContain("bulletin:0:70");
  });

  it("keeps a reviewer's split and merge when clusters are computed again", () => {
    const decisions = [
      { kind: "apart" as const, a: "herald:10:90", b: "times:0:80" },
      { kind: "apart" as const, a: "wire:5:85", b: "times:0:80" },
      { kind: "apart" as const, a: "post:3:60", b: "times:0:80" },
      { kind: "together" as const, a: "bulletin:0:70", b: "gazette:0:40" },
    ];
    const first = clusterQuotes(quotes, { decisions }).clusters;
    expect(clusterOf(first, "times:0:80").members).toEqual(["times:0:80"]);
    expect(clusterOf(first, "herald:10:90").members).toEqual(["herald:10:90", "post:3:60", "wire:5:85"]);
    expect(clusterOf(first, "bulletin:0:70").members).toEqual(["bulletin:0:70", "daily:9:49", "gazette:0:40"]);
    // a new article carrying the altered wording again joins it, and the split still holds
    const again = clusterQuotes([...quotes, { key: "zeitung:0:80", text: KESSLER.replace("do not", "don't").replace("pay rent", "pay the rent") }], { decisions }).clusters;
    expect(clusterOf(again, "times:0:80").members).toEqual(["times:0:80", "zeitung:0:80"]);
    expect(clusterOf(again, "herald:10:90").members).toEqual(["herald:10:90", "post:3:60", "wire:5:85"]);
  });

  it("names a cluster by its earliest member, so the id survives recomputation", () => {
    const { clusters } = clusterQuotes(quotes);
    expect(clusterOf(clusters, "wire:5:85").id).toBe(clusterId(["herald:10:90"]));
    expect(clusterOf(clusterQuotes(quotes.slice().reverse()).clusters, "wire:5:85").id).toBe(clusterOf(clusters, "wire:5:85").id);
  });

  it("never joins empty or punctuation-only quotes", () => {
    const { clusters } = clusterQuotes([{ key: "a", text: "“…”" }, { key: "b", text: "“…”" }]);
    expect(clusters).toHaveLength(2);
  });
});

describe("QuoteClusterer", () => {
  it("matches a new article's quotes against the clusters so far, as a full run would", () => {
    const clusterer = new QuoteClusterer();
    clusterer.add(quotes.slice(0, 5));
    expect(clusterer.clusterOf("herald:10:90")!.members).toEqual(["herald:10:90", "post:3:60", "times:0:80", "wire:5:85"]);
    clusterer.add(quotes.slice(5));
    expect(clusterer.clusters().map((c) => c.members)).toEqual(clusterQuotes(quotes).clusters.map((c) => c.members));
    expect(() => clusterer.add([quotes[0]])).toThrow(/twice/);
  });
});
