/**
 * One export, from the database to a stream of chunks (strings, or bytes for the brat zip):
 * streamCorpus feeds a lib/formats writer batch by batch, so neither the download route nor the
 * CLI ever holds the whole export. The caller has already checked the request
 * (lib/export-request.ts); this module resolves the analyst's email and runs the writer.
 */
import type { Database } from "../types";
import {
  writeActorsCsv,
  writeActorsJsonl,
  writeBratZip,
  writeConll,
  writeDoccanoJsonl,
  writeNativeJsonl,
  writeSpansCsv,
  writeWebAnnotationCollection,
  type ImportedArticle,
} from "../../lib/formats";
import { writerLayer, type ExportFormat, type ExportTarget } from "../../lib/export-request";
import { streamCorpus, type CorpusFilter, type LayerChoice } from "./corpus";
import { listActorRegister } from "./actors";
import { listProjectLabels } from "./project-labels";
import { findUserByEmail } from "./users";

export type ExportLayer = { choice: LayerChoice; writerLayer: string };

/** The layer to read for a target; null when the analyst's email names no user. */
export async function resolveExportLayer(db: Database, target: ExportTarget): Promise<ExportLayer | null> {
  if (target.kind === "gold") return { choice: { kind: "gold" }, writerLayer: "gold" };
  if (target.kind === "analysts") return { choice: { kind: "analysts" }, writerLayer: "all" };
  const user = await findUserByEmail(db, target.email);
  if (!user) return null;
  // The writers pick the layer by the email streamCorpus reports, which is the stored one.
  return { choice: { kind: "analyst", userId: user.id }, writerLayer: writerLayer({ ...target, email: user.email }) };
}

export type ExportSpec = {
  projectId: string;
  format: ExportFormat;
  /** Null for the actor register. */
  layer: ExportLayer | null;
  filter?: CorpusFilter;
  /** IRI prefix of Web Annotation ids (the project's API address), ending in "/". */
  baseIri?: string;
  /** Called after each article is handed to the writer, with the count so far. */
  onArticle?: (count: number) => void;
};

export async function* exportChunks(db: Database, spec: ExportSpec): AsyncGenerator<string | Uint8Array> {
  if (spec.format === "actors-csv" || spec.format === "actors-jsonl") {
    const register = await listActorRegister(db, spec.projectId);
    yield* spec.format === "actors-csv" ? writeActorsCsv(register) : writeActorsJsonl(register);
    return;
  }
  if (!spec.layer) throw new Error(`The ${spec.format} export needs a layer.`);
  const layer = spec.layer.writerLayer;
  const labels = (await listProjectLabels(db, [spec.projectId])).map((label) => label.key);
  const articles = counted(streamCorpus(db, spec.projectId, spec.layer.choice, spec.filter), spec.onArticle);
  switch (spec.format) {
    case "jsonl":
      return yield* writeNativeJsonl(articles, { layer });
    case "brat":
      return yield* writeBratZip(articles, { layer, labels });
    case "conll":
      return yield* writeConll(articles, { layer, labels });
    case "webanno":
      return yield* writeWebAnnotationCollection(articles, { layer, baseIri: spec.baseIri });
    case "csv":
      return yield* writeSpansCsv(articles, { layer });
    case "doccano":
      return yield* writeDoccanoJsonl(articles, { layer });
  }
}

async function* counted(articles: AsyncIterable<ImportedArticle>, onArticle?: (count: number) => void): AsyncGenerator<ImportedArticle> {
  let count = 0;
  for await (const article of articles) {
    yield article;
    onArticle?.(++count);
  }
}

/**
 * Text chunks encoded as UTF-8 in pieces of at least `size` bytes (the last may be smaller), so a
 * response or a file gets a few large writes instead of one per article. Text is gathered as
 * strings and encoded once per piece; byte chunks (the brat zip) pass through in order.
 */
export async function* utf8Pieces(chunks: AsyncIterable<string | Uint8Array>, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let text = "";
  let bytes: Uint8Array[] = [];
  let length = 0;
  const flush = (): Uint8Array => {
    const piece = bytes.length === 1 ? bytes[0] : join(bytes, length);
    bytes = [];
    length = 0;
    return piece;
  };
  for await (const chunk of chunks) {
    if (typeof chunk === "string") {
      // UTF-8 takes at least one byte per UTF-16 unit, so the string's length is a lower bound.
      text += chunk;
      if (text.length >= size) {
        if (length) yield flush();
        yield encoder.encode(text);
        text = "";
      }
      continue;
    }
    if (text) {
      bytes.push(encoder.encode(text));
      length += bytes[bytes.length - 1].length;
      text = "";
    }
    if (chunk.length === 0) continue;
    bytes.push(chunk);
    length += chunk.length;
    if (length >= size) yield flush();
  }
  if (text) {
    bytes.push(encoder.encode(text));
    length += bytes[bytes.length - 1].length;
  }
  if (length) yield flush();
}

function join(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
