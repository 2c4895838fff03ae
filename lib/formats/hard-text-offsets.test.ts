/**
 * The offset property for every writer (issue 7): for every exported span,
 * the exported text sliced at its exported offsets, in code points, equals the
 * span's covered text — on text with emoji ZWJ sequences, flags, skin tones,
 * CJK, Arabic and Hebrew, combining marks and CRLF line ends. The check
 * slices with lib/text's sliceByCodePoints, independently of the writers.
 */
import { describe, expect, it } from "vitest";
import { sliceByCodePoints } from "../text/code-points";
import type { SpanData } from "./model";
import { collectBytes, collectText } from "./stream";
import { HARD_TEXT, hardCorpus, readZip } from "./test-support/corpus";
import { writeBratZip } from "./writers/brat";
import { tokenize, writeConll } from "./writers/conll";
import { parseCsv, unguardCsvCell } from "./writers/csv";
import { writeDoccanoJsonl } from "./writers/doccano-jsonl";
import { writeNativeJsonl } from "./writers/native-jsonl";
import { writeSpansCsv } from "./writers/spans-csv";
import { writeWebAnnotationCollection } from "./writers/web-annotation";

const corpus = hardCorpus();
const textOf = new Map(corpus.map((a) => [a.id, a.text]));
/** Every span of every layer, keyed "article|layer|label|start|end". */
const expected = new Map<string, string>();
for (const article of corpus) {
  const layers = [...article.annotations.map((l) => [l.annotator, l.spans] as const), ...(article.gold ? [["gold", article.gold.spans] as const] : [])];
  for (const [layer, spans] of layers) for (const s of spans as SpanData[]) expected.set(`${article.id}|${layer}|${s.label}|${s.start}|${s.end}`, s.text);
}

describe("the hard text fixture", () => {
  it("really is hard: code points and UTF-16 units disagree", () => {
    expect(Array.from(HARD_TEXT).length).toBeLessThan(HARD_TEXT.length);
    expect(HARD_TEXT).toContain("\r\n");
    expect(expected.size).toBe(15 + 3 + 4 + 4 + 2);
  });
});

