import { describe, expect, it } from "vitest";
import { idFromText } from "../text-hash";
import { nativeJsonlLine } from "../writers/native-jsonl";
import { smallCorpus } from "../test-support/corpus";
import { NativeJsonlReader, readNativeJsonl, readNativeJsonlStream } from "./native-jsonl";

const LABELS = ["QUOTE", "CLAIM", "ACTOR"];
const good = { id: "ok-1", title: "Fine", text: "Hello world", annotations: [] };

/** A file whose line 1 is fine and whose line 2 is `bad`. */
function fileWith(bad: unknown): string {
  return [JSON.stringify(good), typeof bad === "string" ? bad : JSON.stringify(bad)].join("\n");
}

function withSpan(span: Record<string, unknown>, relations: unknown[] = []) {
  return { id: "bad", text: "Hello world", annotations: [{ annotator: "a@x.org", spans: [span], relations }] };
}

describe("readNativeJsonl", () => {
  it("reads the DESIGN.md shape field by field", () => {
    const [article] = smallCorpus();
    const result = readNativeJsonl(nativeJsonlLine(article) + "\n", { file: "a.jsonl", allowedLabels: LABELS });
    expect(result).toEqual({ ok: true, articles: [article], warnings: [] });
  });

  it("fills defaults: hash id, title from the first line, empty layers, span text and ids", () => {
    const text = "\n  First line  \nSecond";
    const line = JSON.stringify({ text, annotations: [{ annotator: "a@x.org", spans: [{ start: 3, end: 8, label: "QUOTE" }] }] });
    const result = readNativeJsonl(line, "a.jsonl");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.articles[0]).toEqual({
      id: idFromText(text),
      title: "First line",
      outlet: null,
      url: null,
      published_at: null,
      meta: {},
      text,
      annotations: [
        { annotator: "a@x.org", spans: [{ id: "s1", start: 3, end: 8, label: "QUOTE", text: "First", attributes: {}, note: null, actor: null }], relations: [] },
      ],
      gold: null,
    });
    expect(idFromText(text)).toMatch(/^[0-9a-f]{16}$/);
  });

  it("allows blank lines and CRLF line ends", () => {
    const text = `\r\n${JSON.stringify(good)}\r\n\r\n   \r\n${JSON.stringify({ ...good, id: "ok-2", text: "Other" })}\r\n`;
    const result = readNativeJsonl(text, "a.jsonl");
    expect(result.ok && result.articles.map((a) => a.id)).toEqual(["ok-1", "ok-2"]);
  });

  it("keeps a timestamp's date with a warning", () => {
    const result = readNativeJsonl(JSON.stringify({ ...good, published_at: "2025-01-12T23:30:00+05:00" }), "a.jsonl");
    expect(result.ok && result.articles[0].published_at).toBe("2025-01-12");
    expect(result.ok && result.warnings).toEqual([{ file: "a.jsonl", line: 1, message: expect.stringContaining("kept as the date 2025-01-12") }]);
  });

  it("merges two spans with the same label and bounds, keeping relations", () => {
    const line = JSON.stringify({
      text: "Bob said hi",
      annotations: [
        {
          annotator: "a@x.org",
          spans: [
            { id: "q1", start: 9, end: 11, label: "QUOTE" },
            { id: "q2", start: 9, end: 11, label: "QUOTE" },
            { id: "b", start: 0, end: 3, label: "ACTOR" },
          ],
          relations: [{ type: "attributed_to", from: "q2", to: "b" }],
        },
      ],
    });
    const result = readNativeJsonl(line, "a.jsonl");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.articles[0].annotations[0].spans.map((s) => s.id)).toEqual(["q1", "b"]);
    expect(result.articles[0].annotations[0].relations).toEqual([{ type: "attributed_to", from: "q1", to: "b" }]);
    expect(result.warnings[0].message).toContain("same label and bounds as span q1");
  });

  it("skips a second article with the same text, with a warning", () => {
    const result = readNativeJsonl(fileWith({ ...good, id: "ok-2" }), "a.jsonl");
    expect(result.ok && result.articles.map((a) => a.id)).toEqual(["ok-1"]);
    expect(result.ok && result.warnings).toEqual([
      { file: "a.jsonl", line: 2, message: "same text as line 1 (article ok-1); skipped as a duplicate" },
    ]);
  });

  // Every rejection names the file and the line, and the file yields nothing.
  it.each([
    ["a truncated line", '{"id": "t", "text": "Hel', /malformed JSON/],
    ["a line that is not an object", "[1, 2]", /must be a JSON object/],
    ["missing text", { id: "x", title: "No text" }, /text: missing/],
    ["empty text", { id: "x", text: "" }, /text is empty/],
    ["a span past the end", withSpan({ id: "s", start: 6, end: 12, label: "QUOTE" }), /\[6, 12\) lies outside the text \(11 code points\)/],
    ["a negative start", withSpan({ id: "s", start: -1, end: 2, label: "QUOTE" }), /lies outside the text/],
    ["end equal to start", withSpan({ id: "s", start: 3, end: 3, label: "QUOTE" }), /end \(3\) must be greater than start \(3\)/],
    ["end before start", withSpan({ id: "s", start: 5, end: 2, label: "QUOTE" }), /must be greater than start/],
    ["a non-integer offset", withSpan({ id: "s", start: 1.5, end: 3, label: "QUOTE" }), /spans\[0\]\.start: offsets must be integers/],
    ["a string offset", withSpan({ id: "s", start: "1", end: 3, label: "QUOTE" }), /spans\[0\]\.start: must be a number/],
    [
      "covered text that does not match",
      withSpan({ id: "s", start: 0, end: 5, label: "QUOTE", text: "Help!" }),
      /covered text mismatch at \[0, 5\): the article has "Hello", the file gives "Help!"/,
    ],
    ["an unknown label", withSpan({ id: "s", start: 0, end: 5, label: "EVENT" }), /unknown label "EVENT" \(allowed: QUOTE, CLAIM, ACTOR\)/],
    [
      "a relation to an unknown span",
      withSpan({ id: "s", start: 0, end: 5, label: "QUOTE" }, [{ type: "attributed_to", from: "s", to: "nobody" }]),
      /relation refers to unknown span id "nobody"/,
    ],
    [
      "an unknown relation type",
      withSpan({ id: "s", start: 0, end: 5, label: "QUOTE" }, [{ type: "mentions", from: "s", to: "s" }]),
      /unknown relation type "mentions"/,
    ],
    [
      "a relation to a span that is not an ACTOR",
      {
        text: "Hello world",
        annotations: [
          {
            annotator: "a@x.org",
            spans: [{ id: "q", start: 0, end: 5, label: "QUOTE" }, { id: "c", start: 6, end: 11, label: "CLAIM" }],
            relations: [{ type: "attributed_to", from: "q", to: "c" }],
          },
        ],
      },
      /must point to an ACTOR span, but span c is CLAIM/,
    ],
    ["a duplicate article id", { id: "ok-1", text: "Another text" }, /duplicate article id "ok-1" \(first on line 1\)/],
    [
      "a duplicate span id",
      {
        text: "Hello world",
        annotations: [{ annotator: "a@x.org", spans: [{ id: "s", start: 0, end: 5, label: "QUOTE" }, { id: "s", start: 6, end: 11, label: "CLAIM" }] }],
      },
      /duplicate span id "s"/,
    ],
    ["a layer named gold", { text: "Hello world", annotations: [{ annotator: "gold", spans: [] }] }, /reserved layer name/],
    ["a layer without annotator", { text: "Hello world", annotations: [{ spans: [] }] }, /annotations\[0\]\.annotator/],
    ["a bad date", { text: "Hello world", published_at: "12/01/2025" }, /not a date/],
    ["a NUL character", { text: "Hello\u0000world" }, /NUL character/],
    ["an unpaired surrogate", '{"text": "Hello \\ud800 world"}', /unpaired surrogate/],
  ])("refuses %s", (_name, bad, message) => {
    const result = readNativeJsonl(fileWith(bad), { file: "import.jsonl", allowedLabels: LABELS });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect("articles" in result).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) expect(error).toMatchObject({ file: "import.jsonl", line: 2 });
    expect(result.errors.map((e) => e.message).join("\n")).toMatch(message);
  });

  it("reports every bad line, not only the first", () => {
    const text = ["{", JSON.stringify(good), '{"text": 5}', "nope"].join("\n");
    const result = readNativeJsonl(text, "many.jsonl");
    expect(!result.ok && result.errors.map((e) => e.line)).toEqual([1, 3, 4]);
  });

  it("stops collecting errors at maxErrors", () => {
    const text = Array.from({ length: 10 }, () => "{").join("\n");
    const result = readNativeJsonl(text, { file: "x.jsonl", maxErrors: 3 });
    expect(!result.ok && result.errors.map((e) => e.line)).toEqual([1, 2, 3, 0]);
  });
});

