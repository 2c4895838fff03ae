/**
 * Test corpora: a small plain one for checking each format field by field,
 * and a hard one (emoji ZWJ sequences, flags, skin tones, CJK, Arabic and
 * Hebrew, combining marks, CRLF) for the offset property of every writer.
 */
import { codePointLength, sliceByCodePoints } from "../../text/code-points";
import type { ImportedArticle, SpanData } from "../model";

/** A span over the `occurrence`-th match of `needle`, offsets in code points. */
export function spanOf(
  text: string,
  needle: string,
  label: string,
  id: string,
  extra: Partial<Pick<SpanData, "attributes" | "note" | "actor">> = {},
  occurrence = 0,
): SpanData {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} not in text`);
  }
  const start = codePointLength(text.slice(0, at));
  const end = start + codePointLength(needle);
  if (sliceByCodePoints(text, start, end) !== needle) throw new Error("fixture offsets are wrong");
  return { id, start, end, label, text: needle, attributes: {}, note: null, actor: null, ...extra };
}

export const SMALL_TEXT = 'Mike Waltz said "we will act" on Sunday.\nHe claimed the talks failed.';

export function smallCorpus(): ImportedArticle[] {
  const t = SMALL_TEXT;
  return [
    {
      id: "waltz-abc-2025-01-12",
      title: "Waltz on the talks",
      outlet: "ABC",
      url: "https://example.org/waltz",
      published_at: "2025-01-12",
      meta: { section: "politics" },
      text: t,
      annotations: [
        {
          annotator: "alice@example.org",
          spans: [
            spanOf(t, '"we will act"', "QUOTE", "a1"),
            spanOf(t, "Mike Waltz", "ACTOR", "a2", { actor: "Mike Waltz" }),
            spanOf(t, "the talks failed", "CLAIM", "a3", { note: "paraphrase" }),
            spanOf(t, "He", "ACTOR", "a4"),
          ],
          relations: [
            { type: "attributed_to", from: "a1", to: "a2" },
            { type: "attributed_to", from: "a3", to: "a4" },
          ],
        },
      ],
      gold: {
        spans: [spanOf(t, '"we will act"', "QUOTE", "g1"), spanOf(t, "Mike Waltz", "ACTOR", "g2", { actor: "Mike Waltz" })],
        relations: [{ type: "attributed_to", from: "g1", to: "g2" }],
      },
    },
  ];
}

export const HARD_TEXT =
  [
    'Family 👨‍👩‍👧‍👦 reunion in Kyiv 🇺🇦: "We will rebuild," said Olena 👍🏽.',
    "習近平 said: 「中国将继续开放」.",
    'قال الرئيس: "سنواصل العمل" — \u200Fשלום עולם\u200F wrote Dana.',
    "Cafe\u0301 owner Jose\u0301 claimed =SUM(A1) was -5 and +1 @home.",
  ].join("\r\n\r\n") + "\r\nLast line, with a CRLF.\r\n";

export function hardCorpus(): ImportedArticle[] {
  const t = HARD_TEXT;
  const alice: SpanData[] = [
    spanOf(t, "Family 👨‍👩‍👧‍👦", "ACTOR", "a1"),
    spanOf(t, '"We will rebuild,"', "QUOTE", "a2", { attributes: { negated: true, certainty: "high", score: 0.5 } }),
    spanOf(t, "Olena 👍🏽", "ACTOR", "a3", { actor: "Olena Zelenska" }),
    spanOf(t, "習近平", "ACTOR", "a4", { actor: "Xi Jinping" }),
    spanOf(t, "「中国将继续开放」", "QUOTE", "a5", { note: "translated\nfrom Mandarin" }),
    spanOf(t, "سنواصل العمل", "QUOTE", "a6"),
    spanOf(t, "\u200Fשלום עולם\u200F", "CLAIM", "a7"),
    spanOf(t, "Dana", "ACTOR", "a8", { actor: "'Dana'" }),
    spanOf(t, "Jose\u0301", "ACTOR", "a9", { actor: " José " }),
    spanOf(t, "=SUM(A1) was -5 and +1 @home.", "CLAIM", "a10"),
    // Across a CRLF paragraph break, and overlapping a2 and a4.
    spanOf(t, 'rebuild," said Olena 👍🏽.\r\n\r\n習近平 said', "CLAIM", "a11"),
    // Starts inside a grapheme cluster (on the combining mark) and on half a flag.
    spanOf(t, "\u0301 owner", "CLAIM", "a12"),
    spanOf(t, "🇦", "CLAIM", "a13"),
    // Ends in the middle of a token and covers a CRLF at the end of the text.
    spanOf(t, "CRLF.\r\n", "QUOTE", "a14"),
    // Same label nested: a QUOTE inside a QUOTE.
    spanOf(t, "We will", "QUOTE", "a15"),
  ];
  const bob: SpanData[] = [
    spanOf(t, '"We will rebuild,"', "QUOTE", "b1"),
    spanOf(t, "Olena", "ACTOR", "b2"),
    spanOf(t, "🇺🇦", "ACTOR", "b3", { actor: "Ukraine" }),
  ];
  const gold: SpanData[] = [
    spanOf(t, '"We will rebuild,"', "QUOTE", "g1"),
    spanOf(t, "Olena 👍🏽", "ACTOR", "g2", { actor: "Olena Zelenska" }),
    spanOf(t, "「中国将继续开放」", "QUOTE", "g3"),
    spanOf(t, "習近平", "ACTOR", "g4", { actor: "Xi Jinping" }),
  ];
  return [
    {
      id: "hard/1 ünïcode",
      title: "Hard text",
      outlet: "Тест",
      url: null,
      published_at: "2025-02-01",
      meta: { tags: ["emoji", "rtl"], nested: { ok: true } },
      text: t,
      annotations: [
        {
          annotator: "alice@example.org",
          spans: alice,
          relations: [
            { type: "attributed_to", from: "a2", to: "a3" },
            { type: "attributed_to", from: "a5", to: "a4" },
            { type: "attributed_to", from: "a6", to: "a8" },
            { type: "attributed_to", from: "a7", to: "a8" },
          ],
        },
        { annotator: "bob@example.org", spans: bob, relations: [{ type: "attributed_to", from: "b1", to: "b2" }] },
      ],
      gold: {
        spans: gold,
        relations: [
          { type: "attributed_to", from: "g1", to: "g2" },
          { type: "attributed_to", from: "g3", to: "g4" },
        ],
      },
    },
    ...smallCorpus(),
    {
      id: "empty-layers",
      title: "No annotations",
      outlet: null,
      url: null,
      published_at: null,
      meta: {},
      text: "Nothing to see 🙈 here.",
      annotations: [],
      gold: null,
    },
  ];
}

/** Reads a STORE-only zip without ZIP64 (our writer's output in tests). */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("no end of central directory");
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const files = new Map<string, Uint8Array>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error("bad central directory entry");
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const localNameLength = view.getUint16(local + 26, true);
    const localExtra = view.getUint16(local + 28, true);
    const dataStart = local + 30 + localNameLength + localExtra;
    files.set(name, bytes.subarray(dataStart, dataStart + size));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
