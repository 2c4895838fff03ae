/**
 * Our page: ArticleEditor mounted with React 19's createRoot. `?mode=open` mounts it with
 * every span (as the app opens an article); `?mode=handover` mounts the bare text and
 * hands the spans over when bench.start() is called.
 */
import { useEffect, useState } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { EditorState } from "@tiptap/pm/state";
import { EditorView } from "@tiptap/pm/view";
import { ArticleEditor, type EditorCallbacks } from "@/components/editor/article-editor";
import type { BenchSpan } from "./article";
import { COLOURS, afterFrame, longestTask, nextFrame, page, sleep } from "./page-support";

const scriptStart = performance.now();
const { text, spans, extras } = page.BENCH;
const colourOf = (label: string) => COLOURS[label] ?? "#777777";
const callbacks: EditorCallbacks = { onKey: () => false, onClickAt() {}, onDragBound() {} };
const BITS: Record<string, number> = { QUOTE: 1, CLAIM: 2, ACTOR: 4 };

// Code point offset where each line (= editor paragraph) starts.
const lineStarts: number[] = [0];
for (const line of text.split("\n")) lineStarts.push(lineStarts[lineStarts.length - 1] + [...line].length + 1);

/**
 * The labels painted on each code point, read back from the DOM alone: the `data-labels` of
 * the `.sm-seg` element around it. Line ends have no DOM of their own and count as painted.
 */
function paintedLabels(): Uint8Array | null {
  const paragraphs = document.querySelectorAll(".ProseMirror > p");
  if (paragraphs.length !== lineStarts.length - 1) return null;
  const labels = new Uint8Array(lineStarts[lineStarts.length - 1]);
  paragraphs.forEach((paragraph, k) => {
    let at = lineStarts[k];
    labels[lineStarts[k + 1] - 1] = 255;
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const segment = node.parentElement?.closest<HTMLElement>(".sm-seg");
      const bits = segment ? (segment.dataset.labels ?? "").split(" ").reduce((sum, label) => sum | (BITS[label] ?? 0), 0) : 0;
      const data = node.data;
      for (let i = 0; i < data.length; i++) {
        const unit = data.charCodeAt(i);
        if (unit >= 0xdc00 && unit <= 0xdfff && i > 0 && (data.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue;
        labels[at++] = bits;
      }
    }
  });
  return labels;
}

/** How many of `list` have every code point painted with their label. */
function countPainted(list: readonly BenchSpan[]): number {
  if (!document.querySelector(".sm-seg")) return 0;
  const labels = paintedLabels();
  if (!labels) return 0;
  let painted = 0;
  for (const span of list) {
    let whole = true;
    for (let cp = span.start; cp < span.end && whole; cp++) whole = (labels[cp] & BITS[span.label]) !== 0;
    if (whole) painted++;
  }
  return painted;
}

/**
 * Resolves at the first moment every span of `list` is painted (`at`) and at the end of the frame
 * that shows them (`framed`). The DOM is looked at after every React commit (Probe's effect runs
 * after the editor's, which paints) and at every frame; the full check runs after that frame, so
 * neither the times nor the long tasks count it, and holds only if no segment came or went since
 * the look. (A subtree MutationObserver would see the paint too, but slows ProseMirror's DOM update
 * by a third.)
 */
function whenPainted(list: readonly BenchSpan[]): Promise<{ at: number; framed: number }> {
  return new Promise((resolve) => {
    let seen: { at: number; segments: number } | null = null;
    const verify = (framed: number) => {
      if (seen && document.querySelectorAll(".sm-seg").length === seen.segments && countPainted(list) === list.length) {
        probes.delete(look);
        resolve({ at: seen.at, framed });
      }
      seen = null;
    };
    const look = (inFrame = false) => {
      const at = performance.now();
      if (seen || !document.querySelector(".sm-seg")) return;
      seen = { at, segments: document.querySelectorAll(".sm-seg").length };
      if (inFrame) void afterFrame().then(verify);
      else requestAnimationFrame(() => void afterFrame().then(verify));
    };
    probes.add(look);
    const poll = () => probes.has(look) && (look(true), requestAnimationFrame(poll));
    requestAnimationFrame(poll);
  });
}

const probes = new Set<(inFrame?: boolean) => void>();
function Probe() {
  useEffect(() => probes.forEach((check) => check()));
  return null;
}

/**
 * Where the time goes: milliseconds spent in EditorState.applyTransaction (the plugin builds its
 * decorations there) and in EditorView.updateState (ProseMirror draws them), summed since `reset`.
 */
const phases = { apply: 0, view: 0 };
function timePhase(proto: object, name: string, phase: keyof typeof phases) {
  const target = proto as Record<string, (...args: unknown[]) => unknown>;
  const original = target[name];
  target[name] = function (this: unknown, ...args: unknown[]) {
    const began = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      phases[phase] += performance.now() - began;
    }
  };
}
timePhase(EditorState.prototype, "applyTransaction", "apply");
timePhase(EditorView.prototype, "updateState", "view");
const takePhases = () => {
  const taken = { ...phases };
  phases.apply = phases.view = 0;
  return taken;
};

