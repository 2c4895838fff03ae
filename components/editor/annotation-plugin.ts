import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import type { DocumentMap } from "@/lib/text/document-map";
import { segmentSpans, segmentStyle, type SegmentSpan } from "@/lib/editor/segments";

/**
 * Annotations are drawn as decorations held in this plugin's state, never stored in the
 * document. The state is replaced through a transaction meta when the spans change and
 * mapped otherwise (the document never changes here, so mapping is the identity).
 */
export type PaintInput = {
  spans: readonly SegmentSpan[];
  selectedId: string | null;
  colourOf: (label: string) => string;
  map: DocumentMap;
};

export type AnnotationHandlers = {
  onKeyDown(view: EditorView, event: KeyboardEvent): boolean;
  onClickAt(codePoint: number | null, event: MouseEvent): void;
  onDragBound(spanId: string, bound: "start" | "end", codePoint: number): void;
};

type PluginState = { decorations: DecorationSet };
type Meta = { paint: PaintInput };

export const annotationKey = new PluginKey<PluginState>("sourcemark-annotations");

export function paintTransaction(state: EditorState, input: PaintInput): Transaction {
  return state.tr.setMeta(annotationKey, { paint: input } satisfies Meta).setMeta("addToHistory", false);
}

function handleElement(bound: "start" | "end", spanId: string): HTMLElement {
  const handle = document.createElement("span");
  handle.className = `sm-handle sm-handle-${bound}`;
  handle.dataset.spanId = spanId;
  handle.dataset.bound = bound;
  handle.setAttribute("aria-hidden", "true");
  return handle;
}

export function buildDecorations(doc: EditorState["doc"], input: PaintInput): DecorationSet {
  const decorations: Decoration[] = [];
  for (const segment of segmentSpans(input.spans)) {
    const range = input.map.spanToDocRange(segment.start, segment.end);
    if (range.from >= range.to) continue;
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          class: `sm-seg${segment.spans.some((s) => s.id === input.selectedId) ? " sm-seg-selected" : ""}`,
          style: segmentStyle(segment, input.colourOf, input.selectedId),
          "data-labels": segment.spans.map((s) => s.label).join(" "),
        },
        { spanIds: segment.spans.map((s) => s.id) },
      ),
    );
  }
  const selected = input.selectedId ? input.spans.find((s) => s.id === input.selectedId) : undefined;
  if (selected) {
    const range = input.map.spanToDocRange(selected.start, selected.end);
    decorations.push(Decoration.widget(range.from, () => handleElement("start", selected.id), { side: -1, key: `h-start-${selected.id}-${selected.start}` }));
    decorations.push(Decoration.widget(range.to, () => handleElement("end", selected.id), { side: 1, key: `h-end-${selected.id}-${selected.end}` }));
  }
  return DecorationSet.create(doc, decorations);
}

export function annotationPlugin(handlers: { current: AnnotationHandlers }, getMap: () => DocumentMap): Plugin<PluginState> {
  let drag: { spanId: string; bound: "start" | "end" } | null = null;
  return new Plugin<PluginState>({
    key: annotationKey,
    state: {
      init: () => ({ decorations: DecorationSet.empty }),
      apply(tr, value) {
        const meta = tr.getMeta(annotationKey) as Meta | undefined;
        if (meta?.paint) return { decorations: buildDecorations(tr.doc, meta.paint) };
        return tr.docChanged ? { decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
      },
    },
    props: {
      decorations: (state) => annotationKey.getState(state)?.decorations,
      handleKeyDown: (view, event) => handlers.current.onKeyDown(view, event),
      handleClick(view, pos, event) {
        if (drag) return true;
        const map = getMap();
        handlers.current.onClickAt(map.docPosToCodePoint(pos, "start"), event);
        return false;
      },
      handleDOMEvents: {
        mousedown(view, event) {
          const target = event.target as HTMLElement;
          if (!target.classList?.contains("sm-handle")) return false;
          event.preventDefault();
          drag = { spanId: target.dataset.spanId!, bound: target.dataset.bound as "start" | "end" };
          const onUp = (up: MouseEvent) => {
            window.removeEventListener("mouseup", onUp);
            const current = drag;
            drag = null;
            const at = view.posAtCoords({ left: up.clientX, top: up.clientY });
            if (!current || !at) return;
            handlers.current.onDragBound(current.spanId, current.bound, getMap().docPosToCodePoint(at.pos, current.bound));
          };
          window.addEventListener("mouseup", onUp);
          return true;
        },
      },
    },
  });
}
