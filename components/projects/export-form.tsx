"use client";

import { useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { EXPORT_FORMAT_INFO, type ExportFormat } from "@/lib/export-request";

export type ExportLayerOption = { value: string; label: string };

type State =
  | { kind: "idle" }
  | { kind: "downloading"; received: number }
  | { kind: "done"; fileName: string; bytes: number }
  | { kind: "failed"; message: string };

const FORMAT_NOTES: Record<ExportFormat, string> = {
  jsonl: "One article a line with its layers; imports back without loss.",
  brat: "A .txt and an .ann per article and an annotation.conf, zipped.",
  conll: "One token a line, an IOB2 column per label.",
  webanno: "One annotation per span, with position and quote selectors.",
  csv: "One row per span: article, layer, label, offsets, text, actor, speaker.",
  doccano: "Text with [start, end, label] spans, as doccano imports it.",
  "actors-csv": "The project's canonical actors with aliases and kinds.",
  "actors-jsonl": "The project's canonical actors, one a line.",
};

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function fileNameFrom(disposition: string | null): string | null {
  return disposition ? (/filename="([^"]+)"/.exec(disposition)?.[1] ?? null) : null;
}

/** Saves bytes received in the page as a file, through an object URL and an `<a download>`. */
function save(parts: Uint8Array<ArrayBuffer>[], type: string, fileName: string) {
  const href = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the browser reads the object URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/**
 * Picks a format and a layer, then downloads the export through the API route, showing the
 * bytes received (the length is not known in advance: the server streams as it reads).
 */
export function ExportForm({ slug, formats, layers }: { slug: string; formats: ExportFormat[]; layers: ExportLayerOption[] }) {
  const [format, setFormat] = useState<ExportFormat>(formats[0]);
  const [layer, setLayer] = useState(layers[0]?.value ?? "me");
  const [state, setState] = useState<State>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);
  const register = EXPORT_FORMAT_INFO[format].register;
  const url = `/api/v1/projects/${encodeURIComponent(slug)}/export?${new URLSearchParams(register ? { format } : { format, layer })}`;

  async function download(event: FormEvent) {
    event.preventDefault();
    if (state.kind === "downloading") return;
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: "downloading", received: 0 });
    try {
      const response = await fetch(url, { signal: controller.signal });
      if (!response.ok || !response.body) {
        const body = await response.json().catch(() => null);
        setState({ kind: "failed", message: body?.error?.message ?? `The server answered ${response.status}.` });
        return;
      }
      const fileName = fileNameFrom(response.headers.get("content-disposition")) ?? `${slug}-export`;
      const reader = response.body.getReader();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value as Uint8Array<ArrayBuffer>);
        received += value.length;
        setState({ kind: "downloading", received });
      }
      save(parts, response.headers.get("content-type") ?? "application/octet-stream", fileName);
      setState({ kind: "done", fileName, bytes: received });
    } catch (error) {
      setState(
        controller.signal.aborted
          ? { kind: "idle" }
          : { kind: "failed", message: `The download was interrupted (${(error as Error).message}). Nothing was saved; try again.` },
      );
    } finally {
      abort.current = null;
    }
  }

  const busy = state.kind === "downloading";
  return (
    <form onSubmit={download} className="space-y-5 rounded-lg border border-stone-200 bg-white p-4">
      <fieldset className="space-y-2" disabled={busy}>
        <legend className="mb-1 text-sm font-medium text-stone-800">Format</legend>
        {formats.map((value) => (
          <label key={value} className="flex items-start gap-2 text-sm">
            <input type="radio" name="format" value={value} checked={format === value} onChange={() => setFormat(value)} className="mt-1" />
            <span>
              <span className="font-medium">{EXPORT_FORMAT_INFO[value].label}</span>
              <span className="block text-xs text-stone-600">{FORMAT_NOTES[value]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {register ? (
        <p className="text-sm text-stone-700">The actor register belongs to the project, not to a layer.</p>
      ) : layers.length > 1 ? (
        <div className="max-w-sm space-y-1">
          <label htmlFor="export-layer" className="block text-sm font-medium text-stone-800">
            Layer
          </label>
          <select id="export-layer" value={layer} onChange={(event) => setLayer(event.target.value)} disabled={busy} className={inputClass}>
            {layers.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="text-sm text-stone-700">
          <span className="font-medium">Layer:</span> {layers[0]?.label ?? "My layer"}: your own annotations, of the articles assigned to you.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? "Downloading…" : "Download"}
        </Button>
        {busy ? (
          <Button variant="secondary" onClick={() => abort.current?.abort()}>
            Cancel
          </Button>
        ) : null}
        <p role="status" className="text-sm text-stone-700">
          {state.kind === "downloading" && `Exporting… ${formatBytes(state.received)} received`}
          {state.kind === "done" && `Saved ${state.fileName} (${formatBytes(state.bytes)}).`}
        </p>
      </div>
      {state.kind === "failed" ? <Alert>{state.message}</Alert> : null}
      <p className="text-xs text-stone-600">
        From a script, with a personal access token: <code className="break-all">{url}</code>
      </p>
    </form>
  );
}