const mode = new URLSearchParams(location.search).get("mode");
let setSpans: (next: readonly BenchSpan[]) => void = () => {};

function Bench({ initial }: { initial: readonly BenchSpan[] }) {
  const [current, set] = useState(initial);
  setSpans = set;
  return (
    <>
      <ArticleEditor text={text} spans={current} selectedId={null} colourOf={colourOf} callbacks={callbacks} label="Article" />
      <Probe />
    </>
  );
}

const main = document.querySelector("main")!;
const opened = mode === "open" ? whenPainted(spans) : null;
createRoot(main).render(<Bench initial={mode === "open" ? spans : []} />);

let extrasTagged = 0;
const summary = () => ({ painted: countPainted(spans), of: spans.length, segments: document.querySelectorAll(".sm-seg").length });

page.bench = {
  /** Navigation start (performance.now() = 0) to every span painted. */
  async open() {
    const { at, framed } = await opened!;
    return { ms: at, framed, scriptStart, ...takePhases(), longestTask: await longestTask(0, at), ...summary() };
  },

  /** The spans handed to the mounted editor as new props, to every span painted. */
  async start() {
    while (!document.querySelector(".ProseMirror p")) await nextFrame();
    await sleep(300);
    takePhases();
    const began = performance.now();
    const painted = whenPainted(spans);
    setSpans(spans);
    const { at, framed } = await painted;
    return { ms: at - began, framed: framed - began, ...takePhases(), longestTask: await longestTask(began, at), ...summary() };
  },

  /**
   * One more span (the next of `extras`) tagged at the start of a frame, with flushSync as a keydown
   * handler's update would be, to the end of the first frame that shows it.
   */
  async tag() {
    const tagged = [...spans, ...extras.slice(0, ++extrasTagged)];
    await nextFrame();
    takePhases();
    const { began, script, paint } = await new Promise<{ began: number; script: number; paint: number }>((resolve) =>
      requestAnimationFrame(async () => {
        const began = performance.now();
        flushSync(() => setSpans(tagged));
        const script = performance.now() - began;
        for (;;) {
          const at = await afterFrame();
          if (countPainted(tagged) === tagged.length) return resolve({ began, script, paint: at - began });
          await nextFrame();
        }
      }),
    );
    return { script, paint, ...takePhases(), longestTask: await longestTask(began, began + paint) };
  },

  /** window.scrollBy one step per frame from the top to the bottom of the article. */
  async scroll() {
    window.scrollTo(0, 0);
    await nextFrame();
    const began = performance.now();
    let frames = 0;
    while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1) {
      window.scrollBy(0, 240);
      await nextFrame();
      frames++;
    }
    const ended = performance.now();
    return { ms: ended - began, frames, longestTask: await longestTask(began, ended) };
  },
};
