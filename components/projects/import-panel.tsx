"use client";

import { useRef, useState, type DragEvent } from "react";
import { groupImportFiles, type ImportUnit } from "@/lib/import-files";
import { Button } from "@/components/ui/button";

type Issue = { file: string; line: number; message: string };
type FileResult = { file: string; ok: boolean; imported: number; duplicates: { id: string; existing: string }[]; errors: Issue[]; warnings: Issue[] };
type Row = {
  key: string;
  label: string;
  unit: ImportUnit<File> | null;
  state: "waiting" | "uploading" | "importing" | "done" | "failed";
  progress: number;
  results: FileResult[];
  message?: string;
};

function unitLabel(unit: ImportUnit<File>): string {
  return unit.kind === "brat" ? `${unit.txtName} + ${unit.annName} (brat)` : `${unit.name} (${unit.kind === "plain" ? "plain text" : "JSONL"})`;
}

/** Uploads one import unit with progress; resolves with the server's per-file results. */
function upload(slug: string, unit: ImportUnit<File>, onProgress: (fraction: number) => void): Promise<{ results: FileResult[]; message?: string }> {
  const form = new FormData();
  if (unit.kind === "brat") {
    form.append("file", unit.txt, unit.txtName);
    form.append("file", unit.ann, unit.annName);
  } else form.append("file", unit.file, unit.name);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/projects/${encodeURIComponent(slug)}/articles`);
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      let body: { files?: FileResult[]; error?: { message: string } } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: reported below
      }
      if (body.files) resolve({ results: body.files });
      else resolve({ results: [], message: body.error?.message ?? `The server answered ${xhr.status}.` });
    };
    xhr.onerror = () => resolve({ results: [], message: "The upload failed: the server cannot be reached. Nothing was stored; try again." });
    xhr.send(form);
  });
}

export function ImportPanel({ slug }: { slug: string }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const patch = (key: string, change: Partial<Row>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));

  async function start(files: File[]) {
    if (files.length === 0 || busy) return;
    const grouping = groupImportFiles(files.map((file) => ({ name: file.name, file })));
    const stamp = Date.now();
    const planned: Row[] = [
      ...grouping.units.map((unit, i) => ({ key: `${stamp}-${i}`, label: unitLabel(unit), unit, state: "waiting" as const, progress: 0, results: [] })),
      ...grouping.problems.map((problem, i) => ({ key: `${stamp}-p${i}`, label: problem.file, unit: null, state: "failed" as const, progress: 0, results: [], message: problem.message })),
    ];
    setRows((current) => [...planned, ...current]);
    setBusy(true);
    for (const row of planned) {
      if (!row.unit) continue;
      patch(row.key, { state: "uploading" });
      const outcome = await upload(slug, row.unit, (fraction) => patch(row.key, { progress: fraction, state: fraction >= 1 ? "importing" : "uploading" }));
      const ok = !outcome.message && outcome.results.every((result) => result.ok);
      patch(row.key, { state: ok ? "done" : "failed", progress: 1, results: outcome.results, message: outcome.message });
    }
    setBusy(false);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void start(Array.from(event.dataTransfer.files));
  }

  return (
    <div className="space-y-4">
      <div
        onDragOver={(event) => (event.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-lg border-2 border-dashed px-6 py-10 text-center ${dragging ? "border-sky-600 bg-sky-50" : "border-stone-300 bg-white"}`}
      >
        <p className="text-sm text-stone-800">Drop files here: native or doccano <code>.jsonl</code>, plain <code>.txt</code> (first line is the title), or brat <code>.txt</code> + <code>.ann</code> pairs.</p>
        <p className="mt-1 text-xs text-stone-600">Each file is imported whole or not at all; texts already in the project are reported and skipped.</p>
        <label htmlFor="import-files" className="sr-only">
          Files to import
        </label>
        <input
          ref={input}
          id="import-files"
          type="file"
          multiple
          accept=".jsonl,.ndjson,.json,.txt,.ann"
          className="sr-only"
          onChange={(event) => {
            void start(Array.from(event.target.files ?? []));
            event.target.value = "";
          }}
        />
        <Button className="mt-4" onClick={() => input.current?.click()} disabled={busy}>
          Choose files…
        </Button>
      </div>
      {rows.length > 0 ? (
        <ul aria-label="Import results" className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {rows.map((row) => (
            <li key={row.key} className="space-y-1 px-4 py-3 text-sm">
              <div className="flex items-center gap-3">
                <span className="min-w-0 flex-1 truncate font-medium">{row.label}</span>
                <span role="status" className={row.state === "failed" ? "text-red-800" : row.state === "done" ? "text-emerald-800" : "text-stone-700"}>
                  {row.state === "waiting" && "Waiting"}
                  {row.state === "uploading" && `Uploading ${Math.round(row.progress * 100)}%`}
                  {row.state === "importing" && "Importing…"}
                  {row.state === "done" && `Imported ${row.results.reduce((n, r) => n + r.imported, 0)}`}
                  {row.state === "failed" && "Not imported"}
                </span>
              </div>
              {row.state === "uploading" || row.state === "importing" ? (
                <progress className="h-1.5 w-full" max={1} value={row.state === "importing" ? undefined : row.progress} aria-label={`Progress of ${row.label}`} />
              ) : null}
              {row.message ? <p className="text-red-800">{row.message}</p> : null}
              {row.results.map((result) => (
                <div key={result.file} className="space-y-0.5 text-xs">
                  {result.duplicates.length > 0 ? (
                    <p className="text-stone-700">
                      {result.duplicates.length} duplicate{result.duplicates.length === 1 ? "" : "s"} skipped: {result.duplicates.slice(0, 5).map((d) => `${d.id} (same text as ${d.existing})`).join(", ")}
                      {result.duplicates.length > 5 ? "…" : ""}
                    </p>
                  ) : null}
                  {result.errors.length > 0 ? (
                    <ul className="list-inside list-disc text-red-800">
                      {result.errors.slice(0, 20).map((error, i) => (
                        <li key={i}>
                          {error.file}
                          {error.line ? `, line ${error.line}` : ""}: {error.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {result.warnings.slice(0, 5).map((warning, i) => (
                    <p key={i} className="text-amber-900">
                      Note: {warning.file}
                      {warning.line ? `, line ${warning.line}` : ""}: {warning.message}
                    </p>
                  ))}
                </div>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
