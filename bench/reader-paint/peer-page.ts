/**
 * The peer: @recogito/text-annotator 4 on the same text in plain paragraphs. Its default
 * "SPANS" renderer paints one absolutely placed `.r6o-annotation` element per highlight
 * rectangle into `.r6o-span-highlight-layer`, in a requestAnimationFrame after a 10 ms
 * debounce, and only for annotations that intersect the viewport.
 */
import { createTextAnnotator, type Color, type TextAnnotation } from "@recogito/text-annotator";
import "@recogito/text-annotator/text-annotator.css";
import { COLOURS, longestTask, page, sleep, whenDom } from "./page-support";

const { text, spans, utf16 } = page.BENCH;

// "\n" text nodes between the paragraphs keep the container's text equal to the article,
// so Recogito's offsets (UTF-16, counted over the container's text) are `utf16` as is.
const container = document.createElement("div");
text.split("\n").forEach((line, k) => {
  if (k > 0) container.append("\n");
  const paragraph = document.createElement("p");
  paragraph.textContent = line;
  container.append(paragraph);
});
document.querySelector("main")!.append(container);

const labelOf = new Map(spans.map((span) => [span.id, span.label]));
const anno = createTextAnnotator<TextAnnotation, TextAnnotation>(container, {
  style: (annotation) => ({ fill: (COLOURS[labelOf.get(annotation.id) ?? ""] ?? "#777777") as Color, fillOpacity: 0.25 }),
});

const annotations = spans.map((span, k) => {
  const [start, end] = utf16[k];
  return {
    id: span.id,
    bodies: [{ id: `${span.id}-label`, annotation: span.id, purpose: "tagging", value: span.label }],
    target: { annotation: span.id, selector: [{ quote: text.slice(start, end), start, end }] },
  } as unknown as TextAnnotation; // the selector's Range is revived by Recogito from start/end
});

const layer = () => container.querySelector(".r6o-span-highlight-layer")!;
const paintedIds = () => new Set([...layer().querySelectorAll<HTMLElement>(".r6o-annotation")].map((e) => e.dataset.annotation));

page.bench = {
  /** setAnnotations with every span, to the first highlights in the DOM (one redraw paints all it will). */
  async start() {
    await sleep(300);
    const began = performance.now();
    const painted = whenDom(layer(), () => layer().querySelector(".r6o-annotation") !== null);
    // Replacing (the default, `true`) goes through the core store's syncAnnotations, which 4.1.1 does not
    // wrap: the selectors' DOM ranges are never revived and nothing is painted (fixed upstream in
    // text-annotator-js#276, unreleased). Merging into the empty store revives them, as replacing did before.
    anno.setAnnotations(annotations, false);
    const returned = performance.now() - began;
    const { at, framed } = await painted;
    const first = paintedIds().size;
    await sleep(1000); // any later redraw would change the count
    return {
      ms: at - began,
      framed: framed - began,
      returned,
      longestTask: await longestTask(began, at),
      painted: first,
      paintedLater: paintedIds().size,
      rects: layer().querySelectorAll(".r6o-annotation").length,
      of: spans.length,
    };
  },
};
