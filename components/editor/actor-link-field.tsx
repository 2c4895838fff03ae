"use client";

import { useEffect, useId, useRef, useState, type RefObject } from "react";
import { inputClass } from "@/components/ui/field";

type Candidate = { id: string; name: string; aliases: string[]; score: number };
type Option = { kind: "actor"; candidate: Candidate } | { kind: "create"; name: string };

/**
 * Links an ACTOR span to a canonical actor: a combobox listing the register's actors ranked by
 * fuzzy match of what is typed (at first, the span's own text) and "Create new actor". Arrow
 * keys move, Enter links, Escape closes. Linking saves the span with `actor` (a change like any
 * other); the server adds the span's text to the actor's aliases.
 */
export function ActorLinkField({
  slug,
  span,
  editable,
  inputRef,
  onLink,
}: {
  slug: string;
  span: { id: string; text: string; actor: string | null };
  editable: boolean;
  inputRef?: RefObject<HTMLInputElement | null>;
  onLink: (name: string | null) => void;
}) {
  const listId = useId();
  const [query, setQuery] = useState(span.actor ? "" : span.text);
  const [open, setOpen] = useState(!span.actor && editable);
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [active, setActive] = useState(0);
  const [failed, setFailed] = useState(false);
  const request = useRef(0);

  useEffect(() => {
    setQuery(span.actor ? "" : span.text);
    setOpen(!span.actor && editable);
    setActive(0);
  }, [span.id, span.actor, span.text, editable]);

  const search = (query.trim() || span.text).slice(0, 300);
  useEffect(() => {
    if (!open) return;
    const mine = ++request.current;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/v1/projects/${encodeURIComponent(slug)}/actors?q=${encodeURIComponent(search)}&limit=8`, { credentials: "same-origin" });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { actors: Candidate[] };
        if (mine === request.current) {
          setCandidates(body.actors);
          setFailed(false);
        }
      } catch {
        if (mine === request.current) setFailed(true);
      }
    }, 120);
    return () => clearTimeout(timer);
  }, [open, search, slug]);

  const typed = query.trim();
  const options: Option[] = candidates.map((candidate) => ({ kind: "actor" as const, candidate }));
  const createName = typed || span.text.trim();
  if (createName && !candidates.some((c) => c.name === createName)) options.push({ kind: "create", name: createName });
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  function choose(option: Option | undefined) {
    if (!option) return;
    onLink(option.kind === "actor" ? option.candidate.name : option.name);
    setOpen(false);
    setQuery("");
  }

  return (
    <div className="col-span-2 space-y-1">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={`${listId}-input`} className="text-sm">
          Actor
        </label>
        {span.actor ? (
          <span className="flex items-center gap-2 text-xs">
            <span>
              Linked to <strong data-testid="linked-actor">{span.actor}</strong>
            </span>
            {editable ? (
              <button type="button" className="underline" onClick={() => onLink(null)}>
                Unlink
              </button>
            ) : null}
          </span>
        ) : (
          <span className="text-xs text-stone-600">Not linked</span>
        )}
      </div>
      {editable ? (
        <>
          <input
            id={`${listId}-input`}
            ref={inputRef}
            role="combobox"
            aria-expanded={open}
            aria-controls={`${listId}-list`}
            aria-autocomplete="list"
            aria-activedescendant={open && options.length ? `${listId}-opt-${activeIndex}` : undefined}
            aria-label="Link to actor"
            autoComplete="off"
            value={query}
            placeholder={span.actor ? "Link to another actor…" : "Search the register…"}
            className={inputClass}
            onFocus={() => setOpen(true)}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
              setOpen(true);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") {
                e.preventDefault();
                setOpen(true);
                setActive((i) => Math.min(i + 1, options.length - 1));
              } else if (e.key === "ArrowUp") {
                e.preventDefault();
                setActive((i) => Math.max(i - 1, 0));
              } else if (e.key === "Enter") {
                e.preventDefault();
                if (open) choose(options[activeIndex]);
              } else if (e.key === "Escape" && open) {
                e.preventDefault();
                e.stopPropagation();
                setOpen(false);
              }
            }}
          />
          {open ? (
            <ul id={`${listId}-list`} role="listbox" aria-label="Actors to link" className="max-h-56 overflow-y-auto rounded-md border border-stone-300 bg-white py-1 text-sm shadow-sm">
              {options.map((option, i) => (
                <li
                  key={option.kind === "actor" ? option.candidate.id : "create"}
                  id={`${listId}-opt-${i}`}
                  role="option"
                  aria-selected={i === activeIndex}
                  className={`cursor-pointer px-2 py-1 ${i === activeIndex ? "bg-stone-200" : "hover:bg-stone-100"}`}
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => choose(option)}
                >
                  {option.kind === "actor" ? (
                    <>
                      <span className="font-medium">{option.candidate.name}</span>
                      {option.candidate.aliases.length ? <span className="text-xs text-stone-600"> · {option.candidate.aliases.slice(0, 3).join(", ")}</span> : null}
                      <span className="float-right text-xs tabular-nums text-stone-600">{Math.round(option.candidate.score * 100)}%</span>
                    </>
                  ) : (
                    <span>
                      Create new actor “<span className="font-medium">{option.name}</span>”
                    </span>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          {open && failed ? <p className="text-xs text-red-800">The register could not be searched; you can still create a new actor.</p> : null}
        </>
      ) : null}
    </div>
  );
}
