/**
 * Quote clusters: the same statement carried by several articles, verbatim or altered. Quotes
 * are matched on their normalised words (normalise.ts): candidates share a rare word pair, pairs
 * scoring at least the threshold (similarity.ts) are joined, strongest first, and reviewers'
 * decisions win over scores: `together` pairs are joined before anything else, and no join ever
 * puts an `apart` pair into one cluster.
 */
import { normaliseQuote, quoteWords } from "./normalise";
import { similarityBound, wordSimilarity } from "./similarity";

export const DEFAULT_THRESHOLD = 0.75;
/** A word pair carried by more quotes than this says nothing about which statement a quote is. */
const MAX_POSTINGS = 400;

export type QuoteInput = { key: string; text: string };
export type ClusterDecision = { kind: "together" | "apart"; a: string; b: string };
export type QuoteCluster = { id: string; members: string[] };

/** The words of each quote as numbers (one vocabulary for the whole run) and their word pairs. */
export class QuoteIndex {
  private readonly vocabulary = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  readonly keys: string[] = [];
  readonly words: Uint32Array[] = [];
  private readonly pairsOf: string[][] = [];

  add(quote: QuoteInput): number {
    const position = this.keys.length;
    const ids = Uint32Array.from(quoteWords(normaliseQuote(quote.text)), (word) => {
      let id = this.vocabulary.get(word);
      if (id === undefined) this.vocabulary.set(word, (id = this.vocabulary.size));
      return id;
    });
    this.keys.push(quote.key);
    this.words.push(ids);
    const pairs = new Set<string>();
    if (ids.length === 1) pairs.add(`${ids[0]}`);
    for (let i = 0; i + 1 < ids.length; i++) pairs.add(`${ids[i]} ${ids[i + 1]}`);
    this.pairsOf.push([...pairs]);
    for (const pair of pairs) {
      const list = this.postings.get(pair);
      if (list) list.push(position);
      else this.postings.set(pair, [position]);
    }
    return position;
  }

  /** Quotes (positions) sharing enough rare word pairs with quote `position`, with their scores, if at least `threshold`. */
  matches(position: number, threshold: number, onlyBefore = false): { other: number; score: number }[] {
    const shared = new Map<number, number>();
    const pairs = this.pairsOf[position];
    let rare = 0;
    for (const pair of pairs) {
      const list = this.postings.get(pair)!;
      if (list.length > MAX_POSTINGS) continue;
      rare++;
      for (const other of list) if (other !== position && (!onlyBefore || other < position)) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    const found: { other: number; score: number }[] = [];
    const words = this.words[position];
    // A changed word breaks at most two pairs; a quote needs a fifth of its rare pairs in common (at least one).
    const needed = Math.max(1, Math.floor(rare / 5));
    for (const [other, count] of shared) {
      if (count < Math.min(needed, this.pairsOf[other].length)) continue;
      if (similarityBound(words.length, this.words[other].length) < threshold) continue;
      const score = wordSimilarity(words as unknown as number[], this.words[other] as unknown as number[]);
      if (score >= threshold) found.push({ other, score });
    }
    return found;
  }
}

/** Union-find whose groups refuse to join when a reviewer said two of their quotes are apart; it grows as quotes come. */
class Groups {
  private readonly parent: number[] = [];
  private readonly members: number[][] = [];
  private readonly apart: (Set<number> | null)[] = [];

  grow(size: number): void {
    for (let i = this.parent.length; i < size; i++) {
      this.parent.push(i);
      this.members.push([i]);
      this.apart.push(null);
    }
  }

  root(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }

  keepApart(a: number, b: number): void {
    (this.apart[this.root(a)] ??= new Set()).add(b);
    (this.apart[this.root(b)] ??= new Set()).add(a);
  }

