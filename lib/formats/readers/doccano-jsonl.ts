/**
 * doccano sequence-labelling JSONL, in the variants doccano has exported:
 *   {"id": 1, "text": "...", "label": [[0, 5, "QUOTE"], ...]}       (also "labels", and "data" for the text)
 *   {"id": 1, "text": "...", "entities": [{"id": 3, "start_offset": 0, "end_offset": 5, "label": "QUOTE"}],
 *    "relations": [{"id": 1, "from_id": 3, "to_id": 4, "type": "attributed_to"}]}
 * doccano is Python, so offsets are code points, like ours. Fields other than
 * these (and title, outlet, url, published_at) are kept in `meta`.
 */
import {
  deriveTitle,
  normalizePublishedAt,
  unstorableJsonProblem,
  unstorableTextProblem,
} from "../article-defaults";
import { CodePointText } from "../code-point-text";
import type { ImportedArticle, LayerTargetOptions, ReadResult, ReaderOptions } from "../model";
import { idFromText } from "../text-hash";
import { buildLayer, labelSet, type Problem, type RelationCandidate, type SpanCandidate } from "../validate-layer";
import { JsonlArticleReader, readJsonlStream, readJsonlText, type LineConversion, type StreamOptions } from "./jsonl-reader";
import { checkLayerTarget, normalizeRelationType, placeLayer } from "./layer-target";

export type DoccanoReaderOptions = ReaderOptions & LayerTargetOptions;

/** Top-level keys with a meaning; every other key goes to meta. */
export const DOCCANO_KNOWN_KEYS: ReadonlySet<string> = new Set([
  "id", "text", "data", "label", "labels", "entities", "relations", "meta",
  "title", "outlet", "url", "published_at",
]);

export class DoccanoJsonlReader extends JsonlArticleReader {
  private readonly allowedLabels?: ReadonlySet<string>;
  private readonly target: LayerTargetOptions;

  constructor(options: DoccanoReaderOptions) {
    super(options);
    checkLayerTarget(options);
    this.allowedLabels = labelSet(options.allowedLabels);
    this.target = { annotator: options.annotator, gold: options.gold };
  }

  protected convert(value: Record<string, unknown>): LineConversion {
    return doccanoObjectToArticle(value, this.target, this.allowedLabels);
  }
}

export function doccanoObjectToArticle(
  value: Record<string, unknown>,
  target: LayerTargetOptions,
  allowedLabels?: ReadonlySet<string>,
): LineConversion {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const text = value.text ?? value.data;
  if (text === undefined) return { ok: false, errors: [{ message: "missing text" }] };
  if (typeof text !== "string") return { ok: false, errors: [{ message: "text must be a string" }] };
  if (text.length === 0) errors.push({ message: "text is empty" });
  const textProblem = unstorableTextProblem(text, "text");
  if (textProblem) errors.push({ message: textProblem });

  const optionalString = (key: string): string | null => {
    const field = value[key];
    if (field === undefined || field === null) return null;
    if (typeof field !== "string") {
      errors.push({ message: `${key} must be a string` });
      return null;
    }
    const problem = unstorableTextProblem(field, key);
    if (problem) errors.push({ message: problem });
    return field;
  };
  const title = optionalString("title");
  const outlet = optionalString("outlet");
  const url = optionalString("url");
  const published = optionalString("published_at");
  let publishedAt: string | null = null;
  if (published) {
    const date = normalizePublishedAt(published);
    if (date.ok) publishedAt = date.date;
    else errors.push({ message: date.message });
  }

  let id: string | null = null;
  if (value.id !== undefined && value.id !== null) {
    if ((typeof value.id === "string" && value.id !== "") || Number.isInteger(value.id)) id = String(value.id);
    else errors.push({ message: "id must be a non-empty string or an integer" });
  }

  const meta: Record<string, unknown> = {};
  if (value.meta !== undefined && value.meta !== null) {
    if (typeof value.meta === "object" && !Array.isArray(value.meta)) Object.assign(meta, value.meta);
    else errors.push({ message: "meta must be a JSON object" });
  }
  for (const [key, field] of Object.entries(value)) if (!DOCCANO_KNOWN_KEYS.has(key)) meta[key] = field;
  const metaProblem = unstorableJsonProblem(meta, "meta");
  if (metaProblem) errors.push({ message: metaProblem });

  const spans: SpanCandidate[] = [];
  const relations: RelationCandidate[] = [];
  for (const key of ["label", "labels"] as const) {
    if (value[key] !== undefined) readTriples(value[key], key, spans, errors);
  }
  if (value.entities !== undefined) readEntities(value.entities, spans, errors);
  if (value.relations !== undefined) readRelations(value.relations, relations, errors);
  if (errors.length) return { ok: false, errors, warnings };

  const checked = buildLayer(new CodePointText(text as string), spans, relations, { allowedLabels, idPrefix: "t" });
  if (checked.errors.length) return { ok: false, errors: checked.errors, warnings: checked.warnings };
  const article: ImportedArticle = {
    id: id ?? idFromText(text as string),
    title: title ?? deriveTitle(text as string),
    outlet,
    url,
    published_at: publishedAt,
    meta,
    text: text as string,
    ...placeLayer(checked.layer, target),
  };
  return { ok: true, article, warnings: checked.warnings };
}

