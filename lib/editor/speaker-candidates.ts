/**
 * The ACTOR spans offered as a QUOTE's or CLAIM's speaker in the side panel: the nearest ones in
 * the text (a speaker is almost always named close to what they said), in text order, with the
 * current speaker always among them. A long article can hold hundreds of ACTOR spans; any of them
 * can still be picked by clicking it in the text.
 */
export const SPEAKER_CHOICES = 40;

type Located = { id: string; start: number; end: number };

function distance(a: { start: number; end: number }, b: { start: number; end: number }): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

export function speakerCandidates<T extends Located>(actors: readonly T[], span: { start: number; end: number }, currentId: string | null, limit = SPEAKER_CHOICES): T[] {
  if (actors.length <= limit) return [...actors];
  const nearest = [...actors].sort((a, b) => distance(a, span) - distance(b, span) || a.start - b.start).slice(0, limit);
  const current = currentId ? actors.find((actor) => actor.id === currentId) : undefined;
  if (current && !nearest.includes(current)) nearest.push(current);
  return nearest.sort((a, b) => a.start - b.start || a.end - b.end);
}
