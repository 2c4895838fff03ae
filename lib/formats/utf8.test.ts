import { describe, expect, it } from "vitest";
import { decodeUtf8, firstInvalidUtf8Byte, Utf8LineSplitter, type SplitLine } from "./utf8";

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeUtf8", () => {
  it("strips one leading BOM and keeps everything else exactly", () => {
    const result = decodeUtf8(utf8("\uFEFFa\r\nb\uFEFF"), "a.txt");
    expect(result).toEqual({ ok: true, text: "a\r\nb\uFEFF" });
  });

  it("names the file, the byte and the line of invalid UTF-8", () => {
    const data = new Uint8Array([...utf8("ok\nstill ok\nbad "), 0xff, ...utf8(" here")]);
    const result = decodeUtf8(data, "broken.txt");
    expect(result).toEqual({ ok: false, errors: [{ file: "broken.txt", line: 3, message: "invalid UTF-8 at byte 16" }] });
  });

  it("refuses a file over the size limit", () => {
    const result = decodeUtf8(utf8("12345"), "big.jsonl", { maxBytes: 4 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ file: "big.jsonl", message: expect.stringContaining("limit of 4 bytes") });
  });
});

describe("firstInvalidUtf8Byte", () => {
  it.each([
    ["valid mixed", utf8("a€𝄞習"), -1],
    ["lone continuation", bytes(0x61, 0x80), 1],
    ["overlong slash", bytes(0xc0, 0xaf), 0],
    ["overlong three bytes", bytes(0xe0, 0x80, 0x80), 0],
    ["encoded surrogate", bytes(0xed, 0xa0, 0x80), 0],
    ["above U+10FFFF", bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ["truncated at the end", bytes(0x61, 0x62, 0xe2, 0x82), 2],
  ])("%s", (_name, data, expected) => {
    expect(firstInvalidUtf8Byte(data)).toBe(expected);
  });
});

describe("Utf8LineSplitter", () => {
  const run = (chunks: Uint8Array[], maxBytes?: number) => {
    const splitter = new Utf8LineSplitter(maxBytes);
    const lines: SplitLine[] = [];
    for (const chunk of chunks) lines.push(...splitter.push(chunk));
    lines.push(...splitter.end());
    return lines;
  };

  it("splits on LF and CRLF across chunks that cut characters in half", () => {
    const data = utf8("\uFEFFfirst 👨‍👩‍👧\r\nsecond 習近平\n\nlast");
    const oneByOne = Array.from(data, (b) => bytes(b));
    const expected = [
      { lineNo: 1, text: "first 👨‍👩‍👧" },
      { lineNo: 2, text: "second 習近平" },
      { lineNo: 3, text: "" },
      { lineNo: 4, text: "last" },
    ];
    expect(run([data])).toEqual(expected);
    expect(run(oneByOne)).toEqual(expected);
  });

  it("reports invalid UTF-8 with the absolute byte offset and line", () => {
    const lines = run([utf8("ok\nab"), bytes(0xc3), utf8("\nnext\n")]);
    expect(lines).toEqual([
      { lineNo: 1, text: "ok" },
      { lineNo: 2, error: "invalid UTF-8 at byte 5" },
      { lineNo: 3, text: "next" },
    ]);
  });

  it("stops at the size limit", () => {
    const lines = run([utf8("0123\n4567\n89")], 7);
    expect(lines.at(-1)).toEqual({ lineNo: 2, error: "file is larger than the limit of 7 bytes" });
  });
});
