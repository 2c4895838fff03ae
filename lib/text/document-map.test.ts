import { describe, expect, it } from "vitest";
import { OffsetIndex, sliceByCodePoints } from "./code-points";
import { DocumentMap, buildDocumentMap, editorDocJson, paragraphsForEditor, type Bias } from "./document-map";
import { SAMPLES, longArticle, randomInt, randomMixedText, seededRandom } from "./test-support";

const BIASES: Bias[] = ["start", "end"];

/** Code point offsets that sit between the "\r" and "\n" of a CRLF: they have no position of their own. */
function crlfMiddles(text: string): Set<number> {
  const cps = Array.from(text);
  return new Set(cps.flatMap((c, k) => (c === "\n" && cps[k - 1] === "\r" ? [k] : [])));
}

/**
 * What a ProseMirror range covers in our serialization, computed independently of
 * the map's conversions: paragraph texts, plus a paragraph's own separator when the
 * range runs from (at or before) its end to (at or after) the next one's start.
 */
function docTextBetween(map: DocumentMap, from: number, to: number): string {
  let covered = "";
  map.paragraphs.forEach((block, k) => {
    const blockEnd = block.docFrom + block.text16.length;
    const lo = Math.max(from, block.docFrom);
    const hi = Math.min(to, blockEnd);
    if (lo < hi) covered += block.text16.slice(lo - block.docFrom, hi - block.docFrom);
    const next = map.paragraphs[k + 1];
    if (next && from <= blockEnd && to >= next.docFrom) covered += block.separatorAfter;
  });
  return covered;
}

/** ProseMirror's own arithmetic: every paragraph adds an opening and a closing token. */
function expectedDocFroms(paragraphs: string[]): number[] {
  let pos = 0;
  return paragraphs.map((paragraph) => {
    const docFrom = pos + 1;
    pos += paragraph.length + 2;
    return docFrom;
  });
}

/** Positions inside a paragraph's text that are not inside a surrogate pair. */
function textPositions(map: DocumentMap): number[] {
  const positions: number[] = [];
  for (const block of map.paragraphs) {
    const local = new OffsetIndex(block.text16);
    for (let i = 0; i <= block.text16.length; i++) {
      if (local.toCodePoint(i).ok) positions.push(block.docFrom + i);
    }
  }
  return positions;
}

const TEXTS: Record<string, string> = {
  ...SAMPLES,
  longParagraph: "word 😀 習近平 ".repeat(2_000).slice(0, 20_000) + "\nend",
};

describe("paragraphs", () => {
  it.each([
    ["", [""], [""]],
    ["a", ["a"], [""]],
    ["\n", ["", ""], ["\n", ""]],
    ["a\r\nb", ["a", "b"], ["\r\n", ""]],
    ["a\r\rb", ["a", "", "b"], ["\r", "\r", ""]],
    ["a\n\rb", ["a", "", "b"], ["\n", "\r", ""]],
    ["a\r\n\nb\r", ["a", "", "b", ""], ["\r\n", "\n", "\r", ""]],
    ["x\u2028y\u0085z", ["x\u2028y\u0085z"], [""]],
  ])("%j splits into %j", (text, paragraphs, separators) => {
    const map = buildDocumentMap(text);
    expect(map.paragraphs.map((b) => b.text16)).toEqual(paragraphs);
    expect(map.paragraphs.map((b) => b.separatorAfter)).toEqual(separators);
    expect(paragraphsForEditor(text)).toEqual(paragraphs);
  });

  it.each(Object.entries(TEXTS))("rebuild %s exactly and agree with the editor serializer", (_name, text) => {
    const map = new DocumentMap(text);
    expect(map.paragraphs.map((b) => b.text16 + b.separatorAfter).join("")).toBe(text);
    expect(map.paragraphs.map((b) => b.text16)).toEqual(paragraphsForEditor(text));
    expect(map.paragraphs.map((b) => b.docFrom)).toEqual(expectedDocFroms(paragraphsForEditor(text)));
    for (const block of map.paragraphs) {
      expect(sliceByCodePoints(text, block.cpStart, block.cpEnd)).toBe(block.text16);
      expect(text.slice(block.utf16Start, block.utf16Start + block.text16.length)).toBe(block.text16);
    }
    const sizes = paragraphsForEditor(text).reduce((sum, p) => sum + p.length + 2, 0);
    expect(map.docSize).toBe(sizes);
  });

  it("builds ProseMirror JSON without empty text nodes", () => {
    expect(editorDocJson("a\r\n\n  b ")).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "a" }] },
        { type: "paragraph" },
        { type: "paragraph", content: [{ type: "text", text: "  b " }] },
      ],
    });
  });
});

