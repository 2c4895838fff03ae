/**
 * An export request (`?format=&layer=&articles=`, or the CLI's options): which format, which
 * layer, which articles, and whether the caller may have it. Shared by the download route, the
 * export page and the CLI so that the rules live in one place:
 *   - analysts export only their own layer (their email, or `me`), of the articles assigned to them;
 *   - gold, all analysts' layers, another analyst's layer and the actor register are for
 *     reviewers and admins (`export.allLayers`).
 * Parsing (400) and authorising (403) are separate steps so that a route can look the project
 * up in between and answer 404 before it says anything about permissions.
 */
import { can, type Role } from "./permissions";

export const EXPORT_FORMATS = ["jsonl", "brat", "conll", "webanno", "csv", "doccano", "actors-csv", "actors-jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type FormatInfo = {
  label: string;
  contentType: string;
  extension: string;
  /** Put between the layer and the extension in the file name. */
  suffix: string;
  /** The actor register is the project's, not a layer's. */
  register: boolean;
  /** Bytes (a zip) rather than text. */
  binary: boolean;
};

const NDJSON = "application/x-ndjson; charset=utf-8";
export const EXPORT_FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  jsonl: { label: "Native JSONL (lossless)", contentType: NDJSON, extension: ".jsonl", suffix: "", register: false, binary: false },
  brat: { label: "brat standoff (.zip)", contentType: "application/zip", extension: ".zip", suffix: "-brat", register: false, binary: true },
  conll: { label: "CoNLL IOB2", contentType: "text/plain; charset=utf-8", extension: ".conll", suffix: "", register: false, binary: false },
  webanno: { label: "W3C Web Annotation (JSON-LD)", contentType: "application/ld+json; charset=utf-8", extension: ".jsonld", suffix: "", register: false, binary: false },
  csv: { label: "CSV of spans", contentType: "text/csv; charset=utf-8", extension: ".csv", suffix: "-spans", register: false, binary: false },
  doccano: { label: "doccano JSONL", contentType: NDJSON, extension: ".jsonl", suffix: "-doccano", register: false, binary: false },
  "actors-csv": { label: "Actor register (CSV)", contentType: "text/csv; charset=utf-8", extension: ".csv", suffix: "actors", register: true, binary: false },
  "actors-jsonl": { label: "Actor register (JSONL)", contentType: NDJSON, extension: ".jsonl", suffix: "actors", register: true, binary: false },
};

/** What the caller asked for, before any permission is checked. `email` is lower-case. */
export type LayerRequest = { kind: "gold" } | { kind: "analysts" } | { kind: "me" } | { kind: "analyst"; email: string };

/** What will be exported: the layer with the analyst's email resolved (`own`: the caller's). */
export type ExportTarget = { kind: "gold" } | { kind: "analysts" } | { kind: "analyst"; email: string; own: boolean };

export type ParsedExport = {
  format: ExportFormat;
  /** Null for the actor register, which has no layer. */
  layer: LayerRequest | null;
  /** External ids to export; null for every article. */
  articles: string[] | null;
};

export type AuthorisedExport = {
  format: ExportFormat;
  target: ExportTarget | null;
  articles: string[] | null;
  /** Analysts see only the articles assigned to them, so their exports hold only those. */
  assignedOnly: boolean;
  contentType: string;
  extension: string;
  fileName: string;
};

export type Refusal = { ok: false; status: 400 | 403; message: string };

export const MAX_ARTICLE_IDS = 10_000;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export type ExportQuery = { format?: string | null; layer?: string | null; articles?: string | null };

