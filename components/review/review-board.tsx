"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ReviewBoard as Board } from "@/db/queries/review-board";
import { UNIT_KIND_NAMES } from "@/lib/review/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { BoardText, selectedOffsets } from "./board-text";
import { FeedbackTable } from "./feedback-table";
import { GoldTable } from "./gold-table";
import { SpanDialog, type SpanDraft } from "./span-dialog";
import { UnitPanel } from "./unit-panel";

type Decision =
  | { decision: "accept"; unit: string; analyst: string }
  | { decision: "reject"; unit: string }
  | { decision: "edit"; unit: string; label: string; start: number; end: number }
  | { decision: "add"; label: string; start: number; end: number }
  | { decision: "accept_unanimous" };

function unitLabels(unit: Board["units"][number]): string[] {
  return [...new Set(unit.versions.flatMap((version) => version.spans.map((span) => span.label)))];
}

/** "undecided", "rejected", "accepted: 1 gold span", "accepted: nothing to gold"… */
function decisionSummary(decision: Board["units"][number]["decision"]): string {
  if (!decision) return "undecided";
  const verb = { accept: "accepted", edit: "edited", add: "added", reject: "rejected" }[decision.decision] ?? decision.decision;
  if (decision.decision === "reject") return verb;
  return `${verb}: ${decision.goldSpans === 0 ? "nothing to gold" : `${decision.goldSpans} gold span${decision.goldSpans === 1 ? "" : "s"}`}`;
}

const KEYS = "j/↓ next unit · k/↑ previous · 1–9 accept that analyst's version · e edit · r reject · n add a span · u undo";

/**
 * The review board: the article once, read-only, with the units over it; the current unit's
 * versions side by side; the gold layer and the analysts' figures against it. Every decision goes
 * to the review API, which answers the new board. Keys work anywhere outside form fields and dialogs.
 */
