"use client";

import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from "react";
import { EditorContent, useEditor } from "@tiptap/react";
import Document from "@tiptap/extension-document";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { Extension } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { DocumentMap, editorDocJson } from "@/lib/text/document-map";
import type { SegmentSpan } from "@/lib/editor/segments";
import { ReadOnlyText } from "./read-only-text";
import { ParagraphKeys } from "./paragraph-keys";
import { annotationPlugin, paintTransaction, type AnnotationHandlers, type PaintInput } from "./annotation-plugin";
import { overlayPlugin, overlayTransaction, type OverlayInput } from "./suggestion-plugin";

export type SelectionInfo = { start: number; end: number } | null;

export type EditorCallbacks = {
  /** A key pressed in the text; `selection` is the selected range in code points (null: a caret). */
  onKey(event: KeyboardEvent, selection: SelectionInfo): boolean;
  onClickAt(codePoint: number | null): void;
  onDragBound(spanId: string, bound: "start" | "end", codePoint: number): void;
};

export type ArticleEditorHandle = {
  scrollToSpan(span: { start: number; end: number }): void;
  focus(): void;
  /** Collapses the text selection (after a span was made from it). */
  clearSelection(): void;
  /** The selected text range in code points, or null for a caret. */
  currentSelection(): SelectionInfo;
};

type Props = {
  text: string;
  spans: readonly SegmentSpan[];
  selectedId: string | null;
  colourOf: (label: string) => string;
  callbacks: EditorCallbacks;
  label: string;
  /** Suggestions and speaker tags, drawn by their own plugin. */
  overlay?: Omit<OverlayInput, "map">;
};

/** The article as a Tiptap document whose text never changes, with annotations painted as decorations. */
export const ArticleEditor = forwardRef<ArticleEditorHandle, Props>(function ArticleEditor(
  { text, spans, selectedId, colourOf, callbacks, label, overlay },
  ref,
) {
  const map = useMemo(() => new DocumentMap(text), [text]);
  const mapRef = useRef(map);
  mapRef.current = map;
  const callbacksRef = useRef(callbacks);
  callbacksRef.current = callbacks;
  const paintRef = useRef<PaintInput>({ spans, selectedId, colourOf, map });
  paintRef.current = { spans, selectedId, colourOf, map };

  const handlers = useRef<AnnotationHandlers>({
    onKeyDown(view, event) {
      // The DOM selection can be ahead of the editor state after fast shift+arrow presses
      // (ProseMirror reads it on selectionchange); read it now so a hotkey tags what is selected.
      (view as unknown as { domObserver?: { flush(): void } }).domObserver?.flush();
      const { from, to } = view.state.selection;
      const selection = from === to ? null : mapRef.current.docRangeToSpan(from, to);
      return callbacksRef.current.onKey(event, selection);
    },
    onClickAt: (codePoint) => callbacksRef.current.onClickAt(codePoint),
    onDragBound: (id, bound, cp) => callbacksRef.current.onDragBound(id, bound, cp),
  });

  const extensions = useMemo(
    () => [
      Document,
      Paragraph,
      Text,
      ReadOnlyText,
      ParagraphKeys,
      Extension.create({
        name: "sourcemarkAnnotations",
        addProseMirrorPlugins: () => [annotationPlugin(handlers, () => mapRef.current, () => paintRef.current), overlayPlugin()],
      }),
    ],
    [],
  );

  const editor = useEditor(
    {
      extensions,
      content: editorDocJson(text),
      immediatelyRender: false,
      editorProps: {
        attributes: {
          class: "sm-article font-serif text-[1.05rem] leading-8 text-stone-900 outline-none",
          role: "textbox",
          "aria-readonly": "true",
          "aria-multiline": "true",
          "aria-label": label,
          spellcheck: "false",
        },
      },
    },
    [text],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    // The plugin painted the spans known at creation; this repaints only what changed since.
    editor.view.dispatch(paintTransaction(editor.state, { spans, selectedId, colourOf, map }));
  }, [editor, spans, selectedId, colourOf, map]);

  useEffect(() => {
    if (!editor || editor.isDestroyed || !overlay) return;
    editor.view.dispatch(overlayTransaction(editor.state, { ...overlay, map }));
  }, [editor, overlay, map]);

  useImperativeHandle(
    ref,
    () => ({
      scrollToSpan(span) {
        if (!editor) return;
        const { from } = map.spanToDocRange(span.start, span.end);
        const { node } = editor.view.domAtPos(from);
        const element = node instanceof HTMLElement ? node : node.parentElement;
        element?.scrollIntoView({ block: "center", behavior: "auto" });
      },
      focus() {
        editor?.view.focus();
      },
      currentSelection() {
        if (!editor) return null;
        const { from, to } = editor.state.selection;
        return from === to ? null : map.docRangeToSpan(from, to);
      },
      clearSelection() {
        if (!editor) return;
        const { to } = editor.state.selection;
        editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, to)));
      },
    }),
    [editor, map],
  );

  return <EditorContent editor={editor} />;
});
