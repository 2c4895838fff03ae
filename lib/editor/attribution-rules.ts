/**
 * Who may say what: only a QUOTE or a CLAIM has a speaker, only an ACTOR speaks, a span has
 * at most one speaker. The same rules as the server's (db/queries/apply-changes.ts), so the
 * local view drops the attributions the server drops.
 */
const ATTRIBUTABLE = new Set(["QUOTE", "CLAIM"]);
const SPEAKER = "ACTOR";

export function canHaveSpeaker(label: string): boolean {
  return ATTRIBUTABLE.has(label);
}

export function canSpeak(label: string): boolean {
  return label === SPEAKER;
}

/** Whether an attribution touching `spanId` survives that span being relabelled `label`. */
export function attributionSurvivesRelabel(relation: { from: string; to: string }, spanId: string, label: string): boolean {
  if (relation.from === spanId && !canHaveSpeaker(label)) return false;
  if (relation.to === spanId && !canSpeak(label)) return false;
  return true;
}
