import { describe, expect, it } from "vitest";
import { collectText } from "../stream";
import { smallCorpus } from "../test-support/corpus";
import { writeDoccanoJsonl } from "./doccano-jsonl";

describe("doccano JSONL writer", () => {
  it("writes {id, text, label: [[start, end, label]]} plus article fields and meta", async () => {
    const out = await collectText(writeDoccanoJsonl(smallCorpus(), { layer: "alice@example.org" }));
    const lines = out.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        id: "waltz-abc-2025-01-12",
        text: 'Mike Waltz said "we will act" on Sunday.\nHe claimed the talks failed.',
        label: [[16, 29, "QUOTE"], [0, 10, "ACTOR"], [52, 68, "CLAIM"], [41, 43, "ACTOR"]],
        title: "Waltz on the talks",
        outlet: "ABC",
        url: "https://example.org/waltz",
        published_at: "2025-01-12",
        section: "politics",
      },
    ]);
  });

  it("writes entities and relations in the entities variant", async () => {
    const out = await collectText(writeDoccanoJsonl(smallCorpus(), { layer: "gold", variant: "entities" }));
    const line = JSON.parse(out);
    expect(line.entities).toEqual([
      { id: 1, label: "QUOTE", start_offset: 16, end_offset: 29 },
      { id: 2, label: "ACTOR", start_offset: 0, end_offset: 10 },
    ]);
    expect(line.relations).toEqual([{ id: 1, from_id: 1, to_id: 2, type: "attributed_to" }]);
  });

  it("writes one line per layer, with its annotator, when several layers are exported", async () => {
    const out = await collectText(writeDoccanoJsonl(smallCorpus()));
    const lines = out.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.annotator, l.label.length])).toEqual([
      ["waltz-abc-2025-01-12", "alice@example.org", 4],
      ["waltz-abc-2025-01-12", "gold", 2],
    ]);
  });
});
