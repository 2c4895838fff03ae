"use client";

import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { checkSpan } from "@/lib/text/span-check";
import { OffsetIndex } from "@/lib/text/code-points";
import { graphemeSafe, tidySelection, trimWhitespace } from "@/lib/text/selection";
import { interpretKey, SHORTCUTS, type KeyAction } from "@/lib/editor/keymap";
import { EditorRuleError } from "@/lib/editor/editor-rule-error";
import { whenIdle } from "@/lib/editor/scheduler";
import type { LayerData, Notice, Span } from "@/lib/editor/types";
import { patchOrdered, type LayerSnapshot } from "@/lib/editor/layer-snapshot";
import { ArticleEditor, type ArticleEditorHandle, type PaintSource, type SelectionInfo } from "./article-editor";
import type { PaintChanges } from "./annotation-plugin";
import { SpanList, type ListedSpan } from "./span-list";
import { SpanDetails } from "./span-details";
import { SaveStatusLine } from "./save-status";
import { MarkDoneButton } from "./mark-done-button";
import { useEditorSession } from "./use-editor-session";
import { SuggestionList } from "./suggestion-list";
import type { OverlayInput, SpeakerTag } from "./suggestion-plugin";
import { acceptedSpan, allSuggestions, openSuggestions, type ModelSpan } from "@/lib/suggestions/visible";
import type { KnownActor } from "@/lib/suggestions/actor-mentions";
import type { SuggestedSpan } from "@/lib/suggestions/types";
import { isSafeHref } from "@/lib/markdown";

export type WorkbenchLabel = { key: string; name: string; colour: string; hotkey: string | null; description: string };

type Props = {
  project: { slug: string; name: string };
  article: { externalId: string; title: string; outlet: string | null; url: string | null; publishedAt: string | null; text: string };
  labels: WorkbenchLabel[];
  layer: { name: string; own: boolean; editable: boolean };
  viewerId: string;
  initialLayer: LayerData;
  assignmentStatus: "todo" | "in_progress" | "done" | null;
  guidelines: ReactNode;
  /** For the analyst's own layer: model pre-annotations, the actor register and what they dismissed. */
  suggestionSource?: { modelSpans: ModelSpan[]; actors: KnownActor[]; dismissed: string[] } | null;
};

/** The spans listed and those drawn (not orphans), in text order; `changes`: what changed in `drawable` since the rows before. */
type Rows = { drawable: Span[]; listed: ListedSpan[]; changes?: PaintChanges };

const EMPTY_SNAPSHOT = { spans: [], spanById: new Map(), relations: [], relationById: new Map(), speakerOf: new Map(), canUndo: false, canRedo: false } as unknown as LayerSnapshot;

const NO_SUGGESTIONS: SuggestedSpan[] = [];