export function ReviewBoard({ slug, initialBoard }: { slug: string; initialBoard: Board }) {
  const [board, setBoard] = useState(initialBoard);
  const [current, setCurrent] = useState(() => Math.max(0, initialBoard.units.findIndex((unit) => !unit.decision)));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [showGold, setShowGold] = useState(false);
  const [dialog, setDialog] = useState<{ mode: "edit" | "add"; initial: SpanDraft } | null>(null);
  const base = `/api/v1/projects/${slug}/articles/${encodeURIComponent(board.article.externalId)}/review`;
  const units = board.units;
  const readerHref = `/projects/${slug}/articles/${encodeURIComponent(board.article.externalId)}`;
  const unit = units[current] ?? null;
  const labelName = useCallback((key: string) => board.labels.find((label) => label.key === key)?.name ?? key, [board.labels]);
  const chars = useMemo(() => [...board.article.text], [board.article.text]);
  const goldRanges = useMemo(
    () =>
      board.gold.map((span) => ({
        start: span.start,
        end: span.end,
        colour: board.labels.find((label) => label.key === span.label)?.colour ?? "#000000",
        title: `${labelName(span.label)}${span.speaker ? `, said by ${span.speaker.name}` : ""}`,
      })),
    [board.gold, board.labels, labelName],
  );
  const textUnits = useMemo(() => units.map((u) => ({ key: u.key, start: u.start, end: u.end, decided: !!u.decision })), [units]);

  const send = useCallback(
    async (path: "decisions" | "undo", body: object, done: string, advance: boolean) => {
      setBusy(true);
      try {
        const response = await fetch(`${base}/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
        const answer = await response.json().catch(() => null);
        if (!response.ok) {
          setMessage({ tone: "error", text: answer?.error?.message ?? `The server answered ${response.status}.` });
          if (response.status === 409) {
            const fresh = await fetch(base);
            if (fresh.ok) setBoard(await fresh.json());
          }
          return;
        }
        const next: Board = answer.board;
        setBoard(next);
        setMessage({ tone: "success", text: done });
        if (advance) {
          const after = next.units.findIndex((u, i) => i > current && !u.decision);
          const first = next.units.findIndex((u) => !u.decision);
          setCurrent(after >= 0 ? after : first >= 0 ? first : Math.min(current, next.units.length - 1));
        } else {
          setCurrent((i) => Math.min(i, Math.max(0, next.units.length - 1)));
        }
      } catch {
        setMessage({ tone: "error", text: "The server could not be reached; nothing was saved." });
      } finally {
        setBusy(false);
      }
    },
    [base, current],
  );

  const decide = useCallback(
    (decision: Decision, done: string) => send("decisions", decision, done, decision.decision !== "add"),
    [send],
  );
  const accept = useCallback(
    (analystId: string) => {
      if (!unit) return;
      const email = board.analysts.find((a) => a.id === analystId)?.email ?? "the analyst";
      void decide({ decision: "accept", unit: unit.key, analyst: analystId }, `Accepted ${email}'s version of unit ${current + 1}.`);
    },
    [board.analysts, current, decide, unit],
  );
  const reject = useCallback(() => unit && void decide({ decision: "reject", unit: unit.key }, `Rejected unit ${current + 1}.`), [current, decide, unit]);
  const undo = useCallback(() => void send("undo", {}, "Undid the last decision.", false), [send]);
  const openEdit = useCallback(() => {
    if (!unit) return;
    const first = unit.versions.flatMap((v) => v.spans)[0];
    setDialog({ mode: "edit", initial: { label: first?.label ?? board.labels[0]?.key ?? "", start: unit.start, end: unit.end } });
  }, [board.labels, unit]);
  const openAdd = useCallback(() => {
    const selected = selectedOffsets();
    const fallback = unit ? { start: unit.start, end: unit.end } : { start: 0, end: 1 };
    setDialog({ mode: "add", initial: { label: board.labels[0]?.key ?? "", ...(selected ?? fallback) } });
  }, [board.labels, unit]);
  const move = useCallback((step: number) => setCurrent((i) => Math.min(Math.max(0, i + step), Math.max(0, units.length - 1))), [units.length]);

  const keys = useRef<(event: KeyboardEvent) => void>(() => {});
  keys.current = (event) => {
    const target = event.target as HTMLElement | null;
    if (event.metaKey || event.ctrlKey || event.altKey || busy || dialog) return;
    if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.closest("[role=dialog]"))) return;
    const key = event.key;
    if (key === "j" || key === "ArrowDown" || key === "ArrowRight") move(1);
    else if (key === "k" || key === "ArrowUp" || key === "ArrowLeft") move(-1);
    else if (/^[1-9]$/.test(key) && unit) {
      const version = unit.versions[Number(key) - 1];
      if (!version) return;
      accept(version.analystId);
    } else if (key === "r") reject();
    else if (key === "e") openEdit();
    else if (key === "n") openAdd();
    else if (key === "u") undo();
    else return;
    event.preventDefault();
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keys.current(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  const open = units.filter((u) => !u.decision).length;
  const unanimousOpen = units.filter((u) => u.kind === "unanimous" && !u.decision).length;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">Review: {board.article.title}</h1>
        <p className="text-sm text-stone-700">
          {units.length} unit{units.length === 1 ? "" : "s"}, {open} undecided · {board.gold.length} gold span{board.gold.length === 1 ? "" : "s"} · layers in the reader:{" "}
          {board.analysts.map((a, i) => (
            <span key={a.id}>
              <a className="underline" href={`${readerHref}?layer=${encodeURIComponent(a.email)}`}>
                {i + 1} {a.email}
              </a>
              {", "}
            </span>
          ))}
          <a className="underline" href={`${readerHref}?layer=gold`}>
            gold
          </a>
        </p>
        <p className="text-xs text-stone-600">Keys: {KEYS}</p>
      </header>
      <div aria-live="polite" className="min-h-[2.5rem]">
        {message ? <Alert tone={message.tone === "error" ? "error" : "success"}>{message.text}</Alert> : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button disabled={busy || unanimousOpen === 0} onClick={() => void send("decisions", { decision: "accept_unanimous" }, `Accepted ${unanimousOpen} unanimous unit${unanimousOpen === 1 ? "" : "s"}.`, true)}>
          Accept all unanimous ({unanimousOpen})
        </Button>
        <Button variant="secondary" disabled={busy} onClick={openAdd} aria-keyshortcuts="n">
          Add a span <kbd className="rounded bg-stone-200 px-1 text-xs">n</kbd>
        </Button>
        <Button variant="secondary" disabled={busy || board.history.every((d) => d.undoneAt)} onClick={undo} aria-keyshortcuts="u">
          Undo last decision <kbd className="rounded bg-stone-200 px-1 text-xs">u</kbd>
        </Button>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-2">
          <fieldset className="flex flex-wrap items-center gap-3 text-sm">
            <legend className="sr-only">Marked in the text</legend>
            <span aria-hidden="true" className="text-stone-700">Marked in the text:</span>
            <label className="flex items-center gap-1">
              <input type="radio" name="text-marks" checked={!showGold} onChange={() => setShowGold(false)} /> Units
            </label>
            <label className="flex items-center gap-1">
              <input type="radio" name="text-marks" checked={showGold} onChange={() => setShowGold(true)} /> Gold layer
            </label>
          </fieldset>
          <BoardText text={board.article.text} units={textUnits} current={current} onSelect={setCurrent} gold={showGold ? goldRanges : undefined} />
        </div>
        <div className="space-y-4">
          {unit ? (
            <UnitPanel unit={unit} position={current + 1} total={units.length} busy={busy} labelName={labelName} onAccept={accept} onReject={reject} onEdit={openEdit} />
          ) : (
            <p className="rounded-md border border-dashed border-stone-300 px-4 py-6 text-sm text-stone-700">No analyst marked a span on this article.</p>
          )}
          <nav aria-label="Units">
            <ol className="max-h-72 space-y-1 overflow-y-auto text-sm">
              {units.map((u, i) => (
                <li key={u.key}>
                  <button
                    type="button"
                    onClick={() => setCurrent(i)}
                    aria-current={i === current ? "true" : undefined}
                    className="w-full rounded-md px-2 py-1 text-left hover:bg-stone-100 aria-[current=true]:bg-sky-100 aria-[current=true]:font-medium"
                  >
                    {i + 1}. {UNIT_KIND_NAMES[u.kind]} · {unitLabels(u).map(labelName).join(", ")} · “{chars.slice(u.start, Math.min(u.end, u.start + 60)).join("")}” ·{" "}
                    {decisionSummary(u.decision)}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
        </div>
      </div>
      <section aria-labelledby="gold-heading" className="space-y-3">
        <h2 id="gold-heading" className="text-lg font-semibold">
          Gold layer
        </h2>
        <GoldTable gold={board.gold} labelName={labelName} />
      </section>
      {board.feedback ? (
        <section aria-labelledby="feedback-heading" className="space-y-3">
          <h2 id="feedback-heading" className="text-lg font-semibold">
            Analysts against gold
          </h2>
          <p className="max-w-3xl text-sm text-stone-700">
            Precision: the share of an analyst&apos;s spans that gold has (same label and bounds); recall: the share of gold spans they made.
          </p>
          <FeedbackTable feedback={board.feedback} labelName={labelName} />
        </section>
      ) : null}
      {dialog ? (
        <SpanDialog
          mode={dialog.mode}
          open
          initial={dialog.initial}
          labels={board.labels}
          text={board.article.text}
          onCancel={() => setDialog(null)}
          onSave={(draft) => {
            const mode = dialog.mode;
            setDialog(null);
            if (mode === "edit" && unit) void decide({ decision: "edit", unit: unit.key, ...draft }, `Saved your edit of unit ${current + 1} to gold.`);
            else void decide({ decision: "add", ...draft }, "Added your span to gold.");
          }}
        />
      ) : null}
    </div>
  );
}
