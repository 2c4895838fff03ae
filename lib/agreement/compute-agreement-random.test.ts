import { describe, expect, it } from "vitest";
import { cohenKappaFromRatings } from "./coding/cohen-kappa";
import { fleissKappa } from "./coding/fleiss-kappa";
import { computeAgreement } from "./compute-agreement";
import { krippendorffAlphaUnitizing } from "./unitizing/krippendorff-alpha-unitizing";
import type { AgreementArticle, AgreementFigure, AgreementSpan } from "./types";

/**
 * computeAgreement against a naive reading of DESIGN.md on random articles: sets of span keys
 * for the F1s, per-code-point coverage for the token coding, the general-purpose coefficient
 * functions for the kappas and alpha_u. The fast path (sorted passes, shared token arrays,
 * streaming accumulation) must give the same figure for every coordinate.
 */

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LABELS = ["QUOTE", "CLAIM", "ACTOR"];
const ANNOTATORS = ["a@x", "b@x", "c@x"];
const PIECES = ["ab", "c", "😀", "東京", " ", " ", "\n", "\u00a0", "x-y"];

function randomProject(seed: number): AgreementArticle[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  return Array.from({ length: 4 }, (_, n) => {
    const text = Array.from({ length: 5 + Math.floor(next() * 30) }, () => pick(PIECES)).join("");
    const length = [...text].length;
    const layers: Record<string, AgreementSpan[]> = {};
    for (const annotator of ANNOTATORS) {
      if (next() < 0.2) continue; // this analyst did not annotate the article
      layers[annotator] = Array.from({ length: Math.floor(next() * 6) }, () => {
        const start = Math.floor(next() * length);
        const end = Math.min(length, start + Math.floor(next() * 8));
        return { start, end, label: pick(LABELS), speaker: next() < 0.5 ? pick(["P", "Q", null]) : undefined };
      });
    }
    return { externalId: `article-${3 - n}`, text, layers };
  });
}

const key = (s: AgreementSpan) => `${s.label}:${s.start}:${s.end}`;
const dice = (a: Set<string>, b: Set<string>) => {
  const units = a.size + b.size;
  return { value: units === 0 ? null : (2 * [...a].filter((k) => b.has(k)).length) / units, units };
};
const overlaps = (x: AgreementSpan, y: AgreementSpan) => x.label === y.label && Math.max(x.start, y.start) < Math.min(x.end, y.end);
const distinct = (spans: AgreementSpan[], labels: string[]) => [...new Map(spans.filter((s) => labels.includes(s.label)).map((s) => [key(s), s])).values()];
const speakerOf = (spans: AgreementSpan[], s: AgreementSpan) =>
  spans.filter((t) => key(t) === key(s) && t.speaker).map((t) => t.speaker as string).sort()[0] ?? null;

/** Token ranges in code points, by a regular expression over the code point array. */
function tokens(text: string): [number, number][] {
  const points = [...text];
  const result: [number, number][] = [];
  points.forEach((p, i) => {
    const white = /\p{White_Space}/u.test(p);
    if (!white && (i === 0 || /\p{White_Space}/u.test(points[i - 1]))) result.push([i, i + 1]);
    else if (!white) result[result.length - 1][1] = i + 1;
  });
  return result;
}
const coding = (text: string, spans: AgreementSpan[], label: string) =>
  tokens(text).map(([s, e]) => {
    for (let cp = s; cp < e; cp++) if (spans.some((x) => x.label === label && x.start <= cp && cp < x.end)) return 1;
    return 0;
  });

/** Overlapping spans merged, touching ones kept apart, empty ones dropped. */
function merged(spans: AgreementSpan[], label: string): [number, number][] {
  const sorted = spans.filter((s) => s.label === label && s.end > s.start).sort((x, y) => x.start - y.start || x.end - y.end);
  const result: [number, number][] = [];
  for (const s of sorted) {
    const last = result[result.length - 1];
    if (last && s.start < last[1]) last[1] = Math.max(last[1], s.end);
    else result.push([s.start, s.end]);
  }
  return result;
}

