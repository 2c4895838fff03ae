/**
 * Native JSONL writer: one article a line, keys in the order of DESIGN.md, so
 * that import → export → import gives the same data (and diffs stay readable).
 */
import { restrictToLayers, type LayerSelection } from "../layers";
import type { ImportedArticle, LayerContent, SpanData } from "../model";
import type { Source } from "../stream";

export interface NativeWriterOptions {
  layer?: LayerSelection;
}

export function nativeJsonlLine(article: ImportedArticle): string {
  const ordered = {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    url: article.url,
    published_at: article.published_at,
    meta: article.meta,
    text: article.text,
    annotations: article.annotations.map((layer) => ({ annotator: layer.annotator, ...orderedLayer(layer) })),
    gold: article.gold ? orderedLayer(article.gold) : null,
  };
  return JSON.stringify(ordered);
}

function orderedLayer(layer: LayerContent) {
  return {
    spans: layer.spans.map(orderedSpan),
    relations: layer.relations.map(({ type, from, to }) => ({ type, from, to })),
  };
}

function orderedSpan(span: SpanData) {
  const { id, start, end, label, text, attributes, note, actor } = span;
  return { id, start, end, label, text, attributes, note, actor };
}

/** Streams lines ("…\n" per article). */
export async function* writeNativeJsonl(
  articles: Source<ImportedArticle>,
  options: NativeWriterOptions = {},
): AsyncGenerator<string> {
  for await (const article of articles) yield nativeJsonlLine(restrictToLayers(article, options.layer)) + "\n";
}
