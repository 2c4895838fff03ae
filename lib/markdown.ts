/**
 * A small, safe Markdown subset for project guidelines: headings, paragraphs, lists,
 * block quotes, fenced code, rules, bold, italic, inline code and http(s) links. It
 * returns a tree of plain data, never HTML: the renderer builds elements from it, so no
 * markup in the source can reach the page as markup.
 */
export type Inline =
  | { type: "text"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "emphasis"; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "link"; href: string; children: Inline[] };

export type Block =
  | { type: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: "paragraph"; children: Inline[] }
  | { type: "list"; ordered: boolean; start: number; items: Inline[][] }
  | { type: "quote"; children: Block[] }
  | { type: "code"; text: string }
  | { type: "rule" };

// Bounds that keep hostile input linear: no delimiter is looked for further away than this,
// and nesting deeper than this is read as plain text.
const MAX_INLINE_REACH = 2_000;
const MAX_LINK_TEXT = 500;
const MAX_DEPTH = 8;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const LIST_ITEM = /^ {0,3}([-*+]|(\d{1,9})[.)])[ \t]+(.*)$/;
const BLANK = /^[ \t]*$/;

/** True for absolute http and https URLs, the only links the guidelines may carry. */
export function isSafeHref(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

export function parseMarkdown(source: string): Block[] {
  return parseBlocks(source.split(/\r\n|\r|\n/), 0);
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || LIST_ITEM.test(line);
}

function parseBlocks(lines: string[], depth: number): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (BLANK.test(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1];
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(marker)) body.push(lines[i++]);
      i++; // the closing fence, or past the end
      blocks.push({ type: "code", text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1].length as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push({ type: "heading", level, children: parseInlines(heading[2] ?? "", 0) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: "rule" });
      i++;
      continue;
    }
    if (QUOTE.test(line) && depth < MAX_DEPTH) {
      const inner: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i])) inner.push(QUOTE.exec(lines[i++])![1]);
      blocks.push({ type: "quote", children: parseBlocks(inner, depth + 1) });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const [list, next] = parseList(lines, i);
      blocks.push(list);
      i = next;
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && !BLANK.test(lines[i]) && (paragraph.length === 0 || !startsBlock(lines[i]))) {
      paragraph.push(lines[i++].trim());
    }
    blocks.push({ type: "paragraph", children: parseInlines(paragraph.join("\n"), 0) });
  }
  return blocks;
}

/** A run of items of one kind; indented lines continue the item above; one blank line may separate items. */
function parseList(lines: string[], from: number): [Block, number] {
  const first = LIST_ITEM.exec(lines[from])!;
  const ordered = first[2] !== undefined;
  const start = ordered ? Number(first[2]) : 1;
  const items: string[][] = [];
  let i = from;
  while (i < lines.length) {
    const item = LIST_ITEM.exec(lines[i]);
    if (item && (item[2] !== undefined) === ordered) {
      items.push([item[3]]);
      i++;
    } else if (item || BLANK.test(lines[i]) || (!/^[ \t]/.test(lines[i]) && startsBlock(lines[i]))) {
      const nextItem = BLANK.test(lines[i]) ? LIST_ITEM.exec(lines[i + 1] ?? "") : null;
      if (nextItem && (nextItem[2] !== undefined) === ordered) {
        i++;
        continue;
      }
      break;
    } else {
      items[items.length - 1].push(lines[i++].trim());
    }
  }
  return [{ type: "list", ordered, start, items: items.map((text) => parseInlines(text.join("\n"), 0)) }, i];
}

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;

/** Per source string: for each delimiter, the position up to which a closer was already looked for in vain. */
type Searched = Map<string, number>;

export function parseInlines(source: string, depth: number): Inline[] {
  const out: Inline[] = [];
  const searched: Searched = new Map();
  let text = "";
  const flush = () => {
    if (text) out.push({ type: "text", text });
    text = "";
  };
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    const parsed = depth < MAX_DEPTH ? parseAt(source, i, depth, searched) : null;
    if (parsed) {
      flush();
      out.push(...parsed.nodes);
      i = parsed.end;
    } else if (char === "\\" && PUNCTUATION.test(source[i + 1] ?? "")) {
      text += source[i + 1];
      i += 2;
    } else {
      text += char;
      i++;
    }
  }
  flush();
  return out;
}

type Parsed = { nodes: Inline[]; end: number } | null;