function naivePairFigures(articles: AgreementArticle[], a: string, b: string): Map<string, { value: number | null; units: number }> {
  const out = new Map<string, { value: number | null; units: number }>();
  const shared = articles.filter((x) => x.layers[a] && x.layers[b]).sort((x, y) => (x.externalId < y.externalId ? -1 : 1));
  if (shared.length === 0) return out;
  const scopes: [string | null, AgreementArticle[]][] = [[null, shared], ...shared.map((x): [string, AgreementArticle[]] => [x.externalId, [x]])];
  for (const [article, scope] of scopes) {
    const put = (measure: string, label: string | null, v: { value: number | null; units: number }) =>
      out.set(JSON.stringify([measure, label, article]), v);
    for (const labels of [...LABELS.map((l) => [l]), LABELS]) {
      const label = labels.length === 1 ? labels[0] : null;
      // Keys are made unique per article, since the project pools articles.
      const spansA = scope.flatMap((x) => distinct(x.layers[a], labels).map((s) => ({ x, s })));
      const spansB = scope.flatMap((x) => distinct(x.layers[b], labels).map((s) => ({ x, s })));
      const keys = (list: typeof spansA) => new Set(list.map(({ x, s }) => `${x.externalId}|${key(s)}`));
      put("f1_exact", label, dice(keys(spansA), keys(spansB)));
      const matchedA = spansA.filter(({ x, s }) => x.layers[b].some((t) => overlaps(s, t))).length;
      const matchedB = spansB.filter(({ x, s }) => x.layers[a].some((t) => overlaps(s, t))).length;
      const units = spansA.length + spansB.length;
      const p = spansA.length ? matchedA / spansA.length : 0;
      const r = spansB.length ? matchedB / spansB.length : 0;
      put("f1_overlap", label, { value: units === 0 ? null : p + r === 0 ? 0 : (2 * p * r) / (p + r), units });
      if (label !== null) {
        const codesA = scope.flatMap((x) => coding(x.text, x.layers[a], label));
        const codesB = scope.flatMap((x) => coding(x.text, x.layers[b], label));
        put("cohen_kappa", label, { value: cohenKappaFromRatings(codesA, codesB).value, units: codesA.length });
      }
      const attributedLabels = labels.filter((l) => l !== "ACTOR");
      if (attributedLabels.length === 0) continue;
      const attributions = (who: string) =>
        new Set(scope.flatMap((x) => x.layers[who].filter((s) => attributedLabels.includes(s.label) && s.speaker).map((s) => `${x.externalId}|${key(s)}|${s.speaker}`)));
      put("f1_attribution", label, dice(attributions(a), attributions(b)));
      let pairs = 0;
      let same = 0;
      for (const x of scope) {
        for (const s of distinct(x.layers[a], attributedLabels)) {
          const speakerA = speakerOf(x.layers[a], s);
          const inB = x.layers[b].some((t) => key(t) === key(s));
          const speakerB = inB ? speakerOf(x.layers[b], s) : null;
          if (speakerA && speakerB) {
            pairs++;
            if (speakerA === speakerB) same++;
          }
        }
      }
      put("speaker_agreement", label, { value: pairs ? same / pairs : null, units: pairs });
    }
  }
  return out;
}

