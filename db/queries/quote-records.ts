import type { ClusteredQuote } from "./quotes";
import type { QuoteRecord } from "../../lib/formats/writers/quotes";

export function quoteRecord(row: ClusteredQuote): QuoteRecord {
  return {
    article: row.article,
    outlet: row.outlet,
    published_at: row.publishedAt,
    label: row.label,
    start: row.start,
    end: row.end,
    text: row.text,
    speaker: row.speaker,
    cluster: row.cluster,
    layer: row.layer,
  };
}
