import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import type { DocumentMap } from "@/lib/text/document-map";
import { installSlicingTextCut } from "./text-cut";
import { resegment, segmentation, segmentStyle, type Segment, type SegmentSpan, type Segmentation, type SpanChanges } from "@/lib/editor/segments";

/**
 * Annotations are drawn as decorations held in this plugin's state, never stored in the
 * document. The state is replaced through a transaction meta when the spans change and
 * mapped otherwise (the document never changes here, so mapping is the identity).
 */
/** The spans changed since the list `from` (the spans of the paint before, when it is that list). */
export type PaintChanges = SpanChanges & { from: readonly SegmentSpan[] };

export type PaintInput = {
  spans: readonly SegmentSpan[];
  /** When known, what changed in `spans`: the repaint then walks neither all spans nor all segments. */
  changes?: PaintChanges;
  selectedId: string | null;
  colourOf: (label: string) => string;
  map: DocumentMap;
};

export type AnnotationHandlers = {
  onKeyDown(view: EditorView, event: KeyboardEvent): boolean;
  onClickAt(codePoint: number | null, event: MouseEvent): void;
  onDragBound(spanId: string, bound: "start" | "end", codePoint: number): void;
};

/**
 * What the last paint drew, so that the next one redraws only what changed: the segments, the
 * decoration of each (null when it covers nothing drawable), the selection handles.
 */
type Painted = {
  input: PaintInput;
  segmentation: Segmentation;
  decorationOf: WeakMap<Segment, Decoration | null>;
  looks: Map<string, string>;
  handles: Decoration[];
};
type PluginState = { decorations: DecorationSet; painted: Painted | null };
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

/**
 * Segment looks live in a stylesheet, one class per distinct style (a few dozen at most), not in
 * style attributes: the browser would parse a style attribute for every segment (thousands in a
 * long article) and could not share the computed styles between them.
 */
const styleClasses = new Map<string, string>();
const rulesWritten = new WeakMap<Document, number>();

function styleClass(style: string): string {
  let name = styleClasses.get(style);
  if (!name) styleClasses.set(style, (name = `sm-look-${styleClasses.size}`));
  return name;
}

/** Adds the rules of classes made since the last call; runs before the browser next renders. */
function writeStyleClasses(doc: Document): void {
  const written = rulesWritten.get(doc) ?? 0;
  if (written === styleClasses.size) return;
  let element = doc.getElementById("sm-segment-looks") as HTMLStyleElement | null;
  if (!element) {
    element = doc.createElement("style");
    element.id = "sm-segment-looks";
    doc.head.append(element);
  }
  const sheet = element.sheet!;
  for (const [style, name] of [...styleClasses].slice(written)) sheet.insertRule(`.${name}{${style}}`, sheet.cssRules.length);
  rulesWritten.set(doc, styleClasses.size);
}

/** `looks` caches the class of each label sequence (selected or not) for one colourOf. */
function decorate(segment: Segment, input: PaintInput, looks: Map<string, string>): Decoration | null {
  const range = input.map.spanToDocRange(segment.start, segment.end);
  if (range.from >= range.to) return null;
  const selected = segment.spans.some((s) => s.id === input.selectedId);
  const labels = segment.spans.map((s) => s.label).join(" ");
  const lookKey = `${selected} ${labels}`;
  let look = looks.get(lookKey);
  if (look === undefined) looks.set(lookKey, (look = styleClass(segmentStyle(segment, input.colourOf, input.selectedId))));
  return Decoration.inline(
    range.from,
    range.to,
    { class: `sm-seg ${look}${selected ? " sm-seg-selected" : ""}`, "data-labels": labels },
    // ProseMirror compares spec values with !==, so the ids stay one string.
    { spanIds: segment.spans.map((s) => s.id).join(" ") },
  );
}

/** `spans`: the painted spans by id (the segmentation's map), so no walk through all of them. */
function handles(input: PaintInput, spans: ReadonlyMap<string, SegmentSpan>, previous: readonly Decoration[]): Decoration[] {
  const selected = input.selectedId ? spans.get(input.selectedId) : undefined;
  if (!selected) return [];
  const range = input.map.spanToDocRange(selected.start, selected.end);
  const keys = [`h-start-${selected.id}-${range.from}`, `h-end-${selected.id}-${range.to}`];
  if (previous.length === 2 && previous.every((handle, k) => handle.spec.key === keys[k])) return [...previous];
  return [
    Decoration.widget(range.from, () => handleElement("start", selected.id), { side: -1, key: keys[0] }),
    Decoration.widget(range.to, () => handleElement("end", selected.id), { side: 1, key: keys[1] }),
  ];
}

/**
 * The decorations for `input`. After a first paint, only the segments that changed are cut and
 * decorated again and applied with DecorationSet.remove/add, which keep every untouched
 * paragraph's subtree: ProseMirror then redraws only those paragraphs, so tagging a span in a
 * long article costs about as much as in a short one.
 */
