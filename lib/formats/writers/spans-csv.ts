/**
 * CSV of spans: one row per span of every exported layer, columns
 *   article, layer, label, start, end, text, actor, attributed_to
 * `actor` is an ACTOR span's canonical actor; `attributed_to` names the
 * speaker(s) of a QUOTE/CLAIM (the actor, or the ACTOR span's text when it
 * links none), several joined with " | ". Cells are quoted and guarded
 * against formula injection as csv.ts explains.
 */
import { layersForExport, speakersBySpan, type LayerSelection } from "../layers";
import type { ImportedArticle } from "../model";
import type { Source } from "../stream";
import { csvRow } from "./csv";

export const SPANS_CSV_COLUMNS = ["article", "layer", "label", "start", "end", "text", "actor", "attributed_to"] as const;
export const SPEAKER_SEPARATOR = " | ";

export interface SpansCsvOptions {
  layer?: LayerSelection;
  /** Start with a UTF-8 byte order mark, which Excel needs to read UTF-8 (default false). */
  bom?: boolean;
}

export function spansCsvRows(article: ImportedArticle, options: SpansCsvOptions = {}): string {
  let out = "";
  for (const layer of layersForExport(article, options.layer)) {
    const speakers = speakersBySpan(layer);
    for (const span of layer.spans) {
      const names = (speakers.get(span.id) ?? []).map((speaker) => speaker.name);
      out += csvRow([article.id, layer.name, span.label, span.start, span.end, span.text, span.actor, names.length ? names.join(SPEAKER_SEPARATOR) : null]);
    }
  }
  return out;
}

export async function* writeSpansCsv(articles: Source<ImportedArticle>, options: SpansCsvOptions = {}): AsyncGenerator<string> {
  yield (options.bom ? "\uFEFF" : "") + csvRow([...SPANS_CSV_COLUMNS]);
  for await (const article of articles) {
    const rows = spansCsvRows(article, options);
    if (rows) yield rows;
  }
}