function readTriples(field: unknown, key: string, spans: SpanCandidate[], errors: Problem[]): void {
  if (!Array.isArray(field)) {
    errors.push({ message: `${key} must be a list of [start, end, label]` });
    return;
  }
  field.forEach((item, i) => {
    const where = `${key}[${i}]`;
    if (typeof item === "string") {
      errors.push({ message: `${where}: ${JSON.stringify(item)} is a document category; only span labels [start, end, label] can be imported` });
    } else if (!Array.isArray(item) || item.length !== 3 || typeof item[2] !== "string") {
      errors.push({ message: `${where}: expected [start, end, label], got ${JSON.stringify(item)}` });
    } else if (typeof item[0] !== "number" || typeof item[1] !== "number") {
      errors.push({ message: `${where}: offsets must be numbers, got ${JSON.stringify(item)}` });
    } else {
      spans.push({ start: item[0], end: item[1], label: item[2], where });
    }
  });
}

function readEntities(field: unknown, spans: SpanCandidate[], errors: Problem[]): void {
  if (!Array.isArray(field)) {
    errors.push({ message: "entities must be a list" });
    return;
  }
  field.forEach((item, i) => {
    const where = `entities[${i}]`;
    const entity = item as Record<string, unknown> | null;
    if (!entity || typeof entity !== "object" || typeof entity.start_offset !== "number" || typeof entity.end_offset !== "number" || typeof entity.label !== "string") {
      errors.push({ message: `${where}: expected {"id", "start_offset", "end_offset", "label"}, got ${JSON.stringify(item)}` });
      return;
    }
    const id = entity.id === undefined || entity.id === null ? undefined : String(entity.id);
    spans.push({ id, start: entity.start_offset, end: entity.end_offset, label: entity.label, where: `${where}${id ? ` (id ${id})` : ""}` });
  });
}

function readRelations(field: unknown, relations: RelationCandidate[], errors: Problem[]): void {
  if (!Array.isArray(field)) {
    errors.push({ message: "relations must be a list" });
    return;
  }
  field.forEach((item, i) => {
    const where = `relations[${i}]`;
    const relation = item as Record<string, unknown> | null;
    const type = relation?.type ?? relation?.label;
    if (!relation || typeof relation !== "object" || relation.from_id === undefined || relation.to_id === undefined || typeof type !== "string") {
      errors.push({ message: `${where}: expected {"from_id", "to_id", "type"}, got ${JSON.stringify(item)}` });
      return;
    }
    relations.push({ type: normalizeRelationType(type), from: String(relation.from_id), to: String(relation.to_id), where });
  });
}

export function readDoccanoJsonl(text: string, options: DoccanoReaderOptions): ReadResult {
  return readJsonlText(text, new DoccanoJsonlReader(options));
}

export function readDoccanoJsonlStream(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: DoccanoReaderOptions & StreamOptions,
  onArticle: (article: ImportedArticle, lineNo: number) => void | Promise<void>,
) {
  return readJsonlStream(chunks, new DoccanoJsonlReader(options), onArticle, options);
}
