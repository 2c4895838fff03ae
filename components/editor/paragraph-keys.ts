import { Extension } from "@tiptap/core";
import { Plugin, TextSelection, type EditorState } from "@tiptap/pm/state";

/**
 * Paragraph-wise caret movement for keyboard tagging (browsers move Ctrl+↓ by a visual
 * line): Ctrl+↓ goes to the next paragraph's start, Ctrl+↑ to this or the previous
 * paragraph's start; with Shift the selection extends to this (or the next) paragraph's end,
 * or back to a start.
 */
function paragraphBounds(state: EditorState, index: number) {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += state.doc.child(i).nodeSize;
  const node = state.doc.child(index);
  return { start: pos + 1, end: pos + 1 + node.content.size };
}

function target(state: EditorState, direction: 1 | -1, extend: boolean): number | null {
  const head = state.selection.$head;
  const index = head.index(0);
  const count = state.doc.childCount;
  const here = paragraphBounds(state, index);
  if (direction === 1) {
    if (extend && head.pos < here.end) return here.end;
    if (index + 1 >= count) return extend ? null : here.end;
    const next = paragraphBounds(state, index + 1);
    return extend ? next.end : next.start;
  }
  if (head.pos > here.start) return here.start;
  if (index === 0) return null;
  return paragraphBounds(state, index - 1).start;
}

export const ParagraphKeys = Extension.create({
  name: "paragraphKeys",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          handleKeyDown(view, event) {
            if (!(event.ctrlKey || event.metaKey) || event.altKey) return false;
            if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return false;
            const to = target(view.state, event.key === "ArrowDown" ? 1 : -1, event.shiftKey);
            if (to === null) return true;
            const anchor = event.shiftKey ? view.state.selection.anchor : to;
            view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, to)).scrollIntoView());
            return true;
          },
        },
      }),
    ];
  },
});