describe("the rules at line ends, on a worked example", () => {
  // a0 b1 \r2 \n3 c4 d5 \n6 \n7 x8 \r9 y10 (length 11); paragraphs "ab" "cd" "" "x" "y"
  // first characters at positions 1, 5, 9, 11, 14; doc size 16
  const map = new DocumentMap("ab\r\ncd\n\nx\ry");

  it.each([
    [0, 1, 1], [1, 2, 2], [2, 3, 3], [3, 5, 3], [4, 5, 5], [5, 6, 6],
    [6, 7, 7], [7, 9, 9], [8, 11, 11], [9, 12, 12], [10, 14, 14], [11, 15, 15],
  ])("code point %i is at position %i as a start and %i as an end", (cp, asStart, asEnd) => {
    expect(map.codePointToDocPos(cp, "start")).toBe(asStart);
    expect(map.codePointToDocPos(cp, "end")).toBe(asEnd);
  });

  it.each([
    [0, 0, 0], [1, 0, 0], [2, 1, 1], [3, 2, 2], [4, 4, 2], [5, 4, 4], [6, 5, 5], [7, 6, 6],
    [8, 7, 6], [9, 7, 7], [10, 8, 7], [11, 8, 8], [12, 9, 9], [13, 10, 9], [14, 10, 10], [15, 11, 11], [16, 11, 11],
  ])("position %i is code point %i as a start and %i as an end", (pos, asStart, asEnd) => {
    expect(map.docPosToCodePoint(pos, "start")).toBe(asStart);
    expect(map.docPosToCodePoint(pos, "end")).toBe(asEnd);
  });

  it("keeps a span ending in a newline by ending it at the next paragraph's start", () => {
    expect(map.spanToDocRange(4, 7)).toEqual({ from: 5, to: 9 });
    expect(map.docRangeToSpan(5, 9)).toEqual({ start: 4, end: 7 });
    expect(map.spanToDocRange(6, 7)).toEqual({ from: 7, to: 9 });
  });

  it("collapses a span covering only half of a CRLF", () => {
    expect(map.spanToDocRange(2, 3)).toEqual({ from: 3, to: 3 });
    expect(map.spanToDocRange(3, 4)).toEqual({ from: 5, to: 5 });
    expect(map.spanToDocRange(2, 4)).toEqual({ from: 3, to: 5 });
  });

  it("leaves separators out of ranges that start or end between paragraphs", () => {
    expect(map.docRangeToSpan(4, 8)).toEqual({ start: 4, end: 6 });
    expect(map.docRangeToSpan(0, map.docSize)).toEqual({ start: 0, end: 11 });
    expect(map.docRangeToSpan(8, 10)).toBeNull();
    expect(map.docRangeToSpan(6, 6)).toBeNull();
    expect(map.docRangeToSpan(7, 5)).toEqual({ start: 4, end: 6 });
  });

  it.each([-1, 17, 2.5, NaN])("throws a RangeError for position %d", (pos) => {
    expect(() => map.docPosToCodePoint(pos)).toThrow(RangeError);
  });

  it.each([-1, 12, 0.5])("throws a RangeError for code point %d", (cp) => {
    expect(() => map.codePointToDocPos(cp)).toThrow(RangeError);
  });
});

describe("surrogate pairs", () => {
  const map = new DocumentMap("a😀b"); // a at 1, 😀 at 2..4, b at 4

  it("never produces a position inside a pair", () => {
    expect([0, 1, 2, 3].map((cp) => map.codePointToDocPos(cp))).toEqual([1, 2, 4, 5]);
  });

  it("widens an incoming position inside a pair to keep the character whole", () => {
    expect(map.docPosToCodePoint(3, "start")).toBe(1);
    expect(map.docPosToCodePoint(3, "end")).toBe(2);
    expect(map.docRangeToSpan(3, 3)).toEqual({ start: 1, end: 2 });
  });
});

