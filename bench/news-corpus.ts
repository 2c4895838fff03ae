/**
 * A seeded, news-like native JSONL corpus for the import and browsing benchmark: articles of
 * about 2,500 characters (some emoji, CJK, right-to-left and combining marks), titles, 20
 * outlets, dates over 2025, and on about 10% of articles one analyst layer of about 10 spans
 * (QUOTE and CLAIM sentences, ACTOR speakers with attributions) at code-point offsets.
 * Written line by line to a file, so the generator never holds the corpus in memory.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";

const OUTLETS = [
  "Harbour Gazette", "Coastal Times", "Northern Ledger", "Daily Meridian", "Evening Sentinel",
  "Valley Courier", "Metro Herald", "Capital Observer", "Riverside Post", "Island Chronicle",
  "Plains Tribune", "Mountain Gazette", "Border Telegraph", "City Express", "Morning Dispatch",
  "Union Journal", "Western Record", "Eastern Mirror", "Lakeside Gazette", "Central Examiner",
];
const SPEAKERS = [
  "Maria Lindqvist", "Omar Haddad", "Chen Wei", "Ana Pereira", "Jonas Keller", "Fatima Nour",
  "the harbour authority", "the interior ministry", "Greenpeace", "the union", "NATO", "the mayor",
];
const TOPICS = [
  "strike", "budget", "election", "flooding", "pipeline", "tariffs", "hospital", "ferry", "wildfire",
  "pension", "railway", "drought", "housing", "vaccine", "subsidy", "protest", "curfew", "bridge",
  "fishing", "refinery", "airport", "harvest", "inflation", "transit", "dockworkers", "school",
  "wages", "tunnel", "census", "reservoir",
];
const TITLE_VERBS = ["rejects", "backs", "delays", "warns over", "questions", "announces", "defends", "probes"];
const SUBJECTS = ["The council", "The minister", "Local officials", "Residents", "The opposition", "Investors", "Police", "Unions"];
const VERBS = ["said", "argued", "warned", "insisted", "claimed", "admitted", "noted", "suggested"];
// Common words first: picking with a squared random number skews towards them (Zipf-like).
const WORDS = (
  "the of and to in a that for on with as was by at from it is be have are had not this which their " +
  "government officials city plan new year people week report said would could public local national " +
  "council funding workers market price costs support project water energy police court law health " +
  "ceasefire coalition shipment regulators inspectors contract deadline evacuation turbines pilots " +
  "nurses farmers ferries terminal corridor quarry glacier lighthouse archive tribunal auditors"
).split(" ");
const FOREIGN = ["東京", "北京市政府", "القدس", "ירושלים", "😀", "👍🏽", "🇺🇦", "café", "naïve", "e\u0301te\u0301", "Straße", "서울"];
/** In about 0.02% of articles: the "rare word" search. */
export const RARE_WORD = "zephyrine";
/** Search terms the benchmark uses, each chosen from the vocabulary above. */
export const SEARCH = { titleWord: "ferry", outlet: "Lakeside", textWord: "tribunal", rareWord: RARE_WORD };

