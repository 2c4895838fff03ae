/**
 * import → export → import gives the same data (DESIGN.md), for the formats
 * that we both read and write: native (lossless), doccano and brat (lossless
 * for what each format can hold).
 */
import { describe, expect, it } from "vitest";
import type { ImportedArticle, LayerContent } from "./model";
import { readBrat } from "./readers/brat";
import { readDoccanoJsonl } from "./readers/doccano-jsonl";
import { readNativeJsonl } from "./readers/native-jsonl";
import { collectBytes, collectText } from "./stream";
import { hardCorpus, readZip } from "./test-support/corpus";
import { writeBratZip } from "./writers/brat";
import { writeDoccanoJsonl } from "./writers/doccano-jsonl";
import { writeNativeJsonl } from "./writers/native-jsonl";

const LABELS = ["QUOTE", "CLAIM", "ACTOR"];
const ALICE = "alice@example.org";

function articlesOf(result: ReturnType<typeof readNativeJsonl>): ImportedArticle[] {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.articles;
}

/** A layer keyed by bounds instead of ids (ids are renumbered by doccano and brat). */
function byBounds(layer: LayerContent, keep: (keyof LayerContent["spans"][number])[]) {
  const key = (id: string) => {
    const span = layer.spans.find((s) => s.id === id)!;
    return `${span.label} ${span.start} ${span.end}`;
  };
  return {
    spans: layer.spans.map((span) => Object.fromEntries(keep.map((k) => [k, span[k]]))),
    relations: layer.relations.map((r) => `${key(r.from)} -> ${key(r.to)}`),
  };
}

describe("native → native", () => {
  it("is lossless and stable on hard text, every layer", async () => {
    const original = hardCorpus();
    const first = await collectText(writeNativeJsonl(original));
    const imported = articlesOf(readNativeJsonl(first, { file: "export.jsonl", allowedLabels: LABELS }));
    expect(imported).toEqual(original);
    expect(await collectText(writeNativeJsonl(imported))).toBe(first);
  });
});

describe("doccano → doccano", () => {
  it("keeps spans, article fields and meta through a second round", async () => {
    const original = hardCorpus();
    const first = await collectText(writeDoccanoJsonl(original, { layer: ALICE }));
    const imported = articlesOf(readDoccanoJsonl(first, { file: "d.jsonl", annotator: ALICE, allowedLabels: LABELS }));
    const second = await collectText(writeDoccanoJsonl(imported, { layer: ALICE }));
    expect(second).toBe(first);
    imported.forEach((article, i) => {
      const source = original[i];
      expect({ ...article, annotations: [] }).toEqual({ ...source, annotations: [], gold: null });
      const sourceLayer = source.annotations.find((l) => l.annotator === ALICE) ?? { spans: [], relations: [] };
      expect(byBounds(article.annotations[0], ["start", "end", "label", "text"]).spans).toEqual(
        byBounds(sourceLayer, ["start", "end", "label", "text"]).spans,
      );
    });
  });

  it("keeps relations in the entities variant", async () => {
    const original = hardCorpus();
    const first = await collectText(writeDoccanoJsonl(original, { layer: "gold", variant: "entities" }));
    const imported = articlesOf(readDoccanoJsonl(first, { file: "d.jsonl", gold: true }));
    expect(await collectText(writeDoccanoJsonl(imported, { layer: "gold", variant: "entities" }))).toBe(first);
    expect(byBounds(imported[0].gold!, ["start", "end", "label", "text"])).toEqual(byBounds(original[0].gold!, ["start", "end", "label", "text"]));
  });
});

describe("brat → brat", () => {
  async function exportBrat(articles: ImportedArticle[], layer: string) {
    return readZip(await collectBytes(writeBratZip(articles, { layer, modified: new Date(Date.UTC(2025, 0, 1)) })));
  }

  function importBrat(files: Map<string, Uint8Array>, annotator: string): ImportedArticle[] {
    const decode = (b: Uint8Array) => new TextDecoder().decode(b);
    return [...files.keys()]
      .filter((name) => name.endsWith(".txt"))
      .map((txtFile) => {
        const annFile = txtFile.replace(/\.txt$/, ".ann");
        const result = readBrat({ txtFile, txt: decode(files.get(txtFile)!), annFile, ann: decode(files.get(annFile)!) }, { annotator, allowedLabels: LABELS });
        return articlesOf(result)[0];
      });
  }

  it("gives the same files again, and the same spans, relations, actors and notes", async () => {
    const original = hardCorpus();
    const first = await exportBrat(original, ALICE);
    const imported = importBrat(first, ALICE);
    const second = await exportBrat(imported, ALICE);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, bytes] of first) expect(new TextDecoder().decode(second.get(name))).toBe(new TextDecoder().decode(bytes));

    imported.forEach((article, i) => {
      expect(article.id).toBe(original[i].id);
      expect(article.text).toBe(original[i].text);
      const sourceLayer = original[i].annotations.find((l) => l.annotator === ALICE) ?? { spans: [], relations: [] };
      const keep = ["start", "end", "label", "text", "note", "actor"] as const;
      expect(byBounds(article.annotations[0], [...keep])).toEqual(byBounds(sourceLayer, [...keep]));
    });
    // brat holds flag and one-word attributes only: the number 0.5 is not exported.
    expect(imported[0].annotations[0].spans[1].attributes).toEqual({ negated: true, certainty: "high" });
  });
});