describe("NativeJsonlReader at scale", () => {
  const LINES = 50_000;
  const line = (i: number) =>
    JSON.stringify({
      id: `article-${i}`,
      title: `Title ${i}`,
      text: `Article ${i}: "We will act," said 習近平 👍🏽 on day ${i}.`,
      annotations: [
        {
          annotator: "alice@example.org",
          spans: [
            { id: "q", start: 11 + String(i).length, end: 25 + String(i).length, label: "QUOTE" },
            { id: "a", start: 31 + String(i).length, end: 34 + String(i).length, label: "ACTOR", actor: "Xi Jinping" },
          ],
          relations: [{ type: "attributed_to", from: "q", to: "a" }],
        },
      ],
    });

  it("validates 50,000 lines pushed one at a time without keeping them", () => {
    const reader = new NativeJsonlReader({ file: "big.jsonl", allowedLabels: LABELS });
    const before = process.memoryUsage().heapUsed;
    let accepted = 0;
    let spans = 0;
    for (let i = 1; i <= LINES; i++) {
      const article = reader.pushLine(line(i), i);
      if (article) {
        accepted++;
        spans += article.annotations[0].spans.length;
      }
    }
    const result = reader.finish();
    expect(result).toEqual({ ok: true, count: LINES, warnings: [] });
    expect(accepted).toBe(LINES);
    expect(spans).toBe(2 * LINES);
    // The reader keeps ids and text hashes (~100 bytes an article), not articles.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * 1024 * 1024);
  });

  it("streams 50,000 lines of bytes in small chunks, inserting in batches", async () => {
    const encoder = new TextEncoder();
    async function* chunks() {
      let pending = "";
      for (let i = 1; i <= LINES; i++) {
        pending += line(i) + "\n";
        if (pending.length > 60_000) {
          // Cut at an arbitrary byte, possibly inside a character, as a socket would.
          const bytes = encoder.encode(pending);
          yield bytes.subarray(0, 1001);
          yield bytes.subarray(1001);
          pending = "";
        }
      }
      yield encoder.encode(pending);
    }
    let batch: string[] = [];
    let batches = 0;
    let inserted = 0;
    const result = await readNativeJsonlStream(chunks(), { file: "big.jsonl", allowedLabels: LABELS }, async (article) => {
      batch.push(article.id);
      if (batch.length === 1000) {
        inserted += batch.length;
        batches++;
        batch = [];
      }
    });
    inserted += batch.length;
    expect(result).toEqual({ ok: true, count: LINES, warnings: [] });
    expect(inserted).toBe(LINES);
    expect(batches).toBe(50);
  });

  it("fails the whole stream on one bad line near the end, with its line number", async () => {
    const encoder = new TextEncoder();
    function* chunks() {
      for (let i = 1; i <= 2000; i++) yield encoder.encode((i === 1999 ? line(i).slice(0, 40) : line(i)) + "\n");
    }
    let seen = 0;
    const result = await readNativeJsonlStream(chunks(), { file: "big.jsonl" }, () => {
      seen++;
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ file: "big.jsonl", line: 1999, message: expect.stringContaining("malformed JSON") }]);
    // Articles before the bad line were handed out; the caller rolls them back.
    expect(seen).toBe(1998);
  });

  it("reports invalid UTF-8 and the size limit through the stream", async () => {
    const bad = await readNativeJsonlStream([new TextEncoder().encode(JSON.stringify(good) + "\n"), new Uint8Array([0x7b, 0xff, 0x0a])], { file: "u.jsonl" }, () => {});
    expect(bad).toEqual({ ok: false, errors: [{ file: "u.jsonl", line: 2, message: `invalid UTF-8 at byte ${JSON.stringify(good).length + 2}` }], warnings: [] });
    const big = await readNativeJsonlStream([new TextEncoder().encode(JSON.stringify(good) + "\n" + JSON.stringify(good))], { file: "b.jsonl", maxBytes: 50 }, () => {});
    expect(!big.ok && big.errors[0].message).toBe("file is larger than the limit of 50 bytes");
  });
});