describe("computeAgreement against a naive reading of DESIGN.md (random projects)", () => {
  it("gives the same pairwise figures on 60 random projects", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const articles = randomProject(seed);
      const report = computeAgreement({ project: "r", labels: LABELS, articles });
      for (let i = 0; i < report.annotators.length; i++) {
        for (let j = i + 1; j < report.annotators.length; j++) {
          const [a, b] = [report.annotators[i], report.annotators[j]];
          const expected = naivePairFigures(articles, a, b);
          // (fleiss_kappa and alpha_u of an article only these two annotated compare them too)
          const actual = report.figures.filter(
            (f) => f.annotators.join() === `${a},${b}` && f.measure !== "fleiss_kappa" && f.measure !== "alpha_u",
          );
          expect(actual.length, `seed ${seed} ${a} ${b}`).toBe(expected.size);
          for (const f of actual) {
            const want = expected.get(JSON.stringify([f.measure, f.label, f.article]));
            expect(want, `seed ${seed} ${JSON.stringify(f)}`).toBeDefined();
            expect(f.units, `seed ${seed} ${JSON.stringify(f)}`).toBe(want!.units);
            if (want!.value === null) expect(f.value, `seed ${seed} ${JSON.stringify(f)}`).toBeNull();
            else expect(f.value, `seed ${seed} ${JSON.stringify(f)}`).toBeCloseTo(want!.value, 10);
          }
        }
      }
    }
  });

  it("gives the same fleiss_kappa and alpha_u per article on 60 random projects", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const articles = randomProject(seed);
      const report = computeAgreement({ project: "r", labels: LABELS, articles });
      for (const article of articles) {
        const group = Object.keys(article.layers).sort();
        if (group.length < 2) continue;
        const find = (measure: string, label: string | null): AgreementFigure =>
          report.figures.find((f) => f.measure === measure && f.label === label && f.article === article.externalId)!;
        for (const label of LABELS) {
          const codes = group.map((who) => coding(article.text, article.layers[who], label));
          const counts = codes[0].map((_, t) => {
            const ones = codes.reduce((sum, c) => sum + c[t], 0);
            return [ones, group.length - ones];
          });
          const fleiss = find("fleiss_kappa", label);
          expect(fleiss.annotators).toEqual(group);
          expect(fleiss.units).toBe(counts.length);
          const want = fleissKappa(counts).value;
          if (want === null) expect(fleiss.value).toBeNull();
          else expect(fleiss.value, `seed ${seed}`).toBeCloseTo(want, 10);

          const units = group.flatMap((who, rater) => merged(article.layers[who], label).map(([s, e]) => ({ begin: s, length: e - s, rater, category: label })));
          const alpha = krippendorffAlphaUnitizing({ begin: 0, length: [...article.text].length, raterCount: group.length, units }, label).value;
          const got = find("alpha_u", label);
          if (alpha === null) expect(got.value).toBeNull();
          else expect(got.value, `seed ${seed}`).toBeCloseTo(alpha, 10);
        }
      }
    }
  });
});

describe("computeAgreement's project alpha_u against a study built by hand (random projects)", () => {
  it("lays the articles every analyst annotated end to end by external id", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const articles = randomProject(seed);
      const report = computeAgreement({ project: "r", labels: LABELS, articles });
      const everyone = report.annotators;
      const complete = articles
        .filter((x) => everyone.every((who) => x.layers[who]))
        .sort((x, y) => (x.externalId < y.externalId ? -1 : 1));
      const projectFigures = report.figures.filter((f) => f.measure === "alpha_u" && f.article === null);
      if (complete.length === 0 || everyone.length < 2) {
        expect(projectFigures).toEqual([]);
        continue;
      }
      let offset = 0;
      const units: { begin: number; length: number; rater: number; category: string }[] = [];
      for (const x of complete) {
        everyone.forEach((who, rater) => {
          for (const label of LABELS) {
            for (const [s, e] of merged(x.layers[who], label)) units.push({ begin: offset + s, length: e - s, rater, category: label });
          }
        });
        offset += [...x.text].length;
      }
      for (const label of LABELS) {
        const want = krippendorffAlphaUnitizing({ begin: 0, length: offset, raterCount: everyone.length, units }, label).value;
        const got = projectFigures.find((f) => f.label === label)!;
        expect(got.units).toBe(offset);
        if (want === null) expect(got.value).toBeNull();
        else expect(got.value, `seed ${seed} ${label}`).toBeCloseTo(want, 10);
      }
    }
  });
});
