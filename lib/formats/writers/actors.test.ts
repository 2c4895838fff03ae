import { describe, expect, it } from "vitest";
import type { ActorRecord } from "../model";
import { collectText } from "../stream";
import { parseCsv } from "./csv";
import { writeActorsCsv, writeActorsJsonl } from "./actors";

const actors: ActorRecord[] = [
  { name: "Mike Waltz", aliases: ["Waltz", "Michael Waltz"], kind: "person", external_id: "Q6847972", description: "US national security adviser" },
  { name: "习近平", aliases: [], kind: "person", external_id: null, description: null },
  { name: "=Evil, Inc.", aliases: ["@evil"], kind: "organisation", external_id: null, description: 'says "hi"' },
];

describe("actor register", () => {
  it("as JSONL, one actor a line with its fields", async () => {
    const lines = (await collectText(writeActorsJsonl(actors))).trimEnd().split("\n");
    expect(lines.map((l) => JSON.parse(l))).toEqual(actors);
    expect(Object.keys(JSON.parse(lines[0]))).toEqual(["name", "aliases", "kind", "external_id", "description"]);
  });

  it("as CSV, aliases joined with ' | ', cells guarded", async () => {
    const rows = parseCsv(await collectText(writeActorsCsv(actors)));
    expect(rows).toEqual([
      ["name", "aliases", "kind", "external_id", "description"],
      ["Mike Waltz", "Waltz | Michael Waltz", "person", "Q6847972", "US national security adviser"],
      ["习近平", "", "person", "", ""],
      ["'=Evil, Inc.", "'@evil", "organisation", "", 'says "hi"'],
    ]);
  });
});
