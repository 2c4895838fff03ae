import { csvRow } from "../formats/writers/csv";

/** One quote or claim attributed to an actor, as the actor page and its CSV list it. */
export type AttributedQuote = {
  article: { externalId: string; title: string; outlet: string | null; publishedAt: string | null };
  layer: string;
  label: string;
  start: number;
  end: number;
  text: string;
  speakerText: string;
  before: string;
  after: string;
};

export const QUOTES_CSV_HEADER = ["actor", "article", "title", "outlet", "published_at", "layer", "label", "start", "end", "text", "speaker_text", "context_before", "context_after"] as const;

/** RFC 4180 CSV with a header, formula-guarded cells (lib/formats/writers/csv.ts). */
export function quotesCsv(actorName: string, quotes: readonly AttributedQuote[]): string {
  let out = csvRow([...QUOTES_CSV_HEADER]);
  for (const q of quotes) {
    out += csvRow([actorName, q.article.externalId, q.article.title, q.article.outlet, q.article.publishedAt, q.layer, q.label, q.start, q.end, q.text, q.speakerText, q.before, q.after]);
  }
  return out;
}

/** A file name for the download: the actor's name in safe characters. */
export function quotesFileName(projectSlug: string, actorName: string): string {
  const safe = actorName.replace(/ß/g, "ss").normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "actor";
  return `${projectSlug}-${safe}-quotes.csv`;
}
