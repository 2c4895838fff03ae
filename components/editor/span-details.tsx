"use client";

import { useEffect, useMemo, useState, type RefObject } from "react";
import { SPEAKER_CHOICES, speakerCandidates } from "@/lib/editor/speaker-candidates";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { Relation, Span } from "@/lib/editor/types";
import { ActorLinkField } from "./actor-link-field";

type Label = { key: string; name: string };

/** The selected span: label, bounds, speaker (QUOTE/CLAIM), canonical actor (ACTOR), note, delete. */
export function SpanDetails({
  slug,
  pickingSpeaker,
  actorLinkRef,
  span,
  labels,
  actors,
  speaker,
  editable,
  speakerRef,
  noteRef,
  onRelabel,
  onNote,
  onActor,
  onSpeaker,
  onDelete,
}: {
  slug: string;
  /** After `s`: the next click on an ACTOR span in the text makes it the speaker. */
  pickingSpeaker: boolean;
  actorLinkRef: RefObject<HTMLInputElement | null>;
  span: Span;
  labels: readonly Label[];
  actors: readonly Span[];
  speaker: Relation | undefined;
  editable: boolean;
  speakerRef: RefObject<HTMLSelectElement | null>;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  onRelabel: (label: string) => void;
  onNote: (note: string | null) => void;
  onActor: (actor: string | null) => void;
  onSpeaker: (actorSpanId: string | null) => void;
  onDelete: () => void;
}) {
  const [note, setNote] = useState(span.note ?? "");
  useEffect(() => setNote(span.note ?? ""), [span.id, span.note]);
  const attributable = span.label === "QUOTE" || span.label === "CLAIM";
  const speakerId = speaker?.to ?? null;
  const candidates = useMemo(
    () => (attributable ? speakerCandidates(actors, span, speakerId) : []),
    // The span's bounds, not its object: a new version of the same span offers the same speakers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [attributable, actors, span.start, span.end, speakerId],
  );

  return (
    <section aria-labelledby="span-details-heading" className="space-y-2 rounded-lg border border-stone-200 bg-white p-3 text-sm">
      <h2 id="span-details-heading" className="text-sm font-semibold">
        Selected span <span className="font-normal text-stone-600">({span.start}–{span.end})</span>
      </h2>
      <p className="max-h-24 overflow-y-auto rounded bg-stone-50 px-2 py-1 font-serif">{span.text}</p>
      <div className="grid grid-cols-[5.5rem_1fr] items-center gap-2">
        <label htmlFor="span-label">Label</label>
        <select id="span-label" disabled={!editable} value={span.label} onChange={(e) => onRelabel(e.target.value)} className={inputClass}>
          {labels.map((label) => (
            <option key={label.key} value={label.key}>
              {label.name}
            </option>
          ))}
        </select>
        {attributable ? (
          <>
            <label htmlFor="span-speaker">Speaker</label>
            <select
              id="span-speaker"
              ref={speakerRef}
              disabled={!editable}
              value={speaker?.to ?? ""}
              onChange={(e) => onSpeaker(e.target.value || null)}
              className={inputClass}
            >
              <option value="">No speaker</option>
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.text}
                  {candidate.actor && candidate.actor !== candidate.text ? ` (${candidate.actor})` : ""} · {candidate.start}
                </option>
              ))}
            </select>
            {actors.length > SPEAKER_CHOICES ? (
              <p className="col-span-2 text-xs text-stone-600">The {SPEAKER_CHOICES} nearest ACTOR spans; press s and click any other in the text.</p>
            ) : null}
          </>
        ) : null}
        {attributable && pickingSpeaker ? (
          <p role="status" className="col-span-2 rounded bg-sky-50 px-2 py-1 text-xs text-sky-900">
            Click an ACTOR span in the text to make it the speaker, or choose one above. Escape cancels.
          </p>
        ) : null}
        {span.label === "ACTOR" ? <ActorLinkField slug={slug} span={span} editable={editable} inputRef={actorLinkRef} onLink={onActor} /> : null}
        <label htmlFor="span-note">Note</label>
        <textarea
          id="span-note"
          ref={noteRef}
          disabled={!editable}
          value={note}
          rows={2}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => note !== (span.note ?? "") && onNote(note.trim() ? note : null)}
          className={inputClass}
        />
      </div>
      {editable ? (
        <div className="flex justify-end">
          <Button variant="danger" onClick={onDelete}>
            Delete span
          </Button>
        </div>
      ) : null}
    </section>
  );
}