export function paintDecorations(doc: EditorState["doc"], input: PaintInput, previous?: PluginState): PluginState {
  const last = previous?.painted;
  if (previous && last && last.input.map === input.map && last.input.colourOf === input.colourOf) {
    // A span selected or deselected is restyled: its segments are cut and decorated again.
    const restyled: string[] = [];
    if (last.input.selectedId !== input.selectedId) {
      for (const id of [last.input.selectedId, input.selectedId]) if (id) restyled.push(id);
    }
    const changes = input.changes && input.changes.from === last.input.spans ? input.changes : undefined;
    const change = resegment(last.segmentation, input.spans, [], restyled, changes);
    if (change) {
      const { decorationOf, looks } = last;
      const removed = change.removed.map((segment) => decorationOf.get(segment)).filter((d): d is Decoration => !!d);
      const added: Decoration[] = [];
      for (const segment of change.added) {
        const decoration = decorate(segment, input, looks);
        decorationOf.set(segment, decoration);
        if (decoration) added.push(decoration);
      }
      const nextHandles = handles(input, change.next.spans, last.handles);
      for (const handle of last.handles) if (!nextHandles.includes(handle)) removed.push(handle);
      for (const handle of nextHandles) if (!last.handles.includes(handle)) added.push(handle);
      const decorations = removed.length || added.length ? previous.decorations.remove(removed).add(doc, added) : previous.decorations;
      return { decorations, painted: { input, segmentation: change.next, decorationOf, looks, handles: nextHandles } };
    }
  }
  const painted: Painted = { input, segmentation: segmentation(input.spans), decorationOf: new WeakMap(), looks: new Map(), handles: [] };
  const all: Decoration[] = [];
  for (const segment of painted.segmentation.segments) {
    const decoration = decorate(segment, input, painted.looks);
    painted.decorationOf.set(segment, decoration);
    if (decoration) all.push(decoration);
  }
  painted.handles = handles(input, painted.segmentation.spans, []);
  return { decorations: DecorationSet.create(doc, [...all, ...painted.handles]), painted };
}

/**
 * The first tag after an article opens runs the incremental repaint (resegment, DecorationSet
 * remove/add) for the first time, cold: in a long article that costs a few frames. Once the
 * article is painted and the page is idle, the same path runs a few times on a throwaway copy
 * (nothing is drawn or kept), so the analyst's first tag is as quick as the next ones. Each probe
 * is a selected span of one of the article's labels, so the look a new tag gets (its label,
 * selected) has its class and stylesheet rule made then too: a rule added in the tag's frame
 * makes the browser match every element against the stylesheet again (about 1 ms here).
 */
function scheduleWarmUp(view: EditorView): { cancel(): void } {
  const idle = (callback: () => void) =>
    typeof requestIdleCallback === "function" ? requestIdleCallback(callback, { timeout: 2000 }) : setTimeout(callback, 200);
  const cancelIdle = (handle: number) => (typeof cancelIdleCallback === "function" ? cancelIdleCallback(handle) : clearTimeout(handle));
  let rounds = 0;
  let handle = 0;
  let labels: string[] | null = null;
  const run = () => {
    const state = annotationKey.getState(view.state);
    const painted = state?.painted;
    if (!state || !painted || painted.input.spans.length < 200) return; // short articles need no warming
    const { input } = painted;
    labels ??= [...new Set(input.spans.map((span) => span.label))];
    const length = view.state.doc.content.size;
    const at = Math.max(0, Math.min(length - 2, Math.floor(((rounds % 4) + 1) * length / 5)));
    const start = input.map.docPosToCodePoint(at, "start");
    const probe = { id: "\u0000warm-up", start, end: start + 1, label: labels[rounds % labels.length] };
    const spans = [...input.spans, probe];
    paintDecorations(view.state.doc, { ...input, spans, selectedId: probe.id, changes: { from: input.spans, changed: new Map([[probe.id, probe]]) } }, state);
    writeStyleClasses(view.dom.ownerDocument);
    if (++rounds < Math.max(4, labels.length)) handle = idle(run) as number;
  };
  handle = idle(run) as number;
  return { cancel: () => cancelIdle(handle) };
}

/**
 * The first paint, made once per document and shared: Tiptap draws the view from a state without
 * plugins and adds them right after, so the view's own `decorations` prop (seed.decorations)
 * hands it the spans for that first drawing, and the plugin starts from the very same state, so
 * that adding it changes nothing on screen. The article is drawn once, already painted, instead
 * of bare and then again with its 2,000 spans.
 */
export function paintSeed(initialPaint: () => PaintInput | null) {
  let seeded: { doc: EditorState["doc"]; state: PluginState } | null = null;
  const stateFor = (doc: EditorState["doc"]): PluginState | null => {
    if (seeded?.doc === doc) return seeded.state;
    const input = initialPaint();
    if (!input) return null;
    seeded = { doc, state: paintDecorations(doc, input) };
    return seeded.state;
  };
  return {
    stateFor,
    /** For the view's `decorations` prop: the seeded spans until the plugin holds its own state. */
    decorations: (state: EditorState) => (annotationKey.getState(state) ? null : (stateFor(state.doc)?.decorations ?? null)),
  };
}

export function annotationPlugin(
  handlers: { current: AnnotationHandlers },
  getMap: () => DocumentMap,
  seed: ReturnType<typeof paintSeed> = paintSeed(() => null),
): Plugin<PluginState> {
  let drag: { spanId: string; bound: "start" | "end" } | null = null;
  return new Plugin<PluginState>({
    key: annotationKey,
    state: {
      init: (_config, state) => {
        installSlicingTextCut(state.schema);
        return seed.stateFor(state.doc) ?? { decorations: DecorationSet.empty, painted: null };
      },
      apply(tr, value) {
        const meta = tr.getMeta(annotationKey) as Meta | undefined;
        if (meta?.paint) return paintDecorations(tr.doc, meta.paint, value);
        // Mapped decorations no longer sit where their keys say: the next paint builds afresh.
        return tr.docChanged ? { decorations: value.decorations.map(tr.mapping, tr.doc), painted: null } : value;
      },
    },
    view(view) {
      writeStyleClasses(view.dom.ownerDocument);
      const warming = scheduleWarmUp(view);
      return { update: () => writeStyleClasses(view.dom.ownerDocument), destroy: () => warming.cancel() };
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