/** mulberry32: small, fast, seeded. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mark = { label: "QUOTE" | "CLAIM" | "ACTOR"; start: number; end: number; actor?: string; speakerOf?: number };
const codePoints = (s: string) => [...s].length;

export type CorpusStats = { articles: number; annotated: number; spans: number; bytes: number; matches: Record<keyof typeof SEARCH, number> };

/** Writes `count` articles to `path`; `analysts` are the e-mails whose layers some articles carry. */
export async function writeNewsCorpus(path: string, count: number, analysts: string[], seed = 20261123): Promise<CorpusStats> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const word = () => WORDS[Math.floor(next() * next() * WORDS.length)];
  const stats: CorpusStats = { articles: count, annotated: 0, spans: 0, bytes: 0, matches: { titleWord: 0, outlet: 0, textWord: 0, rareWord: 0 } };
  const out = createWriteStream(path);
  for (let n = 0; n < count; n++) {
    const marks: Mark[] = [];
    const pieces: string[] = [];
    let length = 0; // in code points
    const add = (s: string) => {
      pieces.push(s);
      length += codePoints(s);
    };
    const phrase = (words: number) => {
      const list = Array.from({ length: words }, word);
      if (next() < 0.08) list.splice(Math.floor(next() * list.length), 0, pick(FOREIGN));
      return list.join(" ");
    };
    while (length < 2_400) {
      if (length > 0) add(next() < 0.2 ? "\n\n" : " ");
      const kind = next();
      if (kind < 0.15) {
        const speaker = pick(SPEAKERS);
        const quote = phrase(8 + Math.floor(next() * 12));
        add("“");
        marks.push({ label: "QUOTE", start: length, end: length + codePoints(quote) });
        add(`${quote},” ${pick(VERBS)} `);
        marks.push({ label: "ACTOR", start: length, end: length + codePoints(speaker), actor: speaker, speakerOf: marks.length - 1 });
        add(`${speaker}.`);
      } else if (kind < 0.25) {
        const claim = `${pick(SUBJECTS)} ${pick(VERBS)} the ${pick(TOPICS)} ${phrase(6 + Math.floor(next() * 10))}.`;
        marks.push({ label: "CLAIM", start: length, end: length + codePoints(claim) });
        add(claim);
      } else {
        const sentence = phrase(10 + Math.floor(next() * 15));
        add(sentence[0].toUpperCase() + sentence.slice(1) + ".");
      }
    }
    if (n % 5_000 === 17) add(` Residents of the ${RARE_WORD} quarter were not consulted.`);
    const text = pieces.join("");
    const title = `${pick(SUBJECTS)} ${pick(TITLE_VERBS)} ${pick(TOPICS)} ${pick(["plan", "deal", "report", "vote", "talks"])}`;
    const outlet = pick(OUTLETS);
    const day = Math.floor(next() * 365);
    const published = next() < 0.01 ? null : new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
    const line: Record<string, unknown> = {
      id: `news-${String(n).padStart(6, "0")}`,
      title,
      outlet,
      url: `https://news.example.org/${n}`,
      published_at: published,
      meta: { section: pick(["politics", "economy", "local", "world"]) },
      text,
    };
    if (next() < 0.1 && marks.length) {
      line.annotations = [layerOf(marks, text, pick(analysts), next)];
      stats.annotated++;
      stats.spans += (line.annotations as { spans: unknown[] }[])[0].spans.length;
    }
    const words = new Set(text.toLowerCase().split(/[^\p{L}]+/u));
    // What the list's search finds: the term in the title or outlet, or as a word of the text.
    for (const key of Object.keys(SEARCH) as (keyof typeof SEARCH)[]) {
      const term = SEARCH[key].toLowerCase();
      if (title.toLowerCase().includes(term) || outlet.toLowerCase().includes(term) || words.has(term)) stats.matches[key]++;
    }
    const json = JSON.stringify(line) + "\n";
    stats.bytes += Buffer.byteLength(json);
    if (!out.write(json)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return stats;
}

/** About 10 of the article's marks as one analyst's layer; a QUOTE keeps its speaker. */
function layerOf(marks: Mark[], text: string, annotator: string, next: () => number) {
  const chars = [...text];
  const chosen = new Set<number>();
  for (let tries = 0; chosen.size < 10 && tries < 40; tries++) {
    const i = Math.floor(next() * marks.length);
    chosen.add(i);
    if (marks[i].label === "ACTOR" && marks[i].speakerOf !== undefined) chosen.add(marks[i].speakerOf!);
  }
  const spans = [...chosen].sort((a, b) => a - b).map((i) => ({
    id: `s${i}`,
    start: marks[i].start,
    end: marks[i].end,
    label: marks[i].label,
    text: chars.slice(marks[i].start, marks[i].end).join(""),
    actor: marks[i].actor ?? null,
  }));
  const relations = [...chosen]
    .filter((i) => marks[i].speakerOf !== undefined)
    .map((i) => ({ type: "attributed_to", from: `s${marks[i].speakerOf}`, to: `s${i}` }));
  return { annotator, spans, relations };
}