describe("offsets survive every writer", () => {
  it("native JSONL", async () => {
    const seen = new Set<string>();
    for (const line of (await collectText(writeNativeJsonl(corpus))).trimEnd().split("\n")) {
      const article = JSON.parse(line);
      const layers = [...article.annotations.map((l: { annotator: string }) => [l.annotator, l]), ...(article.gold ? [["gold", article.gold]] : [])];
      for (const [layer, content] of layers) {
        for (const span of content.spans) {
          expect(sliceByCodePoints(article.text, span.start, span.end)).toBe(span.text);
          const key = `${article.id}|${layer}|${span.label}|${span.start}|${span.end}`;
          expect(expected.get(key)).toBe(span.text);
          seen.add(key);
        }
      }
    }
    expect(seen.size).toBe(expected.size);
  });

  it("doccano JSONL", async () => {
    let count = 0;
    for (const line of (await collectText(writeDoccanoJsonl(corpus))).trimEnd().split("\n")) {
      const row = JSON.parse(line);
      for (const [start, end, label] of row.label) {
        expect(sliceByCodePoints(row.text, start, end)).toBe(expected.get(`${row.id}|${row.annotator}|${label}|${start}|${end}`));
        count++;
      }
    }
    expect(count).toBe(expected.size);
  });

  it("brat standoff", async () => {
    const files = readZip(await collectBytes(writeBratZip(corpus)));
    const decode = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
    let count = 0;
    for (const [name, bytes] of files) {
      if (!name.endsWith(".ann")) continue;
      const [layer, stem] = name.split("/").map(decodeURIComponent);
      const id = stem.replace(/\.ann$/, "");
      const txt = decode(files.get(name.replace(/\.ann$/, ".txt")));
      expect(txt).toBe(textOf.get(id));
      for (const line of decode(bytes).split("\n").filter((l) => l.startsWith("T"))) {
        const [, body, column] = line.split("\t");
        const [label, start, end] = body.split(" ");
        const covered = sliceByCodePoints(txt, Number(start), Number(end));
        expect(covered).toBe(expected.get(`${id}|${layer}|${label}|${start}|${end}`));
        // The text column shows line breaks as spaces, one for one.
        expect(column).toBe(covered.replace(/[\r\n]/g, " "));
        count++;
      }
    }
    expect(count).toBe(expected.size);
  });

  it("CoNLL IOB2", async () => {
    const out = await collectText(writeConll(corpus));
    const labels = out.split("\n")[0].replace("# global.columns = TOKEN START END ", "").split(" ");
    let id = "";
    let layer = "";
    let tokens = 0;
    const chunks = new Map<string, [number, number]>(); // open chunk per label: [start of B, end of last I]
    const found: string[] = [];
    const close = (label: string) => {
      const chunk = chunks.get(label);
      if (chunk) found.push(`${id}|${layer}|${label}|${chunk[0]}|${chunk[1]}`);
      chunks.delete(label);
    };
    for (const line of out.split("\n")) {
      if (line.startsWith("# doc_id = ")) id = line.slice(11);
      else if (line.startsWith("# layer = ")) layer = line.slice(10);
      if (!line.includes("\t")) {
        labels.forEach(close);
        continue;
      }
      const [token, start, end, ...tags] = line.split("\t");
      expect(sliceByCodePoints(textOf.get(id)!, Number(start), Number(end))).toBe(token);
      tokens++;
      tags.forEach((tag, i) => {
        const label = labels[i];
        if (tag === "O" || tag.startsWith("B-")) close(label);
        if (tag.startsWith("B-")) chunks.set(label, [Number(start), Number(end)]);
        if (tag.startsWith("I-")) chunks.get(label)![1] = Number(end);
      });
    }
    const tokenCount = corpus.reduce((n, a) => n + tokenize(a.text).length * (a.annotations.length + (a.gold ? 1 : 0)), 0);
    expect(tokens).toBe(tokenCount);
    // Every span's non-blank part lies within a chunk of its label.
    for (const [key, covered] of expected) {
      const [a, l, label, start] = key.split("|");
      const points = Array.from(covered);
      const lead = points.findIndex((c) => !/\p{White_Space}/u.test(c));
      const trail = points.length - 1 - [...points].reverse().findIndex((c) => !/\p{White_Space}/u.test(c));
      const s = Number(start) + lead;
      const e = Number(start) + trail + 1;
      const covering = found.filter((f) => {
        const [fa, fl, flabel, fs, fe] = f.split("|");
        return fa === a && fl === l && flabel === label && Number(fs) <= Number(s) && Number(fe) >= Number(e);
      });
      expect(covering.length, key).toBeGreaterThan(0);
    }
    // Spans come out on whole tokens: exactly when their bounds are token bounds, else widened.
    expect(found).toContain(`hard/1 ünïcode|alice@example.org|ACTOR|${key("Family 👨‍👩‍👧‍👦")}`);
    expect(found).toContain(`hard/1 ünïcode|alice@example.org|CLAIM|${key('rebuild," said Olena 👍🏽.\r\n\r\n習近平 said:')}`);
  });

  it("W3C Web Annotation", async () => {
    const doc = JSON.parse(await collectText(writeWebAnnotationCollection(corpus)));
    let count = 0;
    for (const annotation of doc.first.items) {
      const [, articleId] = /articles\/([^/]+)\//.exec(annotation.id)!;
      const text = textOf.get(decodeURIComponent(articleId))!;
      const [position, quote] = annotation.target.selector;
      const covered = sliceByCodePoints(text, position.start, position.end);
      expect(covered).toBe(quote.exact);
      expect(covered).toBe(expected.get(`${decodeURIComponent(articleId)}|${annotation.layer}|${annotation.body[0].value}|${position.start}|${position.end}`));
      // prefix and suffix are the text right around the span, at most 32 code points, never half a grapheme.
      expect(sliceByCodePoints(text, position.start - Array.from(quote.prefix).length, position.start)).toBe(quote.prefix);
      expect(sliceByCodePoints(text, position.end, position.end + Array.from(quote.suffix).length)).toBe(quote.suffix);
      expect(Array.from(quote.prefix).length).toBeLessThanOrEqual(32);
      expect(Array.from(quote.suffix).length).toBeLessThanOrEqual(32);
      count++;
    }
    expect(count).toBe(expected.size);
  });

  it("CSV of spans", async () => {
    const [header, ...rows] = parseCsv(await collectText(writeSpansCsv(corpus)));
    expect(header).toEqual(["article", "layer", "label", "start", "end", "text", "actor", "attributed_to"]);
    for (const [article, layer, label, start, end, text] of rows) {
      const plain = unguardCsvCell(text);
      expect(sliceByCodePoints(textOf.get(article)!, Number(start), Number(end))).toBe(plain);
      expect(expected.get(`${article}|${layer}|${label}|${start}|${end}`)).toBe(plain);
    }
    expect(rows).toHaveLength(expected.size);
    // The span starting with "=" was guarded.
    expect(rows.find((r) => r[5].startsWith("'=SUM"))).toBeDefined();
  });
});

function key(needle: string): string {
  const at = HARD_TEXT.indexOf(needle);
  const start = Array.from(HARD_TEXT.slice(0, at)).length;
  return `${start}|${start + Array.from(needle).length}`;
}