  /** Joins the groups of a and b unless that would put an apart pair together; true when joined (or already one). */
  join(a: number, b: number): boolean {
    let ra = this.root(a);
    let rb = this.root(b);
    if (ra === rb) return true;
    if (this.members[ra].length < this.members[rb].length) [ra, rb] = [rb, ra];
    const forbidden = this.apart[ra];
    if (forbidden && this.members[rb].some((member) => forbidden.has(member))) return false;
    const forbiddenB = this.apart[rb];
    if (forbiddenB && this.members[ra].some((member) => forbiddenB.has(member))) return false;
    this.parent[rb] = ra;
    for (const member of this.members[rb]) this.members[ra].push(member);
    this.members[rb] = [];
    if (forbiddenB) for (const item of forbiddenB) (this.apart[ra] ??= new Set()).add(item);
    this.apart[rb] = null;
    return true;
  }

  membersOf(i: number): readonly number[] {
    return this.members[this.root(i)];
  }

  groups(): number[][] {
    return this.members.filter((list, i) => list.length > 0 && this.parent[i] === i);
  }
}

/** A cluster's id: stable while its earliest member (by key) stays in it. */
export function clusterId(members: readonly string[]): string {
  const first = members.reduce((min, key) => (key < min ? key : min));
  return `c${fnv1a(first)}`;
}

/**
 * Clusters kept up to date as quotes come: `add` matches new quotes against every quote so far
 * (a new article costs its own quotes' lookups, not a recomputation).
 */
export class QuoteClusterer {
  private readonly index = new QuoteIndex();
  private readonly groups = new Groups();
  private readonly positionOf = new Map<string, number>();
  private readonly pending: ClusterDecision[];
  readonly threshold: number;
  compared = 0;

  constructor(options: { threshold?: number; decisions?: readonly ClusterDecision[] } = {}) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.pending = [...(options.decisions ?? [])];
  }

  add(quotes: readonly QuoteInput[], onProgress?: (done: number, total: number) => void): void {
    const first = this.index.keys.length;
    for (const quote of quotes) {
      if (this.positionOf.has(quote.key)) throw new Error(`Quote ${quote.key} was added twice.`);
      this.positionOf.set(quote.key, this.index.add(quote));
    }
    this.groups.grow(this.index.keys.length);
    this.applyDecisions();
    const edges: { a: number; b: number; score: number }[] = [];
    for (let position = first; position < this.index.keys.length; position++) {
      for (const { other, score } of this.index.matches(position, this.threshold, true)) edges.push({ a: position, b: other, score });
      if (onProgress && (position - first) % 5000 === 0) onProgress(position - first, quotes.length);
    }
    this.compared += edges.length;
    edges.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
    for (const edge of edges) this.groups.join(edge.a, edge.b);
  }

  /** Decisions wait until both of their quotes are known; apart ones are set before any join. */
  private applyDecisions(): void {
    const known = (d: ClusterDecision) => this.positionOf.has(d.a) && this.positionOf.has(d.b);
    const ready = this.pending.filter(known);
    for (const d of ready) if (d.kind === "apart") this.groups.keepApart(this.positionOf.get(d.a)!, this.positionOf.get(d.b)!);
    for (const d of ready) if (d.kind === "together") this.groups.join(this.positionOf.get(d.a)!, this.positionOf.get(d.b)!);
    this.pending.splice(0, this.pending.length, ...this.pending.filter((d) => !known(d)));
  }

  clusterOf(key: string): QuoteCluster | null {
    const position = this.positionOf.get(key);
    if (position === undefined) return null;
    return this.cluster(this.groups.membersOf(position));
  }

  clusters(): QuoteCluster[] {
    return this.groups.groups().map((positions) => this.cluster(positions));
  }

  private cluster(positions: readonly number[]): QuoteCluster {
    const members = positions.map((p) => this.index.keys[p]).sort();
    return { id: clusterId(members), members };
  }
}

export function clusterQuotes(
  quotes: readonly QuoteInput[],
  options: { threshold?: number; decisions?: readonly ClusterDecision[]; onProgress?: (done: number, total: number) => void } = {},
): { clusters: QuoteCluster[]; compared: number } {
  const clusterer = new QuoteClusterer(options);
  clusterer.add(quotes, options.onProgress);
  return { clusters: clusterer.clusters(), compared: clusterer.compared };
}

/** 64-bit FNV-1a of a string's UTF-16 units, as 16 hex digits (plain arithmetic, so it runs anywhere). */
function fnv1a(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return hash.toString(16).padStart(16, "0");
}
