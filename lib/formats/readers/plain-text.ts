/**
 * Plain .txt: the first line is the title, everything after the first line
 * end is the article text, exactly (so "Title\n\nBody" gives the text
 * "\nBody": the stored text is never trimmed, DESIGN.md "Text and offsets").
 */
import { deriveTitle, unstorableTextProblem } from "../article-defaults";
import type { ReadResult, ReaderOptions } from "../model";
import { idFromText } from "../text-hash";

const FIRST_LINE_END = /\r\n|\r|\n/;

export function readPlainText(content: string, options: Pick<ReaderOptions, "file"> | string): ReadResult {
  const file = typeof options === "string" ? options : options.file;
  const source = content.startsWith("\uFEFF") ? content.slice(1) : content;
  const end = FIRST_LINE_END.exec(source);
  const titleLine = end ? source.slice(0, end.index) : source;
  const text = end ? source.slice(end.index + end[0].length) : "";
  if (text.trim() === "") {
    return { ok: false, errors: [{ file, line: 2, message: "no article text after the title line" }], warnings: [] };
  }
  const problem = unstorableTextProblem(source, "text");
  if (problem) return { ok: false, errors: [{ file, line: 0, message: problem }], warnings: [] };
  const title = titleLine.trim() || deriveTitle(text);
  return {
    ok: true,
    warnings: [],
    articles: [
      { id: idFromText(text), title, outlet: null, url: null, published_at: null, meta: {}, text, annotations: [], gold: null },
    ],
  };
}