function parseAt(source: string, i: number, depth: number, searched: Searched): Parsed {
  switch (source[i]) {
    case "`":
      return parseCodeSpan(source, i);
    case "[":
      return parseLink(source, i, depth);
    case "<":
      return parseAutolink(source, i);
    case "*":
    case "_":
      return parseEmphasis(source, i, depth, searched);
    default:
      return null;
  }
}

function parseCodeSpan(source: string, i: number): Parsed {
  let run = 0;
  while (source[i + run] === "`") run++;
  const fence = "`".repeat(run);
  let close = source.indexOf(fence, i + run);
  while (close !== -1 && source[close + run] === "`") {
    let skip = close;
    while (source[skip] === "`") skip++;
    close = source.indexOf(fence, skip);
  }
  if (close === -1 || close - i > MAX_INLINE_REACH) return { nodes: [{ type: "text", text: fence }], end: i + run };
  let code = source.slice(i + run, close).replace(/\n/g, " ");
  if (code.length > 2 && code.startsWith(" ") && code.endsWith(" ")) code = code.slice(1, -1);
  return { nodes: [{ type: "code", text: code }], end: close + run };
}

/** `[text](url)`; a link to anything but http(s) keeps its text and loses the link. */
function parseLink(source: string, i: number, depth: number): Parsed {
  let level = 0;
  let close = -1;
  for (let k = i; k < source.length && k - i <= MAX_LINK_TEXT; k++) {
    if (source[k] === "\\") k++;
    else if (source[k] === "[") level++;
    else if (source[k] === "]" && --level === 0) {
      close = k;
      break;
    }
  }
  if (close === -1 || source[close + 1] !== "(") return null;
  const target = /^\(\s*((?:[^\s()]|\([^\s()]*\))*)(?:\s+"[^"]*")?\s*\)/.exec(source.slice(close + 1, close + 1 + MAX_INLINE_REACH));
  if (!target) return null;
  const children = parseInlines(source.slice(i + 1, close), depth + 1);
  const end = close + 1 + target[0].length;
  const href = target[1];
  return { nodes: isSafeHref(href) ? [{ type: "link", href, children: withoutLinks(children) }] : children, end };
}

function withoutLinks(nodes: Inline[]): Inline[] {
  return nodes.flatMap((node) => (node.type === "link" ? node.children : [node]));
}

function parseAutolink(source: string, i: number): Parsed {
  const match = /^<(https?:\/\/[^\s<>]+)>/i.exec(source.slice(i, i + MAX_INLINE_REACH));
  if (!match || !isSafeHref(match[1])) return null;
  return { nodes: [{ type: "link", href: match[1], children: [{ type: "text", text: match[1] }] }], end: i + match[0].length };
}

/**
 * `**strong**`, `*emphasis*` and the `_` forms. An opener must be followed by a non-space,
 * a closer preceded by one; `_` does not open or close inside a word (snake_case stays).
 */
function parseEmphasis(source: string, i: number, depth: number, searched: Searched): Parsed {
  const marker = source[i];
  const before = source[i - 1] ?? " ";
  if (marker === "_" && WORD.test(before)) return null;
  const strong = source[i + 1] === marker;
  const width = strong ? 2 : 1;
  const innerStart = i + width;
  if (innerStart >= source.length || /\s/.test(source[innerStart])) return null;
  const close = findCloser(source, innerStart, marker, width, searched);
  if (close === -1) return null;
  const children = parseInlines(source.slice(innerStart, close), depth + 1);
  return { nodes: [{ type: strong ? "strong" : "emphasis", children }], end: close + width };
}

function findCloser(source: string, from: number, marker: string, width: number, searched: Searched): number {
  const limit = Math.min(source.length, from + MAX_INLINE_REACH);
  const key = marker + width;
  for (let k = Math.max(from + 1, searched.get(key) ?? 0); k < limit; k++) {
    const char = source[k];
    if (char === "\\") {
      k++;
      continue;
    }
    if (char === "`") {
      const span = parseCodeSpan(source, k);
      if (span && span.nodes[0].type === "code") k = span.end - 1;
      continue;
    }
    if (char !== marker) continue;
    let run = 1;
    while (source[k + run] === marker) run++;
    const closesHere = !/\s/.test(source[k - 1]) && (marker !== "_" || !WORD.test(source[k + run] ?? ""));
    // In a run like `***` the outermost delimiter closes last: `***x***` is strong(emphasis(x)).
    // A run of exactly two closes strong, never emphasis.
    if (closesHere && width === 2 && run >= 2) return k + run - 2;
    if (closesHere && width === 1 && run !== 2) return k + run - 1;
    k += run - 1;
  }
  searched.set(key, limit);
  return -1;
}
