import type { Schema } from "@tiptap/pm/model";

/**
 * ProseMirror draws inline decorations by cutting a paragraph's text node at every decoration
 * bound, and each cut of the remaining text is interned (`v8InternHack`: hashed and copied in
 * full, so that a slice does not keep a large parent string alive). A paragraph of n characters
 * with k decorations then costs O(n·k): in a long article with thousands of spans that was a
 * third of the time to paint them. The article's text never changes and its paragraph strings
 * live as long as the document, so a plain slice (which shares the parent) is enough here.
 * The result is the same node; only how V8 stores its string differs.
 */
export function installSlicingTextCut(schema: Schema): void {
  type TextNodeLike = { text: string; withText(text: string): unknown };
  const proto = Object.getPrototypeOf(schema.text("x")) as {
    cut(this: TextNodeLike, from?: number, to?: number): unknown;
    __smSlicingCut?: true;
  };
  if (proto.__smSlicingCut) return;
  proto.cut = function cut(this: TextNodeLike, from = 0, to = this.text.length) {
    if (from === 0 && to === this.text.length) return this;
    return this.withText(this.text.slice(from, to));
  };
  proto.__smSlicingCut = true;
}
