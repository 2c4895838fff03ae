/**
 * Quote clustering at corpus scale: 10,000 articles carrying 50,000 quotes, of which a third are
 * statements carried by several outlets (verbatim, re-quoted with other quotation marks, a word
 * changed, or only a part), the rest said once. Prints the full clustering time, then the time
 * to match one more article's quotes against everything (incremental), and checks the clusters
 * against the statements the generator made.
 * Run: npx tsx bench/quote-clusters.ts   (ARTICLES=10000 QUOTES_PER_ARTICLE=5)
 */
import os from "node:os";
import { QuoteClusterer, type QuoteInput } from "../lib/quotes/cluster";
import { randomInt, seededRandom } from "../lib/text/test-support";

const ARTICLES = Number(process.env.ARTICLES ?? 10_000);
const PER_ARTICLE = Number(process.env.QUOTES_PER_ARTICLE ?? 5);
const random = seededRandom(42);

// A Zipf-like vocabulary: a few very common words, many rare ones, as in news text.
const VOCABULARY = Array.from({ length: 8000 }, (_, k) => `w${k.toString(36)}`);
const word = () => VOCABULARY[Math.floor(VOCABULARY.length * random() ** 3)];
const sentence = (length: number) => Array.from({ length }, word).join(" ");
const MARKS: [string, string][] = [["“", "”"], ['"', '"'], ["«", "»"], ["„", "“"], ["‘", "’"]];

function alter(text: string): string {
  const words = text.split(" ");
  const roll = random();
  if (roll < 0.5) return text; // verbatim
  if (roll < 0.8) {
    words[randomInt(random, words.length)] = word(); // a word changed
    return words.join(" ");
  }
  const from = randomInt(random, Math.max(1, words.length - 8));
  return words.slice(from, from + 8 + randomInt(random, 6)).join(" "); // a part
}

function main() {
  const total = ARTICLES * PER_ARTICLE;
  const quotes: (QuoteInput & { statement: number })[] = [];
  const statements: string[] = [];
  while (quotes.length < total) {
    const statement = statements.push(sentence(8 + randomInt(random, 25))) - 1;
    const carried = random() < 0.12 ? 2 + randomInt(random, 5) : 1;
    for (let k = 0; k < carried && quotes.length < total; k++) {
      const [open, close] = MARKS[randomInt(random, MARKS.length)];
      const article = quotes.length / PER_ARTICLE;
      quotes.push({ key: `article-${Math.floor(article)}:${quotes.length}`, text: `${open}${alter(statements[statement])}${close}`, statement });
    }
  }
  // Spread each statement's outlets over the corpus.
  for (let i = quotes.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [quotes[i].text, quotes[j].text, quotes[i].statement, quotes[j].statement] = [quotes[j].text, quotes[i].text, quotes[j].statement, quotes[i].statement];
  }
  const last = quotes.splice(quotes.length - PER_ARTICLE, PER_ARTICLE);
  console.log(`${os.cpus().length} CPUs, load average ${os.loadavg().map((v) => v.toFixed(1)).join(" ")}; ${ARTICLES} articles, ${total} quotes of ${statements.length} statements`);

  const runs: number[] = [];
  let clusterer = new QuoteClusterer();
  for (let run = 0; run < 3; run++) {
    clusterer = new QuoteClusterer();
    const began = performance.now();
    clusterer.add(quotes);
    runs.push(performance.now() - began);
  }
  const clusters = clusterer.clusters();
  const incremental: number[] = [];
  for (let run = 0; run < 5; run++) {
    const copy = last.map((quote) => ({ ...quote, key: `${quote.key}#${run}` }));
    const began = performance.now();
    clusterer.add(copy);
    for (const quote of copy) clusterer.clusterOf(quote.key);
    incremental.push(performance.now() - began);
  }

  // Quality against the generator: pairs of quotes of one statement put together (recall), and clusters mixing statements (purity).
  const statementOf = new Map(quotes.map((q) => [q.key, q.statement]));
  let mixed = 0;
  let together = 0;
  for (const cluster of clusters) {
    const kinds = new Set(cluster.members.map((key) => statementOf.get(key)));
    if (kinds.size > 1) mixed++;
  }
  const bySize = new Map<number, number>();
  for (const q of quotes) bySize.set(q.statement, (bySize.get(q.statement) ?? 0) + 1);
  let pairs = 0;
  for (const size of bySize.values()) pairs += (size * (size - 1)) / 2;
  const clusterOf = new Map(clusters.flatMap((cluster) => cluster.members.map((key) => [key, cluster.id] as const)));
  const byStatement = new Map<number, string[]>();
  for (const q of quotes) byStatement.set(q.statement, [...(byStatement.get(q.statement) ?? []), clusterOf.get(q.key)!]);
  for (const ids of byStatement.values()) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) if (ids[i] === ids[j]) together++;

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`full clustering of ${quotes.length} quotes: median ${(median(runs) / 1000).toFixed(2)} s (runs ${runs.map((r) => (r / 1000).toFixed(2)).join(", ")} s), ${clusterer.compared} pairs above the threshold`);
  console.log(`one more article (${PER_ARTICLE} quotes) matched incrementally: median ${median(incremental).toFixed(1)} ms (max ${Math.max(...incremental).toFixed(1)} ms)`);
  console.log(`clusters: ${clusters.length}, of which ${clusters.filter((c) => c.members.length > 1).length} with several quotes; ` +
    `pairs of one statement put together ${together}/${pairs} (${((100 * together) / pairs).toFixed(1)} %); clusters mixing statements ${mixed}`);
  console.log(`targets: full < 60 s ${median(runs) < 60_000 ? "met" : "MISSED"}; incremental < 1 s ${median(incremental) < 1000 ? "met" : "MISSED"}`);
}

main();
