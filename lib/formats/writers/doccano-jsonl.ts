/**
 * doccano JSONL writer: {"id", "text", "label": [[start, end, "LABEL"], ...]}
 * with code-point offsets, as doccano imports it. Title, outlet, url,
 * published_at and meta fields go at the top level (doccano keeps unknown
 * fields as metadata, and our reader reads them back). With `variant:
 * "entities"` spans are written as doccano's relation-project shape, which
 * keeps attributions.
 */
import { isSingleLayer, layersForExport, type LayerSelection, type NamedLayer } from "../layers";
import type { ImportedArticle } from "../model";
import { DOCCANO_KNOWN_KEYS } from "../readers/doccano-jsonl";
import type { Source } from "../stream";

export interface DoccanoWriterOptions {
  layer?: LayerSelection;
  variant?: "label" | "entities";
}

/**
 * One line per article for a single-layer selection; otherwise one line per
 * (article, layer), each with an "annotator" field ("gold" for gold). Such a
 * file repeats ids, so re-import it one annotator at a time.
 */
export function doccanoLines(article: ImportedArticle, options: DoccanoWriterOptions = {}): string[] {
  const single = isSingleLayer(options.layer);
  return layersForExport(article, options.layer).map((layer) =>
    JSON.stringify(doccanoObject(article, layer, options.variant ?? "label", single ? undefined : layer.name)),
  );
}

export function doccanoObject(
  article: ImportedArticle,
  layer: NamedLayer,
  variant: "label" | "entities",
  annotator?: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { id: article.id, text: article.text };
  if (variant === "label") {
    out.label = layer.spans.map((span) => [span.start, span.end, span.label]);
  } else {
    // doccano's entity ids are integers; number spans in order and map relations.
    const numbers = new Map(layer.spans.map((span, i) => [span.id, i + 1]));
    out.entities = layer.spans.map((span, i) => ({ id: i + 1, label: span.label, start_offset: span.start, end_offset: span.end }));
    out.relations = layer.relations.map((relation, i) => ({
      id: i + 1,
      from_id: numbers.get(relation.from),
      to_id: numbers.get(relation.to),
      type: relation.type,
    }));
  }
  out.title = article.title;
  if (article.outlet !== null) out.outlet = article.outlet;
  if (article.url !== null) out.url = article.url;
  if (article.published_at !== null) out.published_at = article.published_at;
  if (annotator !== undefined) out.annotator = annotator;
  // Meta fields go at the top level unless their name is taken; those nest under "meta".
  const nested: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(article.meta)) {
    if (DOCCANO_KNOWN_KEYS.has(key) || key in out) nested[key] = value;
    else out[key] = value;
  }
  if (Object.keys(nested).length) out.meta = nested;
  return out;
}

export async function* writeDoccanoJsonl(
  articles: Source<ImportedArticle>,
  options: DoccanoWriterOptions = {},
): AsyncGenerator<string> {
  for await (const article of articles) {
    const lines = doccanoLines(article, options);
    if (lines.length) yield lines.join("\n") + "\n";
  }
}