describe.each(Object.entries(TEXTS))("round trips on %s", (_name, text) => {
  const map = new DocumentMap(text);
  const middles = crlfMiddles(text);
  const insideCrlf = (cp: number) => middles.has(cp);
  const length = map.offsets.length;
  const step = Math.max(1, Math.floor(length / 300));
  const offsets = Array.from({ length: Math.ceil((length + 1) / step) }, (_, k) => Math.min(length, k * step));

  it("code point -> position -> code point", () => {
    for (const cp of offsets) {
      for (const bias of BIASES) {
        const pos = map.codePointToDocPos(cp, bias);
        if (insideCrlf(cp)) {
          expect(map.docPosToCodePoint(pos, bias)).toBe(bias === "start" ? cp + 1 : cp - 1);
        } else {
          expect(map.docPosToCodePoint(pos, bias)).toBe(cp);
        }
      }
    }
  });

  it("text position -> code point -> position", () => {
    const positions = textPositions(map);
    const sample = positions.filter((_, k) => k % step === 0);
    for (const pos of sample) {
      for (const bias of BIASES) expect(map.codePointToDocPos(map.docPosToCodePoint(pos, bias), bias)).toBe(pos);
    }
  });

  it("span -> range -> span, and the range covers the span's text", () => {
    for (const start of offsets) {
      for (const end of offsets) {
        if (end <= start || insideCrlf(start) || insideCrlf(end)) continue;
        const range = map.spanToDocRange(start, end);
        expect(map.docRangeToSpan(range.from, range.to)).toEqual({ start, end });
        if (length < 500) expect(docTextBetween(map, range.from, range.to)).toBe(sliceByCodePoints(text, start, end));
      }
    }
  });

  it("range -> span -> range, and the span covers the range's text", () => {
    const positions = textPositions(map).filter((_, k) => k % step === 0);
    for (const from of positions) {
      for (const to of positions) {
        if (to <= from) continue;
        const span = map.docRangeToSpan(from, to)!;
        expect(map.spanToDocRange(span.start, span.end)).toEqual({ from, to });
        if (length < 500) expect(docTextBetween(map, from, to)).toBe(sliceByCodePoints(text, span.start, span.end));
      }
    }
  });
});

describe("a long paragraph", () => {
  it("maps 20,000 characters of one paragraph", () => {
    const paragraph = "😀習a".repeat(6_667).slice(0, 20_000);
    const text = `intro\r\n${paragraph}\r\noutro`;
    const map = new DocumentMap(text);
    expect(map.paragraphs).toHaveLength(3);
    const block = map.paragraphs[1];
    expect(block.text16).toBe(paragraph);
    const lastCp = block.cpEnd - 1;
    const pos = map.codePointToDocPos(lastCp);
    expect(pos).toBe(block.docFrom + paragraph.length - (paragraph.endsWith("a") ? 1 : 2));
    expect(map.docPosToCodePoint(pos)).toBe(lastCp);
    expect(map.docRangeToSpan(block.docFrom, block.docFrom + paragraph.length)).toEqual({
      start: block.cpStart,
      end: block.cpEnd,
    });
  });
});

describe("property: the maps and code point slicing agree", () => {
  it("on random mixed texts, for every valid span", () => {
    const random = seededRandom(20261123);
    for (let round = 0; round < 200; round++) {
      const text = randomMixedText(random, 1 + randomInt(random, 30));
      const map = new DocumentMap(text);
      const middles = crlfMiddles(text);
      const insideCrlf = (cp: number) => middles.has(cp);
      const length = map.offsets.length;
      for (let start = 0; start < length; start++) {
        for (let end = start + 1; end <= length; end++) {
          const expected = sliceByCodePoints(text, start, end);
          expect(text.slice(map.offsets.toUtf16(start), map.offsets.toUtf16(end))).toBe(expected);
          if (insideCrlf(start) || insideCrlf(end)) continue;
          const { from, to } = map.spanToDocRange(start, end);
          const startBack = map.docPosToCodePoint(from, "start");
          const endBack = map.docPosToCodePoint(to, "end");
          expect(text.slice(map.offsets.toUtf16(startBack), map.offsets.toUtf16(endBack))).toBe(expected);
          expect(docTextBetween(map, from, to)).toBe(expected);
        }
      }
    }
  });
});

describe("performance", () => {
  it("builds the map of a 100,000-character text and converts 2,000 spans both ways in well under 200 ms", () => {
    const text = longArticle(100_000);
    const random = seededRandom(5);
    const began = performance.now();
    const map = new DocumentMap(text);
    const length = map.offsets.length;
    let checksum = 0;
    for (let k = 0; k < 2_000; k++) {
      const start = randomInt(random, length - 50);
      const end = start + 1 + randomInt(random, 49);
      const { from, to } = map.spanToDocRange(start, end);
      const span = map.docRangeToSpan(from, to);
      checksum += span ? span.end - span.start : 0;
    }
    const elapsed = performance.now() - began;
    expect(length).toBeGreaterThanOrEqual(100_000);
    expect(checksum).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(200);
  });
});
