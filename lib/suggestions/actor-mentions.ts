import { builtinKey, type SuggestedSpan } from "./types";

/** A canonical actor as the reader knows it: its name and the aliases it is also written as. */
export type KnownActor = { name: string; aliases: readonly string[] };

const WORD = /[\p{L}\p{N}]/u;
// Scripts written without spaces between words: a name there needs no word boundary.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function lowerPoint(ch: string): string {
  const lower = ch.toLowerCase();
  return Array.from(lower).length === 1 ? lower : ch;
}

/**
 * Mentions of known actors (their names and aliases, whole words, any case) as ACTOR
 * candidates already linked to the actor, in code points. Where two forms overlap, the longer
 * one wins ("Marta Kessler" over "Kessler"), then the earlier.
 */
export function findActorMentions(text: string, actors: readonly KnownActor[]): SuggestedSpan[] {
  const points = Array.from(text);
  const lower = points.map(lowerPoint);
  const byFirst = new Map<string, { form: string[]; actor: string }[]>();
  for (const actor of actors) {
    for (const form of new Set([actor.name, ...actor.aliases])) {
      const formPoints = Array.from(form.trim()).map(lowerPoint);
      if (formPoints.length < 2) continue;
      const list = byFirst.get(formPoints[0]) ?? [];
      list.push({ form: formPoints, actor: actor.name });
      byFirst.set(formPoints[0], list);
    }
  }
  const matches: { start: number; end: number; actor: string }[] = [];
  for (let i = 0; i < lower.length; i++) {
    const candidates = byFirst.get(lower[i]);
    if (!candidates) continue;
    for (const { form, actor } of candidates) {
      const end = i + form.length;
      if (end > lower.length) continue;
      let same = true;
      for (let k = 1; k < form.length && same; k++) same = lower[i + k] === form[k];
      if (!same) continue;
      const before = points[i - 1];
      const after = points[end];
      const boundedStart = UNSPACED.test(points[i]) || before === undefined || !WORD.test(before);
      const boundedEnd = UNSPACED.test(points[end - 1]) || after === undefined || !WORD.test(after);
      if (boundedStart && boundedEnd) matches.push({ start: i, end, actor });
    }
  }
  matches.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: { start: number; end: number }[] = [];
  const found: SuggestedSpan[] = [];
  for (const match of matches) {
    if (taken.some((t) => match.start < t.end && t.start < match.end)) continue;
    taken.push(match);
    found.push({
      key: builtinKey("ACTOR", match.start, match.end),
      source: "builtin",
      label: "ACTOR",
      start: match.start,
      end: match.end,
      text: points.slice(match.start, match.end).join(""),
      actor: match.actor,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}
