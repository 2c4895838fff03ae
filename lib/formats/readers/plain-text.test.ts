import { describe, expect, it } from "vitest";
import { idFromText } from "../text-hash";
import { readPlainText } from "./plain-text";

describe("readPlainText", () => {
  it("takes the first line as title and the rest, exactly, as text", () => {
    const result = readPlainText("\uFEFFWaltz on talks \r\nMike Waltz said 👍🏽.\r\n\r\nMore.", "w.txt");
    const text = "Mike Waltz said 👍🏽.\r\n\r\nMore.";
    expect(result).toEqual({
      ok: true,
      warnings: [],
      articles: [{ id: idFromText(text), title: "Waltz on talks", outlet: null, url: null, published_at: null, meta: {}, text, annotations: [], gold: null }],
    });
  });

  it("refuses a file with only a title", () => {
    expect(readPlainText("Just a title\n  \n", { file: "t.txt" })).toEqual({
      ok: false,
      errors: [{ file: "t.txt", line: 2, message: "no article text after the title line" }],
      warnings: [],
    });
  });
});
