/** Texts and a seeded generator shared by the lib/text tests and benchmarks. */

export const FAMILY = "👨‍👩‍👧‍👦";
export const FLAGS = "🇺🇦🇫🇷";
export const THUMBS_UP_MEDIUM = "👍🏽";
export const E_ACUTE_DECOMPOSED = "e\u0301";
export const ZOE_DECOMPOSED = "Zoe\u0308";

/** Named texts covering every case the offset contract promises to handle. */
export const SAMPLES: Record<string, string> = {
  empty: "",
  ascii: "The minister said the plan was final.",
  family: `Family ${FAMILY} arrived.`,
  flags: `Talks ${FLAGS} resumed.`,
  skinTone: `Thanks ${THUMBS_UP_MEDIUM}!`,
  cjk: "習近平表示，中國將繼續推進改革。",
  arabic: "قال الوزير إن الخطة نهائية.",
  hebrew: "שלום, אמר השר.",
  mixedDirections: "He said «قال الوزير» and then שלום to 習近平.",
  combining: `Caf${E_ACUTE_DECOMPOSED} with ${ZOE_DECOMPOSED}.`,
  crlf: "First line.\r\nSecond line.\r\n\r\nFourth after an empty line.",
  loneCr: "Old Mac\rline ends\r\rhere",
  mixedLineEnds: "a\r\nb\nc\rd\n\r\ne\r",
  emptyLines: "\n\nmiddle\n\n",
  onlySeparators: "\r\n\n\r",
  astralAtLineEdges: `${FAMILY}\r\n${FLAGS}\n${THUMBS_UP_MEDIUM}`,
  loneSurrogates: "a\ud800b\udc00c\ud83d",
};

/** Deterministic PRNG (mulberry32), so a failing property test can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: () => number, max: number): number {
  return Math.floor(random() * max);
}

/** Pieces a random text is made of: each is one or more code points. */
export const PIECES = [
  "a", "Z", " ", "  ", ".", ",", "'", "9", "\t", "\u00a0", "\u3000",
  "\n", "\r\n", "\r", "\n\n",
  "é", E_ACUTE_DECOMPOSED, ZOE_DECOMPOSED, "\u0301",
  "習", "近平", "，", "。", "の", "カ",
  "ש", "ל", "ום", "ق", "ال", "\u064e", "\u0600", "١",
  "\u0915", "\u094d", "\u0937", // Devanagari ka, virama, ssa: a conjunct
  "\u1100", "\u1161", "\u11a8", "한",
  "😀", FAMILY, "\u200d", "👍", "🏽", "🇺", "🇦", FLAGS, "𝔸", "𠀋",
];

export function randomMixedText(random: () => number, pieces: number): string {
  let text = "";
  for (let i = 0; i < pieces; i++) text += PIECES[randomInt(random, PIECES.length)];
  return text;
}

/** A news-like text of roughly `codePoints` code points with every hard case mixed in. */
export function longArticle(codePoints: number): string {
  const sentence =
    `The minister ${FAMILY} said «قال الوزير» and שלום to 習近平 ${FLAGS} café ${E_ACUTE_DECOMPOSED} ${THUMBS_UP_MEDIUM}.`;
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < codePoints; i++) {
    const line = i % 7 === 3 ? "" : sentence.repeat(1 + (i % 5));
    lines.push(line);
    length += Array.from(line).length + (i % 3 === 0 ? 2 : 1);
  }
  return lines.map((line, i) => line + (i % 3 === 0 ? "\r\n" : i % 3 === 1 ? "\n" : "\r")).join("");
}
