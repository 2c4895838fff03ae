/**
 * W3C Web Annotation (JSON-LD) writer: one Annotation per span, streamed
 * inside one AnnotationCollection (its single AnnotationPage; no `total`,
 * since the count is not known while streaming).
 *
 * target: the article's stored text (`{base}articles/{id}`; its public URL,
 * when known, as `scope`), selected twice:
 *   TextPositionSelector {start, end}  code points, as the W3C model defines them;
 *   TextQuoteSelector {exact, prefix, suffix}  prefix/suffix up to 32 code points,
 *     shortened to a grapheme boundary (Intl.Segmenter) so no flag or emoji
 *     sequence is cut in half.
 * body: the label as a tagging TextualBody; an ACTOR span's canonical actor as
 * an identifying TextualBody; each attribution as a linking SpecificResource
 * pointing at the ACTOR span's annotation (with the speaker's name); the note
 * as a commenting TextualBody. Sourcemark terms (layer, relation, speaker,
 * attributes) are in an extra context under urn:sourcemark:ns#.
 */
import { CodePointText } from "../code-point-text";
import { GraphemeBoundaries } from "../grapheme-boundaries";
import { layersForExport, speakersBySpan, type LayerSelection } from "../layers";
import { GOLD_LAYER, type ImportedArticle } from "../model";
import type { Source } from "../stream";

export interface WebAnnotationOptions {
  layer?: LayerSelection;
  /** IRI prefix for ids, ending in "/" or ":" (e.g. https://host/api/v1/projects/slug/). Default urn:sourcemark:. */
  baseIri?: string;
  /** The collection's label. */
  label?: string;
}

export const QUOTE_CONTEXT_CODE_POINTS = 32;

export const WEB_ANNOTATION_CONTEXT = [
  "http://www.w3.org/ns/anno.jsonld",
  {
    sm: "urn:sourcemark:ns#",
    layer: "sm:layer",
    relation: "sm:relation",
    speaker: "sm:speaker",
    attributes: { "@id": "sm:attributes", "@type": "@json" },
  },
];

const DEFAULT_BASE = "urn:sourcemark:";
/** Up to `size` code points before `start` and after `end`, cut at grapheme boundaries. */
export function quoteContext(text: CodePointText, boundaries: GraphemeBoundaries, start: number, end: number, size = QUOTE_CONTEXT_CODE_POINTS) {
  const low = Math.max(0, start - size);
  const before = boundaries.between(low, start);
  let from = low;
  while (from < start && !before[from - low]) from++;
  const high = Math.min(text.length, end + size);
  const after = boundaries.between(end, high);
  let to = high;
  while (to > end && !after[to - end]) to--;
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

function articleIri(base: string, id: string): string {
  return `${base}articles/${encodeURIComponent(id)}`;
}

export function annotationIri(base: string, articleId: string, layer: string, spanId: string): string {
  return `${articleIri(base, articleId)}/layers/${encodeURIComponent(layer)}/spans/${encodeURIComponent(spanId)}`;
}

/** The annotations of one article (without @context; add it when used alone). */
export function webAnnotationsFor(article: ImportedArticle, options: WebAnnotationOptions = {}): Record<string, unknown>[] {
  const base = options.baseIri ?? DEFAULT_BASE;
  const layers = layersForExport(article, options.layer);
  if (!layers.some((layer) => layer.spans.length)) return [];
  const text = new CodePointText(article.text);
  const boundaries = new GraphemeBoundaries(text);
  const out: Record<string, unknown>[] = [];
  for (const layer of layers) {
    const speakers = speakersBySpan(layer);
    for (const span of layer.spans) {
      const body: Record<string, unknown>[] = [{ type: "TextualBody", purpose: "tagging", value: span.label }];
      if (span.actor !== null) body.push({ type: "TextualBody", purpose: "identifying", value: span.actor });
      for (const speaker of speakers.get(span.id) ?? []) {
        body.push({
          type: "SpecificResource",
          purpose: "linking",
          relation: "attributed_to",
          source: annotationIri(base, article.id, layer.name, speaker.span.id),
          speaker: speaker.name,
        });
      }
      if (span.note !== null) body.push({ type: "TextualBody", purpose: "commenting", value: span.note });
      const target: Record<string, unknown> = { source: articleIri(base, article.id) };
      if (article.url) target.scope = article.url;
      target.selector = [
        { type: "TextPositionSelector", start: span.start, end: span.end },
        { type: "TextQuoteSelector", exact: span.text, ...quoteContext(text, boundaries, span.start, span.end) },
      ];
      const annotation: Record<string, unknown> = {
        id: annotationIri(base, article.id, layer.name, span.id),
        type: "Annotation",
        motivation: "tagging",
        layer: layer.name,
      };
      if (layer.name !== GOLD_LAYER) annotation.creator = { type: "Person", email: `mailto:${layer.name}` };
      annotation.body = body;
      annotation.target = target;
      if (Object.keys(span.attributes).length) annotation.attributes = span.attributes;
      out.push(annotation);
    }
  }
  return out;
}

/** Streams one AnnotationCollection, one annotation a line. */
export async function* writeWebAnnotationCollection(
  articles: Source<ImportedArticle>,
  options: WebAnnotationOptions = {},
): AsyncGenerator<string> {
  const base = options.baseIri ?? DEFAULT_BASE;
  const head = {
    "@context": WEB_ANNOTATION_CONTEXT,
    id: `${base}collections/export`,
    type: "AnnotationCollection",
    label: options.label ?? "Sourcemark export",
  };
  const page = { id: `${base}collections/export/page1`, type: "AnnotationPage", startIndex: 0 };
  // Open the JSON by hand so the items can stream.
  yield `${JSON.stringify(head).slice(0, -1)},"first":${JSON.stringify(page).slice(0, -1)},"items":[\n`;
  let first = true;
  for await (const article of articles) {
    const annotations = webAnnotationsFor(article, options);
    if (!annotations.length) continue;
    yield (first ? "" : ",\n") + annotations.map((a) => JSON.stringify(a)).join(",\n");
    first = false;
  }
  yield "\n]}}\n";
}