export function Workbench({ project, article, labels, layer, viewerId, initialLayer, assignmentStatus, guidelines, suggestionSource }: Props) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const notify = useCallback((notice: Notice) => setNotices((current) => [...current.slice(-3), notice]), []);
  const url = `/api/v1/projects/${encodeURIComponent(project.slug)}/articles/${encodeURIComponent(article.externalId)}/layers/${encodeURIComponent(layer.editable ? "me" : layer.name)}/changes`;
  const session = useEditorSession({ layer: initialLayer, url, userId: viewerId, editable: layer.editable, onNotice: notify });
  const store = session?.store ?? null;
  // A change (a tag, a relabel, an undo, a span selected) is painted into the text at once by the
  // editor, which reads the store itself (paintSource below); React re-renders the rest of the
  // reader (the side panel with thousands of rows, the suggestions) in a transition, after that
  // frame, in slices it may interrupt. So what is shown here may be a frame behind the store:
  // actions read the latest layer and selection from the store and refs, not from a render.
  const [shown, setShown] = useState(() => ({ store, snapshot: store?.getSnapshot() ?? EMPTY_SNAPSHOT }));
  useEffect(() => {
    if (!store) return;
    const follow = () => startTransition(() => setShown({ store, snapshot: store.getSnapshot() }));
    follow();
    return store.subscribe(follow);
  }, [store]);
  const snapshot = shown.store === store ? shown.snapshot : (store?.getSnapshot() ?? EMPTY_SNAPSHOT);
  const editable = layer.editable && store !== null;

  const [selectedId, setSelectedIdState] = useState<string | null>(null);
  const selectedRef = useRef<string | null>(null);
  const selectionListeners = useRef(new Set<() => void>());
  const setSelectedId = useCallback((id: string | null) => {
    if (selectedRef.current !== id) {
      selectedRef.current = id;
      for (const listener of [...selectionListeners.current]) listener();
    }
    startTransition(() => setSelectedIdState(id));
  }, []);
  const [snapToWords, setSnapToWords] = useState(false);
  const [guidelinesOpen, setGuidelinesOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const editorRef = useRef<ArticleEditorHandle>(null);
  const speakerRef = useRef<HTMLSelectElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const actorLinkRef = useRef<HTMLInputElement>(null);
  // After `s` on a quote or claim: the next click on an ACTOR span in the text makes it the speaker.
  const pickingSpeakerRef = useRef<string | null>(null);
  const [pickingSpeaker, setPickingSpeakerState] = useState<string | null>(null);
  const setPickingSpeaker = useCallback((id: string | null) => {
    pickingSpeakerRef.current = id;
    setPickingSpeakerState(id);
  }, []);

  const index = useMemo(() => new OffsetIndex(article.text), [article.text]);
  const colours = useMemo(() => new Map(labels.map((label) => [label.key, label.colour])), [labels]);
  const colourOf = useCallback((label: string) => colours.get(label) ?? "#777777", [colours]);
  const hotkeys = useMemo(() => new Map(labels.filter((l) => l.hotkey).map((l) => [l.hotkey!.toLowerCase(), l.key])), [labels]);

  // A span whose covered text no longer matches the article is an orphan: listed, never drawn.
  // Each span is checked once and keeps its listed row object while unchanged, so a tag in an
  // article of thousands of spans costs one check and lets the list's rows skip re-rendering.
  // Rows are derived once per layer snapshot: the editor's paint and React's render share them.
  // A snapshot that names its changed spans patches the last rows (binary searches, no walk
  // through thousands of spans in the key press's task) and tells the paint what changed.
  const rowsOf = useMemo(() => {
    const rowCache = new WeakMap<Span, ListedSpan>();
    const bySnapshot = new WeakMap<LayerSnapshot, Rows>();
    let last: { snapshot: LayerSnapshot; rows: Rows } | null = null;
    const rowFor = (layerSnapshot: LayerSnapshot, span: Span): ListedSpan => {
      const relation = layerSnapshot.speakerOf.get(span.id);
      const speakerSpan = relation ? layerSnapshot.spanById.get(relation.to) : undefined;
      const speaker = speakerSpan ? (speakerSpan.actor ?? speakerSpan.text) : null;
      let row = rowCache.get(span);
      if (!row || row.speaker !== speaker) {
        const orphan = row ? row.orphan : !checkSpan(index, span).ok;
        row = { id: span.id, start: span.start, end: span.end, label: span.label, text: span.text, actor: span.actor, speaker, orphan };
        rowCache.set(span, row);
      }
      return row;
    };
    const derive = (layerSnapshot: LayerSnapshot): Rows => {
      const drawable: Span[] = [];
      const listed: ListedSpan[] = [];
      for (const span of layerSnapshot.spans) {
        const row = rowFor(layerSnapshot, span);
        if (!row.orphan) drawable.push(span);
        listed.push(row);
      }
      return { drawable, listed };
    };
    const patch = (layerSnapshot: LayerSnapshot): Rows | null => {
      const changes = layerSnapshot.changes;
      if (!last || !changes || changes.from !== last.snapshot.spans || layerSnapshot.relations !== last.snapshot.relations) return null;
      // A changed span that is another's speaker changes that one's row too: derive them all then.
      for (const relation of layerSnapshot.relations) if (changes.spanIds.has(relation.to)) return null;
      if (changes.spanIds.size === 0) return { drawable: last.rows.drawable, listed: last.rows.listed };
      const before = last.snapshot.spanById;
      const [oldRows, newRows, oldDrawn, newDrawn] = [[], [], [], []] as [ListedSpan[], ListedSpan[], Span[], Span[]];
      const changed = new Map<string, Span | null>();
      for (const id of changes.spanIds) {
        const old = before.get(id);
        const oldRow = old && rowCache.get(old);
        if (old && !oldRow) return null;
        if (old && oldRow) {
          oldRows.push(oldRow);
          if (!oldRow.orphan) oldDrawn.push(old);
        }
        const span = layerSnapshot.spanById.get(id);
        const row = span && rowFor(layerSnapshot, span);
        if (span && row) {
          newRows.push(row);
          if (!row.orphan) newDrawn.push(span);
        }
        changed.set(id, span && row && !row.orphan ? span : null);
      }
      const listed = patchOrdered(last.rows.listed, oldRows, newRows);
      const drawable = patchOrdered(last.rows.drawable, oldDrawn, newDrawn);
      return listed && drawable ? { drawable, listed, changes: { from: last.rows.drawable, changed } } : null;
    };
    return (layerSnapshot: LayerSnapshot): Rows => {
      const known = bySnapshot.get(layerSnapshot);
      if (known) return known;
      const rows = patch(layerSnapshot) ?? derive(layerSnapshot);
      bySnapshot.set(layerSnapshot, rows);
      last = { snapshot: layerSnapshot, rows };
      return rows;
    };
  }, [index]);
  const { drawable, listed } = rowsOf(snapshot);

  // What the editor paints: the store's latest layer and the latest selected span, read when either changes.
  const paintSource = useMemo<PaintSource | null>(
    () =>
      store && {
        read: () => {
          const { drawable: spans, changes } = rowsOf(store.getSnapshot());
          return { spans, changes, selectedId: selectedRef.current };
        },
        subscribe(listener) {
          selectionListeners.current.add(listener);
          const unsubscribe = store.subscribe(listener);
          return () => {
            selectionListeners.current.delete(listener);
            unsubscribe();
          };
        },
      },
    [store, rowsOf],
  );

  // Suggestions: computed here, drawn by their own plugin, saved only when accepted.
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set(suggestionSource?.dismissed ?? []));
  const [focusedKey, setFocusedKeyState] = useState<string | null>(null);
  const focusedKeyRef = useRef<string | null>(null);
  const setFocusedKey = useCallback((key: string | null) => {
    focusedKeyRef.current = key;
    setFocusedKeyState(key);
  }, []);
  const labelKeys = useMemo(() => new Set(labels.map((label) => label.key)), [labels]);
  // Finding quotations and actor mentions in a long article takes tens of milliseconds: it is done
  // once the article is open and painted and the page idle, so the spans are not painted later for it.
  const [offered, setOffered] = useState<SuggestedSpan[]>(NO_SUGGESTIONS);
  const opened = store !== null;
  useEffect(() => {
    if (!suggestionSource || !opened) return;
    return whenIdle(() => startTransition(() => setOffered(allSuggestions({ text: article.text, actors: suggestionSource.actors, modelSpans: suggestionSource.modelSpans, labels: labelKeys }))), 500);
  }, [suggestionSource, opened, article.text, labelKeys]);
  const openList = useMemo(
    () => (editable ? openSuggestions(offered, snapshot.spans, dismissed).filter((s) => checkSpan(index, s).ok) : NO_SUGGESTIONS),
    [editable, offered, snapshot.spans, dismissed, index],
  );
  const openRef = useRef(openList);
  openRef.current = openList;
  const speakerTags = useMemo(() => {
    const tags: SpeakerTag[] = [];
    for (const relation of snapshot.relations) {
      const from = snapshot.spanById.get(relation.from);
      const to = snapshot.spanById.get(relation.to);
      if (from && to && checkSpan(index, from).ok) tags.push({ spanId: from.id, end: from.end, speaker: to.actor ?? to.text });
    }
    return tags;
  }, [snapshot, index]);
  const overlay = useMemo<Omit<OverlayInput, "map">>(() => ({ suggestions: openList, focusedKey, speakerTags }), [openList, focusedKey, speakerTags]);

  const selected = selectedId ? snapshot.spanById.get(selectedId) ?? null : null;
  const actorSpans = useMemo(() => drawable.filter((span) => span.label === "ACTOR"), [drawable]);

  // A field of the selected span's panel is focused once the panel shows that span (a key can
  // follow a tag before the transition that shows the new span's panel has been committed).
  const shownSelectedRef = useRef<string | null>(null);
  const pendingFocus = useRef<RefObject<HTMLElement | null> | null>(null);
  useLayoutEffect(() => {
    shownSelectedRef.current = selectedId;
    const target = pendingFocus.current;
    if (target && selectedId === selectedRef.current) {
      pendingFocus.current = null;
      target.current?.focus();
    }
  });
  const focusInPanel = useCallback((target: RefObject<HTMLElement | null>) => {
    if (shownSelectedRef.current === selectedRef.current) target.current?.focus();
    else pendingFocus.current = target;
  }, []);

  const run = useCallback(
    (edit: () => { id: string | null } | void) => {
      try {
        return edit();
      } catch (error) {
        if (error instanceof EditorRuleError) notify({ code: "rule", message: error.message });
        else throw error;
      }
    },
    [notify],
  );

  const select = useCallback(
    (id: string | null, scroll = false) => {
      setSelectedId(id);
      const span = id ? store?.getSnapshot().spanById.get(id) : null;
      if (span && scroll) editorRef.current?.scrollToSpan(span);
    },
    [store, setSelectedId],
  );

  const selectAndScroll = useCallback((id: string) => select(id, true), [select]);

  // A tag's text work has one-time costs: the white-space table, Unicode regular expressions and
  // the ICU data behind Intl.Segmenter, 80-100 ms on the first call here. They are paid when the
  // page is first idle after the article opens, or as soon as text is first selected (a tag
  // follows), whichever comes first, not in the frame of the analyst's first tag.
  useEffect(() => {
    if (!editable) return;
    let done = false;
    const warm = () => {
      if (done) return;
      done = true;
      document.removeEventListener("selectionchange", onSelection);
      const end = Math.min(index.length, 64);
      trimWhitespace(index, 0, end);
      graphemeSafe(index, 0, end);
      tidySelection(index, 0, end);
    };
    // After the task that changed the selection, so that the selection is drawn first.
    const onSelection = () => {
      if (!document.getSelection()?.isCollapsed) setTimeout(warm, 0);
    };
    document.addEventListener("selectionchange", onSelection);
    const cancelIdle = whenIdle(warm, 1000);
    return () => {
      done = true;
      cancelIdle();
      document.removeEventListener("selectionchange", onSelection);
    };
  }, [editable, index]);

  const tag = useCallback(
    (label: string, selection: SelectionInfo) => {
      if (!store || !selection) return;
      const range = snapToWords ? tidySelection(index, selection.start, selection.end) : trimWhitespace(index, selection.start, selection.end);
      if (!range) return notify({ code: "empty", message: "The selection holds only white space." });
      const safe = graphemeSafe(index, range.start, range.end);
      const result = run(() => store.createSpan({ start: safe.start, end: safe.end, label, text: index.slice(safe.start, safe.end) }));
      editorRef.current?.clearSelection();
      if (result && result.id) setSelectedId(result.id);
    },
    [store, snapToWords, index, run, notify, setSelectedId],
  );

  const moveBound = useCallback(
    (span: Span, bound: "start" | "end", to: number) => {
      if (!store) return;
      const start = bound === "start" ? to : span.start;
      const end = bound === "end" ? to : span.end;
      if (start < 0 || end > index.length || end <= start) return;
      run(() => store.updateSpan(span.id, { start, end, text: index.slice(start, end) }));
    },
    [store, index, run],
  );

  const focusSuggestion = useCallback(
    (key: string | null, scroll = false) => {
      setFocusedKey(key);
      const suggestion = key ? openRef.current.find((s) => s.key === key) : undefined;
      if (suggestion) {
        setSelectedId(null);
        if (scroll) editorRef.current?.scrollToSpan(suggestion);
      }
    },
    [setFocusedKey, setSelectedId],
  );

  const focusSuggestionAndScroll = useCallback((key: string) => focusSuggestion(key, true), [focusSuggestion]);

  const acceptSuggestion = useCallback(
    (key: string) => {
      const suggestion = openRef.current.find((s) => s.key === key);
      if (!suggestion || !store) return;
      const result = run(() => store.createSpan(acceptedSpan(suggestion)));
      setFocusedKey(null);
      if (result && result.id) setSelectedId(result.id);
    },
    [store, run, setFocusedKey, setSelectedId],
  );

  const dismissSuggestion = useCallback(
    (key: string) => {
      const list = openRef.current;
      const at = list.findIndex((s) => s.key === key);
      const next = list[at + 1] ?? list[at - 1];
      setDismissed((current) => new Set([...current, key]));
      setFocusedKey(focusedKeyRef.current === key ? (next?.key ?? null) : focusedKeyRef.current);
      const url = `/api/v1/projects/${encodeURIComponent(project.slug)}/articles/${encodeURIComponent(article.externalId)}/suggestions/dismissals`;
      fetch(url, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ key }) })
        .then((response) => {
          if (!response.ok) throw new Error(String(response.status));
        })
        .catch(() => {
          setDismissed((current) => new Set([...current].filter((k) => k !== key)));
          notify({ code: "dismiss", message: "The suggestion could not be dismissed (no connection?). It is shown again; try once more." });
        });
    },
    [project.slug, article.externalId, notify, setFocusedKey],
  );

  const perform = useCallback(
    (action: KeyAction, selection: SelectionInfo) => {
      const latest = store?.getSnapshot() ?? snapshot;
      const current = selectedRef.current ? latest.spanById.get(selectedRef.current) : undefined;
      switch (action.type) {
        case "tag":
          return tag(action.label, selection);
        case "relabel":
          if (current && store) run(() => store.updateSpan(current.id, { label: action.label }));
          return;
        case "delete":
          if (current && store) {
            run(() => store.deleteSpan(current.id));
            setSelectedId(null);
          }
          return;
        case "moveBound":
          if (current) {
            const edge = action.bound === "start" ? current.start : current.end;
            const next = graphemeSafe(index, Math.max(0, edge + action.by), Math.max(0, edge + action.by));
            moveBound(current, action.bound, action.by < 0 ? next.start : next.end);
          }
          return;
        case "jump": {
          const list = latest.spans.filter((span) => checkSpan(index, span).ok);
          if (list.length === 0) return;
          const at = current ? list.findIndex((s) => s.id === current.id) : -1;
          const next = list[(at + action.direction + list.length) % list.length] ?? list[0];
          return select(next.id, true);
        }
        case "deselect":
          setPickingSpeaker(null);
          setFocusedKey(null);
          return setSelectedId(null);
        case "nextSuggestion": {
          const list = openRef.current;
          if (list.length === 0) return notify({ code: "suggestions", message: "No suggestions left in this article." });
          const at = list.findIndex((s) => s.key === focusedKeyRef.current);
          let next: SuggestedSpan | undefined;
          if (at >= 0) next = list[(at + action.direction + list.length) % list.length];
          else {
            const from = current?.start ?? -1;
            next = action.direction > 0 ? (list.find((s) => s.start > from) ?? list[0]) : ([...list].reverse().find((s) => s.start < (current?.start ?? Infinity)) ?? list[list.length - 1]);
          }
          return focusSuggestion(next.key, true);
        }
        case "acceptSuggestion":
          if (focusedKeyRef.current) acceptSuggestion(focusedKeyRef.current);
          return;
        case "dismissSuggestion":
          if (focusedKeyRef.current) dismissSuggestion(focusedKeyRef.current);
          return;
        case "undo":
          return void run(() => store?.undo());
        case "redo":
          return void run(() => store?.redo());
        case "guidelines":
          return setGuidelinesOpen(true);
        case "help":
          return setHelpOpen(true);
        case "attribute":
          if (current?.label === "ACTOR") return focusInPanel(actorLinkRef);
          if (current) setPickingSpeaker(current.id);
          return focusInPanel(speakerRef);
        case "note":
          return focusInPanel(noteRef);
      }
    },
    [snapshot, tag, store, run, index, moveBound, select, setSelectedId, setPickingSpeaker, setFocusedKey, notify, focusSuggestion, acceptSuggestion, dismissSuggestion, focusInPanel],
  );

  const callbacks = useMemo(
    () => ({
      onKey(event: KeyboardEvent, selection: SelectionInfo) {
        const action = interpretKey(event, {
          hotkeys,
          hasTextSelection: selection !== null,
          selectedSpanId: selectedRef.current,
          editable,
          focusedSuggestion: focusedKeyRef.current !== null && openRef.current.some((s) => s.key === focusedKeyRef.current),
        });
        if (!action) return false;
        event.preventDefault();
        perform(action, selection);
        return true;
      },
      onClickAt(codePoint: number | null) {
        if (codePoint === null) return;
        const latest = store ? rowsOf(store.getSnapshot()).drawable : drawable;
        const covering = latest.filter((span) => span.start <= codePoint && codePoint < span.end).sort((a, b) => a.end - a.start - (b.end - b.start));
        const quoteId = pickingSpeakerRef.current;
        if (quoteId && store) {
          const speaker = covering.find((span) => span.label === "ACTOR");
          setPickingSpeaker(null);
          if (speaker) {
            run(() => store.attribute(quoteId, speaker.id));
            return setSelectedId(quoteId);
          }
        }
        if (covering.length === 0) {
          const suggestion = openRef.current.filter((s) => s.start <= codePoint && codePoint < s.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
          if (suggestion) return focusSuggestion(suggestion.key);
        }
        setFocusedKey(null);
        setSelectedId(covering[0]?.id ?? null);
      },
      onDragBound(spanId: string, bound: "start" | "end", codePoint: number) {
        const span = store?.getSnapshot().spanById.get(spanId);
        if (span && editable) moveBound(span, bound, codePoint);
      },
    }),
    [hotkeys, editable, perform, drawable, rowsOf, store, moveBound, setSelectedId, setPickingSpeaker, run, focusSuggestion, setFocusedKey],
  );

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-3">
        <header className="space-y-1">
          <h1 className="font-serif text-2xl font-semibold leading-tight">{article.title}</h1>
          <p className="text-sm text-stone-700">
            {[article.outlet, article.publishedAt].filter(Boolean).join(" · ")}
            {/* Only http(s) sources become links: an imported `javascript:` or `data:` address stays inert. */}
            {article.url && isSafeHref(article.url) ? (
              <>
                {" · "}
                <a href={article.url} className="underline" rel="noreferrer noopener" target="_blank">
                  source
                </a>
              </>
            ) : null}
          </p>
          <p className="text-xs text-stone-600">
            {layer.editable ? "Your layer" : `Layer of ${layer.name} (read-only)`}
          </p>
        </header>
        <div role="toolbar" aria-label="Annotation tools" className="sticky top-0 z-10 flex flex-wrap items-center gap-2 border-b border-stone-200 bg-stone-50/95 py-2 backdrop-blur">
          {labels.map((label) => (
            <Button
              key={label.key}
              variant="secondary"
              disabled={!editable}
              title={label.description}
              aria-keyshortcuts={label.hotkey ?? undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                const handle = editorRef.current;
                if (!handle) return;
                const selection = handle.currentSelection();
                if (selection) tag(label.key, selection);
                else if (selected && store) run(() => store.updateSpan(selected.id, { label: label.key }));
              }}
            >
              <span className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: label.colour }} aria-hidden="true" />
              {label.name}
              {label.hotkey ? <kbd className="text-xs text-stone-600">{label.hotkey}</kbd> : null}
            </Button>
          ))}
          <Button variant="ghost" disabled={!editable || !snapshot.canUndo} onClick={() => run(() => store?.undo())} aria-keyshortcuts="Control+Z">
            Undo
          </Button>
          <Button variant="ghost" disabled={!editable || !snapshot.canRedo} onClick={() => run(() => store?.redo())} aria-keyshortcuts="Control+Shift+Z">
            Redo
          </Button>
          <label className="flex items-center gap-1 text-xs text-stone-700">
            <input type="checkbox" checked={snapToWords} onChange={(e) => setSnapToWords(e.target.checked)} />
            Snap to words
          </label>
          <div className="ml-auto flex items-center gap-2">
            <Button variant="ghost" onClick={() => setGuidelinesOpen(true)} aria-keyshortcuts="g">
              Guidelines
            </Button>
            <Button variant="ghost" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
              Shortcuts
            </Button>
          </div>
        </div>
        {notices.length > 0 ? (
          <div role="alert" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {notices.map((notice, i) => (
              <p key={i}>{notice.message}</p>
            ))}
            <button type="button" className="text-xs underline" onClick={() => setNotices([])}>
              Dismiss
            </button>
          </div>
        ) : null}
        <div className="rounded-lg border border-stone-200 bg-white px-6 py-5 shadow-sm">
          {paintSource ? (
            <ArticleEditor
              ref={editorRef}
              text={article.text}
              source={paintSource}
              colourOf={colourOf}
              callbacks={callbacks}
              label={`Article text: ${article.title}`}
              overlay={overlay}
            />
          ) : (
            <p className="text-sm text-stone-600">Opening the article…</p>
          )}
        </div>
      </div>
      <aside className="flex max-h-[calc(100vh-6rem)] flex-col gap-3 overflow-y-auto lg:sticky lg:top-4" aria-label="Spans and status">
        <div className="flex items-center justify-between gap-2">
          <SaveStatusLine sender={session?.sender ?? null} />
          {layer.own && assignmentStatus ? <MarkDoneButton slug={project.slug} id={article.externalId} initial={assignmentStatus} /> : null}
        </div>
        {selected ? (
          <SpanDetails
            slug={project.slug}
            pickingSpeaker={pickingSpeaker === selected.id}
            actorLinkRef={actorLinkRef}
            span={selected}
            labels={labels}
            actors={actorSpans}
            speaker={snapshot.speakerOf.get(selected.id)}
            editable={editable}
            speakerRef={speakerRef}
            noteRef={noteRef}
            onRelabel={(label) => store && run(() => store.updateSpan(selected.id, { label }))}
            onNote={(note) => store && run(() => store.updateSpan(selected.id, { note }))}
            onActor={(actor) => store && run(() => store.updateSpan(selected.id, { actor }))}
            onSpeaker={(actorId) => {
              if (!store) return;
              const existing = store.getSnapshot().speakerOf.get(selected.id);
              if (actorId) run(() => store.attribute(selected.id, actorId));
              else if (existing) run(() => store.removeAttribution(existing.id));
            }}
            onDelete={() => {
              if (!store) return;
              run(() => store.deleteSpan(selected.id));
              setSelectedId(null);
            }}
          />
        ) : null}
        {editable && suggestionSource ? (
          <SuggestionList
            suggestions={openList}
            focusedKey={focusedKey}
            onFocus={focusSuggestionAndScroll}
            onAccept={acceptSuggestion}
            onDismiss={dismissSuggestion}
          />
        ) : null}
        <SpanList spans={listed} labels={labels} selectedId={selectedId} onSelect={selectAndScroll} />
      </aside>
      <Dialog open={guidelinesOpen} onOpenChange={setGuidelinesOpen} title={`Guidelines · ${project.name}`}>
        <div className="max-h-[60vh] overflow-y-auto">{guidelines ?? <p className="text-sm text-stone-700">This project has no guidelines yet.</p>}</div>
      </Dialog>
      <Dialog open={helpOpen} onOpenChange={setHelpOpen} title="Keyboard shortcuts">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Keyboard shortcuts</caption>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.keys} className="border-b border-stone-100">
                <th scope="row" className="py-1 pr-3 font-mono text-xs font-normal">
                  {shortcut.keys}
                </th>
                <td className="py-1">{shortcut.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Dialog>
    </div>
  );
}
