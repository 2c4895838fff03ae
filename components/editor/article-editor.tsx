"use client";

import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef } from "react";
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
import { annotationKey, annotationPlugin, paintSeed, paintTransaction, type AnnotationHandlers, type PaintChanges, type PaintInput } from "./annotation-plugin";
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

/**
 * What to paint, read outside React's render: the editor reads it when told of a change and
 * paints it before the task ends, so a tag is drawn in the frame after the key press whatever
 * else React has to render then.
 */
export type PaintSource = {
  read(): { spans: readonly SegmentSpan[]; changes?: PaintChanges; selectedId: string | null };
  subscribe(listener: () => void): () => void;
};

/** The spans to paint: given as props (each render paints what changed), or read from a source. */
type Painting = { spans: readonly SegmentSpan[]; selectedId: string | null; source?: undefined } | { source: PaintSource; spans?: undefined; selectedId?: undefined };

type Props = Painting & {
  text: string;
  colourOf: (label: string) => string;
  callbacks: EditorCallbacks;
  label: string;
  /** Suggestions and speaker tags, drawn by their own plugin. */
  overlay?: Omit<OverlayInput, "map">;
};

/** The article as a Tiptap document whose text never changes, with annotations painted as decorations. */
export const ArticleEditor = forwardRef<ArticleEditorHandle, Props>(function ArticleEditor(
  { text, spans, selectedId, source, colourOf, callbacks, label, overlay },
  ref,
) {
  const map = useMemo(() => new DocumentMap(text), [text]);
  const mapRef = useRef(map);
  mapRef.current = map;
  const callbacksRef = useRef(callbacks);
  callbacksRef.current = callbacks;
  const current = (): PaintInput => (source ? { ...source.read(), colourOf, map } : { spans: spans!, selectedId: selectedId ?? null, colourOf, map });
  const paintRef = useRef<() => PaintInput>(current);
  paintRef.current = current;

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

  const seed = useMemo(() => paintSeed(() => paintRef.current()), []);
  const extensions = useMemo(
    () => [
      Document,
      Paragraph,
      Text,
      ReadOnlyText,
      ParagraphKeys,
      Extension.create({
        name: "sourcemarkAnnotations",
        addProseMirrorPlugins: () => [annotationPlugin(handlers, () => mapRef.current, seed), overlayPlugin()],
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
        decorations: seed.decorations,
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

  // clearSelection() asks for a caret; the paint that follows a tag (in the same task) carries it,
  // so that the text is changed and the DOM selection moved in one view update: each view update
  // that moves the DOM selection makes the browser lay the changed text out there and then.
  const collapsePending = useRef(false);
  /** Paints what changed since the last paint, with a pending caret, in one transaction. */
  const flush = () => {
    if (!editor || editor.isDestroyed) return;
    const input = paintRef.current();
    const last = annotationKey.getState(editor.state)?.painted?.input;
    const changed = !last || last.spans !== input.spans || last.selectedId !== input.selectedId || last.colourOf !== input.colourOf || last.map !== input.map;
    if (!changed && !collapsePending.current) return;
    let tr = changed ? paintTransaction(editor.state, input) : editor.state.tr;
    if (collapsePending.current) {
      collapsePending.current = false;
      tr = tr.setSelection(TextSelection.create(tr.doc, tr.selection.to));
    }
    editor.view.dispatch(tr);
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;
  // Changes told by the source, and a caret asked for, are painted together at the end of the
  // task (a tag changes the layer, then the selected span, then asks for a caret).
  const flushScheduled = useRef(false);
  const scheduleFlush = useCallback(() => {
    if (flushScheduled.current) return;
    flushScheduled.current = true;
    queueMicrotask(() => {
      flushScheduled.current = false;
      flushRef.current();
    });
  }, []);

  useEffect(() => {
    // The plugin painted the spans known at creation; this repaints only what changed since.
    flushRef.current();
  }, [editor, spans, selectedId, source, colourOf, map]);

  useEffect(() => {
    if (!editor || !source) return;
    return source.subscribe(scheduleFlush);
  }, [editor, source, scheduleFlush]);

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
        collapsePending.current = true;
        scheduleFlush();
      },
    }),
    [editor, map, scheduleFlush],
  );

  return <EditorContent editor={editor} />;
});
