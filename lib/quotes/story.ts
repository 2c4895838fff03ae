/**
 * What the quote pages show of a cluster: its quotes in date order with the words each outlet
 * changed against the earliest wording, who each outlet says spoke, and whether the outlets
 * disagree about the speaker (a possible misattribution).
 */
import { wordDiff, type DiffPiece } from "./word-diff";
import { wordSimilarity } from "./similarity";
import { normaliseQuote, quoteWords } from "./normalise";

export type StoryQuote = {
  key: string;
  cluster: string;
  article: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  label: string;
  text: string;
  speaker: string | null;
  /** The canonical actor's id when the speaker links one; unlinked speakers compare by name. */
  speakerActorId: string | null;
};

export type StoryEntry = StoryQuote & { pieces: DiffPiece[]; missing: string[]; verbatim: boolean };

export type ClusterSummary = {
  id: string;
  label: string;
  text: string;
  quotes: number;
  outlets: number;
  firstPublished: string | null;
  speakers: { name: string; quotes: number }[];
  misattributed: boolean;
};

const byDate = (a: StoryQuote, b: StoryQuote) =>
  (a.publishedAt ?? "9999") < (b.publishedAt ?? "9999") ? -1 : (a.publishedAt ?? "9999") > (b.publishedAt ?? "9999") ? 1 : a.article < b.article ? -1 : a.article > b.article ? 1 : a.key < b.key ? -1 : 1;

function speakerIdentity(quote: StoryQuote): string | null {
  if (quote.speakerActorId) return `actor:${quote.speakerActorId}`;
  return quote.speaker ? `name:${quote.speaker.trim().toLocaleLowerCase("und")}` : null;
}

/** The distinct speakers of a cluster's quotes, most quotes first; more than one is a possible misattribution. */
export function clusterSpeakers(quotes: readonly StoryQuote[]): { name: string; quotes: number }[] {
  const counts = new Map<string, { name: string; quotes: number }>();
  for (const quote of quotes) {
    const identity = speakerIdentity(quote);
    if (!identity) continue;
    const entry = counts.get(identity) ?? { name: quote.speaker!, quotes: 0 };
    entry.quotes++;
    counts.set(identity, entry);
  }
  return [...counts.values()].sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
}

export function clusterStory(quotes: readonly StoryQuote[]): { entries: StoryEntry[]; speakers: { name: string; quotes: number }[]; misattributed: boolean } {
  const ordered = [...quotes].sort(byDate);
  const base = ordered[0]?.text ?? "";
  const baseNormal = normaliseQuote(base);
  const entries = ordered.map((quote, index) => {
    const { pieces, missing } = index === 0 ? { pieces: [{ text: quote.text, kind: "same" as const }], missing: [] } : wordDiff(base, quote.text);
    // The first wording is the one the others are compared with: "the same words" says nothing of it.
    return { ...quote, pieces, missing, verbatim: index > 0 && normaliseQuote(quote.text) === baseNormal };
  });
  const speakers = clusterSpeakers(ordered);
  return { entries, speakers, misattributed: speakers.length > 1 };
}

export function summariseClusters(quotes: readonly StoryQuote[]): ClusterSummary[] {
  const groups = new Map<string, StoryQuote[]>();
  for (const quote of quotes) {
    const list = groups.get(quote.cluster);
    if (list) list.push(quote);
    else groups.set(quote.cluster, [quote]);
  }
  return [...groups].map(([id, members]) => {
    const ordered = [...members].sort(byDate);
    const speakers = clusterSpeakers(ordered);
    return {
      id,
      label: ordered[0].label,
      text: ordered[0].text,
      quotes: ordered.length,
      outlets: new Set(ordered.map((q) => q.outlet ?? q.article)).size,
      firstPublished: ordered[0].publishedAt,
      speakers,
      misattributed: speakers.length > 1,
    };
  });
}

/** Other clusters whose earliest wording comes closest to this one's (below the threshold, or they would be one). */
export function nearClusters(cluster: ClusterSummary, others: readonly ClusterSummary[], limit = 5): (ClusterSummary & { score: number })[] {
  const vocabulary = new Map<string, number>();
  const ids = (text: string) =>
    quoteWords(normaliseQuote(text)).map((word) => {
      let id = vocabulary.get(word);
      if (id === undefined) vocabulary.set(word, (id = vocabulary.size));
      return id;
    });
  const mine = ids(cluster.text);
  return others
    .filter((other) => other.id !== cluster.id && other.label === cluster.label)
    .map((other) => ({ ...other, score: wordSimilarity(mine, ids(other.text)) }))
    .filter((other) => other.score > 0.3)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

export type ActorTimelineEntry = { date: string | null; outlet: string | null; article: string; title: string; cluster: string; text: string };

/**
 * An actor's statements across the corpus: the clusters holding at least one quote or claim
 * attributed to them (earliest first, with every outlet that carried them, whoever it named),
 * and a timeline of the quotes attributed to them, by date.
 */
export function actorStatements(quotes: readonly StoryQuote[], actorId: string): { clusters: ClusterSummary[]; timeline: ActorTimelineEntry[] } {
  const mine = quotes.filter((quote) => quote.speakerActorId === actorId);
  const ids = new Set(mine.map((quote) => quote.cluster));
  const clusters = summariseClusters(quotes.filter((quote) => ids.has(quote.cluster))).sort(
    (a, b) => (a.firstPublished ?? "9999").localeCompare(b.firstPublished ?? "9999") || b.outlets - a.outlets,
  );
  const timeline = [...mine]
    .sort((a, b) => (a.publishedAt ?? "9999").localeCompare(b.publishedAt ?? "9999") || a.article.localeCompare(b.article))
    .map((quote) => ({ date: quote.publishedAt, outlet: quote.outlet, article: quote.article, title: quote.title, cluster: quote.cluster, text: quote.text }));
  return { clusters, timeline };
}
