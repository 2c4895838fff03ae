/**
 * A seeded synthetic project for the agreement benchmark: 1,000 articles of about 3,000
 * characters (mixed scripts, an emoji), 3 analysts, 50 spans each per article (QUOTE, CLAIM,
 * ACTOR; overlapping and nested, QUOTE/CLAIM mostly with a speaker). The analysts copy a shared
 * reference set, keeping 70% of spans exactly, drifting the bounds of 15% and replacing 15%.
 */
import type { AgreementArticle, AgreementSpan } from "../lib/agreement";

const ARTICLES = 1000;
const CHARACTERS = 3000;
export const ANALYSTS = ["ana@example.org", "ben@example.org", "cleo@example.org"];
export const SPANS_PER_LAYER = 50;
const SPEAKERS = ["Olaf Scholz", "Emmanuel Macron", "Ursula von der Leyen", "Joe Biden", "Xi Jinping", "NATO", "WHO", "Greenpeace"];
const WORDS = "the minister said that government would not accept any new tax on fuel while critics called plan reckless und Straße café naïve 😀 東京 police reported".split(" ");

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

export function generateProject(seed: number): AgreementArticle[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const articles: AgreementArticle[] = [];
  for (let n = 0; n < ARTICLES; n++) {
    // Text, with token bounds in code points so spans start and end on words.
    const tokenStarts: number[] = [];
    const tokenEnds: number[] = [];
    let text = "";
    let length = 0;
    while (length < CHARACTERS) {
      const word = pick(WORDS);
      const size = [...word].length;
      tokenStarts.push(length);
      tokenEnds.push(length + size);
      const separator = next() < 0.05 ? "\n\n" : " ";
      text += word + separator;
      length += size + separator.length;
    }
    const randomSpan = (): AgreementSpan => {
      const label = pick(["QUOTE", "QUOTE", "CLAIM", "ACTOR"]);
      const first = Math.floor(next() * tokenStarts.length);
      const words = label === "ACTOR" ? 1 + Math.floor(next() * 3) : 3 + Math.floor(next() * 25);
      const last = Math.min(tokenStarts.length - 1, first + words - 1);
      const speaker = label !== "ACTOR" && next() < 0.8 ? pick(SPEAKERS) : null;
      return { start: tokenStarts[first], end: tokenEnds[last], label, speaker };
    };
    const reference = Array.from({ length: SPANS_PER_LAYER }, randomSpan);
    const layers: Record<string, AgreementSpan[]> = {};
    for (const analyst of ANALYSTS) {
      layers[analyst] = reference.map((span) => {
        const roll = next();
        if (roll < 0.7) return { ...span, speaker: next() < 0.9 ? span.speaker : pick(SPEAKERS) };
        if (roll < 0.85) {
          // Boundary drift by a few code points, kept inside the text.
          const start = Math.max(0, span.start + Math.floor(next() * 7) - 3);
          const end = Math.min(length, Math.max(start + 1, span.end + Math.floor(next() * 7) - 3));
          return { ...span, start, end };
        }
        return randomSpan();
      });
    }
    articles.push({ externalId: `article-${String(n).padStart(4, "0")}`, text, layers });
  }
  return articles;
}