/** Checks the shape of the request (400 on anything unknown). */
export function parseExportRequest(query: ExportQuery): { ok: true; request: ParsedExport } | Refusal {
  const format = (query.format ?? "").trim().toLowerCase();
  if (!format) return bad(`Choose a format: ${EXPORT_FORMATS.join(", ")}.`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    return bad(`Unknown format "${query.format}": use one of ${EXPORT_FORMATS.join(", ")}.`);
  }
  const info = EXPORT_FORMAT_INFO[format as ExportFormat];
  let layer: LayerRequest | null = null;
  if (!info.register) {
    const name = (query.layer ?? "").trim().toLowerCase();
    if (!name) return bad('Choose a layer: "gold", "all", "me" or an analyst\'s email.');
    if (name === "gold") layer = { kind: "gold" };
    else if (name === "all") layer = { kind: "analysts" };
    else if (name === "me") layer = { kind: "me" };
    else if (EMAIL.test(name)) layer = { kind: "analyst", email: name };
    else return bad(`Unknown layer "${query.layer}": use "gold", "all", "me" or an analyst's email.`);
  }
  let articles: string[] | null = null;
  if (query.articles !== undefined && query.articles !== null) {
    articles = [...new Set(query.articles.split(",").map((id) => id.trim()).filter(Boolean))];
    if (articles.length === 0) return bad("articles= names no article: give external ids separated by commas, or leave it out.");
    if (articles.length > MAX_ARTICLE_IDS) return bad(`articles= names more than ${MAX_ARTICLE_IDS.toLocaleString("en")} articles; export the whole project instead.`);
  }
  return { ok: true, request: { format: format as ExportFormat, layer, articles } };
}

/** Applies the access rules to a parsed request for this caller (403 when not allowed). */
export function authoriseExport(
  request: ParsedExport,
  caller: { role: Role; email: string },
  projectSlug: string,
): { ok: true; export: AuthorisedExport } | Refusal {
  const info = EXPORT_FORMAT_INFO[request.format];
  const everyLayer = can(caller.role, "export.allLayers");
  const email = caller.email.trim().toLowerCase();
  let target: ExportTarget | null = null;
  if (info.register) {
    if (!everyLayer) return forbidden("The actor register is exported by reviewers and admins.");
  } else {
    const layer = request.layer;
    if (!layer) return bad('Choose a layer: "gold", "all", "me" or an analyst\'s email.');
    if (layer.kind === "gold" || layer.kind === "analysts") {
      if (!everyLayer) return forbidden(`Only reviewers and admins may export ${layer.kind === "gold" ? "the gold layer" : "every analyst's layer"}; you may export your own ("me").`);
      target = layer;
    } else {
      const wanted = layer.kind === "me" ? email : layer.email;
      const own = wanted === email;
      if (!own && !everyLayer) return forbidden("Annotation is blind: you may export only your own layer.");
      target = { kind: "analyst", email: wanted, own };
    }
  }
  return {
    ok: true,
    export: {
      format: request.format,
      target,
      articles: request.articles,
      assignedOnly: !everyLayer,
      contentType: info.contentType,
      extension: info.extension,
      fileName: exportFileName(projectSlug, request.format, target),
    },
  };
}

/** Parse, then authorise: the whole check where no lookup comes in between (the CLI, tests). */
export function resolveExportRequest(
  query: ExportQuery,
  caller: { role: Role; email: string },
  projectSlug: string,
): { ok: true; export: AuthorisedExport } | Refusal {
  const parsed = parseExportRequest(query);
  return parsed.ok ? authoriseExport(parsed.request, caller, projectSlug) : parsed;
}

/** e.g. `velmora-strike-gold-brat.zip`, `velmora-strike-alice@example.org.jsonl`, `velmora-strike-actors.csv`. */
export function exportFileName(projectSlug: string, format: ExportFormat, target: ExportTarget | null): string {
  const info = EXPORT_FORMAT_INFO[format];
  const layer = target === null ? info.suffix : `${layerFilePart(target)}${info.suffix}`;
  return safeFileName(`${projectSlug}-${layer}`) + info.extension;
}

function layerFilePart(target: ExportTarget): string {
  if (target.kind === "gold") return "gold";
  if (target.kind === "analysts") return "all-analysts";
  return target.email;
}

/** ASCII letters, digits and `._@+-` only, so the name needs no escaping in a header and suits every file system. */
function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._@+-]+/g, "_").replace(/^[.]+/, "_").slice(0, 180);
}

/** The layer option of lib/formats' writers for a target whose analyst email is the stored one. */
export function writerLayer(target: ExportTarget): string {
  return target.kind === "gold" ? "gold" : target.kind === "analysts" ? "all" : target.email;
}

/** A Content-Disposition value for the file name (already ASCII-safe). */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}

function bad(message: string): Refusal {
  return { ok: false, status: 400, message };
}

function forbidden(message: string): Refusal {
  return { ok: false, status: 403, message };
}
