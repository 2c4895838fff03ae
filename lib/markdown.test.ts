import { describe, expect, it } from "vitest";
import { isSafeHref, parseInlines, parseMarkdown, type Inline } from "./markdown";

const text = (value: string): Inline => ({ type: "text", text: value });
const inline = (source: string) => parseInlines(source, 0);

describe("parseMarkdown blocks", () => {
  it("reads headings, paragraphs and rules, with CRLF line ends", () => {
    expect(parseMarkdown("# Title ##\r\n\r\nFirst line\r\nsecond line\r\n\r\n---\r\n### Sub")).toEqual([
      { type: "heading", level: 1, children: [text("Title")] },
      { type: "paragraph", children: [text("First line\nsecond line")] },
      { type: "rule" },
      { type: "heading", level: 3, children: [text("Sub")] },
    ]);
  });

  it("reads bulleted and numbered lists, continuation lines and a blank line between items", () => {
    expect(parseMarkdown("- **QUOTE**: words\n  said aloud\n- CLAIM\n\n- ACTOR\n\n3. third\n4) fourth")).toEqual([
      {
        type: "list",
        ordered: false,
        start: 1,
        items: [
          [{ type: "strong", children: [text("QUOTE")] }, text(": words\nsaid aloud")],
          [text("CLAIM")],
          [text("ACTOR")],
        ],
      },
      { type: "list", ordered: true, start: 3, items: [[text("third")], [text("fourth")]] },
    ]);
  });

  it("ends a paragraph at a heading, list or quote without a blank line", () => {
    expect(parseMarkdown("Intro\n- item\n> quoted").map((block) => block.type)).toEqual(["paragraph", "list", "quote"]);
  });

  it("reads block quotes (nested) and fenced code, which stays verbatim", () => {
    expect(parseMarkdown("> Said *she*\n> > inner\n\n```\n<b>*not* markup</b>\n```")).toEqual([
      {
        type: "quote",
        children: [
          { type: "paragraph", children: [text("Said "), { type: "emphasis", children: [text("she")] }] },
          { type: "quote", children: [{ type: "paragraph", children: [text("inner")] }] },
        ],
      },
      { type: "code", text: "<b>*not* markup</b>" },
    ]);
  });

  it("keeps an unclosed fence to the end, and an empty document is empty", () => {
    expect(parseMarkdown("```js\nlet x")).toEqual([{ type: "code", text: "let x" }]);
    expect(parseMarkdown("")).toEqual([]);
    expect(parseMarkdown("\n  \n")).toEqual([]);
  });
});

describe("parseInlines", () => {
  it("reads bold, italic, both, and inline code", () => {
    expect(inline("**bold** and *it* and _it_ and __b__ and ***both*** and `a*b*c`")).toEqual([
      { type: "strong", children: [text("bold")] },
      text(" and "),
      { type: "emphasis", children: [text("it")] },
      text(" and "),
      { type: "emphasis", children: [text("it")] },
      text(" and "),
      { type: "strong", children: [text("b")] },
      text(" and "),
      { type: "strong", children: [{ type: "emphasis", children: [text("both")] }] },
      text(" and "),
      { type: "code", text: "a*b*c" },
    ]);
  });

  it("nests bold inside italic, and leaves unmatched or spaced delimiters as text", () => {
    expect(inline("*a **b** c*")).toEqual([
      { type: "emphasis", children: [text("a "), { type: "strong", children: [text("b")] }, text(" c")] },
    ]);
    expect(inline("2 * 3 * 4, a* b, **open")).toEqual([text("2 * 3 * 4, a* b, **open")]);
    expect(inline("snake_case_name and __init__")).toEqual([text("snake_case_name and "), { type: "strong", children: [text("init")] }]);
  });

  it("honours backslash escapes", () => {
    expect(inline("\\*not italic\\* \\[x\\]")).toEqual([text("*not italic* [x]")]);
  });

  it("makes links of http and https URLs only", () => {
    expect(inline("See [the **guide**](https://example.org/guide?a=1) or <http://example.org>.")).toEqual([
      text("See "),
      { type: "link", href: "https://example.org/guide?a=1", children: [text("the "), { type: "strong", children: [text("guide")] }] },
      text(" or "),
      { type: "link", href: "http://example.org", children: [text("http://example.org")] },
      text("."),
    ]);
  });

  it.each(["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>x</script>", "/relative", "vbscript:x", "mailto:a@b.c"])(
    "drops the link but keeps the text for %s",
    (href) => {
      const nodes = inline(`[click](${href})`);
      expect(nodes.some((node) => node.type === "link")).toBe(false);
      expect(nodes[0]).toEqual(text("click"));
    },
  );

  it("never produces markup from HTML in the source: it stays text", () => {
    const blocks = parseMarkdown('<script>alert("x")</script>\n<img src=x onerror=alert(1)>');
    expect(blocks).toEqual([{ type: "paragraph", children: [text('<script>alert("x")</script>\n<img src=x onerror=alert(1)>')] }]);
  });

  it("does not nest a link inside a link", () => {
    const [link] = inline("[a [b](https://b.org) c](https://a.org)");
    expect(link).toEqual({ type: "link", href: "https://a.org", children: [text("a "), text("b"), text(" c")] });
  });

  it("stays fast on hostile input", () => {
    const started = performance.now();
    parseMarkdown("[".repeat(25_000) + "*a".repeat(10_000) + "`".repeat(5_000) + "> ".repeat(5_000));
    parseMarkdown("**x ".repeat(12_000) + "_x ".repeat(12_000) + "[a](".repeat(10_000));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("isSafeHref", () => {
  it("accepts absolute http(s) URLs only", () => {
    expect(isSafeHref("https://example.org")).toBe(true);
    expect(isSafeHref("HTTP://EXAMPLE.ORG")).toBe(true);
    expect(isSafeHref(" javascript:alert(1)")).toBe(false);
    expect(isSafeHref("//example.org")).toBe(false);
    expect(isSafeHref("not a url")).toBe(false);
  });
});
