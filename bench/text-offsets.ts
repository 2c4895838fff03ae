/**
 * Figures for lib/text on a 100,000-code-point article: building the offset index
 * and the document map, converting 2,000 spans both ways, snapping 2,000 selections.
 * Run: npx tsx bench/text-offsets.ts
 */
import { OffsetIndex } from "../lib/text/code-points";
import { DocumentMap } from "../lib/text/document-map";
import { graphemeSafe, snapToWordBounds, tidySelection } from "../lib/text/selection";
import { longArticle, randomInt, seededRandom } from "../lib/text/test-support";
import { tokenize } from "../lib/text/tokens";

function time(label: string, runs: number, work: () => unknown): void {
  work(); // warm up
  const began = performance.now();
  for (let k = 0; k < runs; k++) work();
  const each = (performance.now() - began) / runs;
  console.log(`${label.padEnd(52)} ${each.toFixed(3).padStart(9)} ms`);
}

const text = longArticle(100_000);
const index = new OffsetIndex(text);
const map = new DocumentMap(text);
const random = seededRandom(1);
const spans = Array.from({ length: 2_000 }, () => {
  const start = randomInt(random, index.length - 40);
  return { start, end: start + 1 + randomInt(random, 39) };
});
console.log(`text: ${index.length} code points, ${text.length} UTF-16 units, ${map.paragraphs.length} paragraphs`);

time("OffsetIndex build", 20, () => new OffsetIndex(text));
time("DocumentMap build", 20, () => new DocumentMap(text));
time("2,000 spans -> doc ranges -> spans", 20, () => {
  for (const { start, end } of spans) {
    const { from, to } = map.spanToDocRange(start, end);
    map.docRangeToSpan(from, to);
  }
});
time("tokenize", 20, () => tokenize(text));
time("2,000 x graphemeSafe", 3, () => spans.forEach(({ start, end }) => graphemeSafe(index, start, end)));
time("2,000 x snapToWordBounds", 3, () => spans.forEach(({ start, end }) => snapToWordBounds(index, start, end)));
time("2,000 x tidySelection", 3, () => spans.forEach(({ start, end }) => tidySelection(index, start, end)));
// Why the selection helpers segment windows: V8's segment iterator gets slower per
// step as the string grows, so walking a whole article is far too slow.
const prefix = text.slice(0, 16_000);
time("whole-text word segmentation of the first 16,000 units", 1, () => {
  let n = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: "word" }).segment(prefix)) n++;
  return n;
});
