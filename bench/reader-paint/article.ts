/**
 * The seeded article and spans both pages paint: 100,000 code points in paragraphs of
 * varied length (one per line, with some emoji and CJK), and 2,000 spans of which a
 * fifth nest in or overlap another. Offsets are code points, end exclusive.
 */
import { OffsetIndex } from "../../lib/text/code-points";
import { randomInt, seededRandom } from "../../lib/text/test-support";

export type BenchSpan = { id: string; start: number; end: number; label: string };

export type BenchData = {
  text: string;
  spans: BenchSpan[];
  /** The same spans in UTF-16 indices of `text`, for the peer. */
  utf16: [number, number][];
  /** Spans tagged one at a time after the article has opened. */
  extras: BenchSpan[];
  /** How many spans were made to nest in or overlap another. */
  layered: number;
};

export const LABELS = ["QUOTE", "CLAIM", "ACTOR"] as const;

const WORDS = (
  "the minister said council budget would not be balanced before spring according to officials who declined " +
  "comment while critics argued spending rose sharply last year and the mayor promised an inquiry into contracts"
).split(" ");
const EXTRAS = ["東京", "習近平", "中國將繼續推進改革。", "🇺🇦", "👍🏽", "👨‍👩‍👧‍👦", "😀", "Zoë", "café", "𠀋"];

function paragraph(random: () => number, length: number): string {
  const words: string[] = [];
  let size = 0;
  let sentenceStart = true;
  while (size < length) {
    let word = random() < 0.04 ? EXTRAS[randomInt(random, EXTRAS.length)] : WORDS[randomInt(random, WORDS.length)];
    if (sentenceStart) word = word[0].toUpperCase() + word.slice(1);
    sentenceStart = random() < 0.1;
    if (sentenceStart) word += ".";
    words.push(word);
    size += [...word].length + 1;
  }
  return words.join(" ");
}

function paragraphLength(random: () => number): number {
  const r = random();
  return r < 0.5 ? 60 + randomInt(random, 400) : r < 0.92 ? 500 + randomInt(random, 1500) : 2000 + randomInt(random, 5000);
}

export function makeArticle(seed = 10, codePoints = 100_000, spanCount = 2_000): BenchData {
  const random = seededRandom(seed);
  const lines: string[] = [];
  let size = 0;
  while (size < codePoints) {
    const line = paragraph(random, paragraphLength(random));
    lines.push(line);
    size += [...line].length + 1;
  }
  const text = [...lines.join("\n")].slice(0, codePoints).join("").trimEnd();
  const index = new OffsetIndex(text);
  const length = index.length;

  // Four fifths lie apart, one per slot of the text; the last fifth nest in or overlap one of them.
  const baseCount = spanCount - Math.floor(spanCount / 5);
  const slot = Math.floor(length / baseCount);
  const spans: BenchSpan[] = [];
  const add = (start: number, end: number, label: string) => {
    if (index.slice(start, end).trim() === "") return; // a span covers some visible text
    spans.push({ id: `s${String(spans.length).padStart(4, "0")}`, start, end, label });
  };
  for (let k = 0; k < baseCount; k++) {
    const size = 4 + randomInt(random, Math.min(40, slot - 6));
    const start = k * slot + randomInt(random, slot - size);
    add(start, start + size, LABELS[randomInt(random, 3)]);
  }
  for (let k = 0; spans.length < spanCount; k++) {
    const base = spans[(k * 4) % baseCount];
    const size = base.end - base.start;
    const label = LABELS[(LABELS.indexOf(base.label as (typeof LABELS)[number]) + 1 + (k % 2)) % 3];
    if (k % 2 === 0) {
      const start = base.start + randomInt(random, size - 1);
      add(start, start + 1 + randomInt(random, base.end - start - 1), label); // nested
    } else {
      const start = base.start + 1 + randomInt(random, size - 1);
      add(start, Math.min(length, base.end + 1 + randomInt(random, 20)), label); // overlapping
    }
  }
  const extras = [0.5, 0.1, 0.3, 0.7, 0.9].map((at, k) => {
    const start = Math.floor(length * at);
    return { id: `extra${k}`, start, end: start + 12, label: "CLAIM" };
  });
  const utf16 = spans.map((s): [number, number] => [index.toUtf16(s.start), index.toUtf16(s.end)]);
  return { text, spans, utf16, extras, layered: spanCount - baseCount };
}
