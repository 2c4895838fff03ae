/**
 * Native JSONL: one article a line, in the shape of DESIGN.md "Native JSONL".
 * This is the lossless format: what the native writer produces reads back to
 * the same ImportedArticle.
 */
import {
  deriveTitle,
  normalizePublishedAt,
  unstorableJsonProblem,
  unstorableTextProblem,
} from "../article-defaults";
import { CodePointText } from "../code-point-text";
import {
  NATIVE_ARTICLE_KEYS,
  RESERVED_LAYER_NAMES,
  nativeArticleSchema,
  type ImportedArticle,
  type LayerData,
  type NativeRelationInput,
  type NativeSpanInput,
  type ReadResult,
  type ReaderOptions,
} from "../model";
import { idFromText } from "../text-hash";
import { buildLayer, labelSet, type Problem } from "../validate-layer";
import { JsonlArticleReader, readJsonlStream, readJsonlText, type LineConversion, type StreamOptions } from "./jsonl-reader";

export class NativeJsonlReader extends JsonlArticleReader {
  private readonly allowedLabels?: ReadonlySet<string>;

  constructor(options: ReaderOptions) {
    super(options);
    this.allowedLabels = labelSet(options.allowedLabels);
  }

  protected convert(value: Record<string, unknown>): LineConversion {
    return nativeObjectToArticle(value, this.allowedLabels);
  }
}

/** Validates one parsed native line. Exported for the HTTP API, which takes the same shape. */
export function nativeObjectToArticle(value: unknown, allowedLabels?: ReadonlySet<string>): LineConversion {
  const parsed = nativeArticleSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        message: issue.path.length ? `${formatPath(issue.path)}: ${issue.message}` : issue.message,
      })),
    };
  }
  const input = parsed.data;
  const errors: Problem[] = [];
  const warnings: Problem[] = [];

  const unknownKeys = Object.keys(value as object).filter((key) => !NATIVE_ARTICLE_KEYS.has(key));
  if (unknownKeys.length) {
    warnings.push({ message: `ignored unknown field(s) ${unknownKeys.map((k) => JSON.stringify(k)).join(", ")} (put extra data in "meta")` });
  }

  const { text } = input;
  if (text.length === 0) errors.push({ message: "text is empty" });
  for (const [field, fieldValue] of [["text", text], ["title", input.title], ["outlet", input.outlet], ["url", input.url]] as const) {
    const problem = fieldValue ? unstorableTextProblem(fieldValue, field) : null;
    if (problem) errors.push({ message: problem });
  }
  const metaProblem = input.meta ? unstorableJsonProblem(input.meta, "meta") : null;
  if (metaProblem) errors.push({ message: metaProblem });

  let publishedAt: string | null = null;
  if (input.published_at) {
    const date = normalizePublishedAt(input.published_at);
    if (!date.ok) errors.push({ message: date.message });
    else {
      publishedAt = date.date;
      if (date.truncated) warnings.push({ message: `published_at ${JSON.stringify(input.published_at)} kept as the date ${date.date}` });
    }
  }
  if (errors.length) return { ok: false, errors, warnings };

  const indexed = new CodePointText(text);
  const annotations: LayerData[] = [];
  const annotators = new Set<string>();
  (input.annotations ?? []).forEach((layer, layerIndex) => {
    const where = `annotations[${layerIndex}]`;
    if (RESERVED_LAYER_NAMES.has(layer.annotator)) {
      errors.push({ message: `${where}: "${layer.annotator}" is a reserved layer name, not an annotator (put the gold layer under "gold")` });
      return;
    }
    if (annotators.has(layer.annotator)) {
      errors.push({ message: `${where}: annotator ${layer.annotator} has more than one layer` });
      return;
    }
    annotators.add(layer.annotator);
    const checked = checkLayer(indexed, layer, `${where} (${layer.annotator})`, allowedLabels);
    errors.push(...checked.errors);
    warnings.push(...checked.warnings);
    annotations.push({ annotator: layer.annotator, ...checked.layer });
  });

  let gold: ImportedArticle["gold"] = null;
  if (input.gold) {
    const checked = checkLayer(indexed, input.gold, "gold", allowedLabels);
    errors.push(...checked.errors);
    warnings.push(...checked.warnings);
    gold = checked.layer;
  }
  if (errors.length) return { ok: false, errors, warnings };

  return {
    ok: true,
    warnings,
    article: {
      id: input.id ?? idFromText(text),
      title: input.title ?? deriveTitle(text),
      outlet: input.outlet ?? null,
      url: input.url ?? null,
      published_at: publishedAt,
      meta: input.meta ?? {},
      text,
      annotations,
      gold,
    },
  };
}

function checkLayer(
  text: CodePointText,
  layer: { spans?: NativeSpanInput[] | null; relations?: NativeRelationInput[] | null },
  where: string,
  allowedLabels?: ReadonlySet<string>,
) {
  return buildLayer(
    text,
    (layer.spans ?? []).map((span, i) => ({
      ...span,
      where: `${where} spans[${i}]${span.id !== undefined ? ` (id ${span.id})` : ""}`,
    })),
    (layer.relations ?? []).map((relation, i) => ({ ...relation, where: `${where} relations[${i}]` })),
    { allowedLabels },
  );
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i ? "." : ""}${String(part)}`)).join("");
}

/** Reads a whole decoded native JSONL file. */
export function readNativeJsonl(text: string, options: ReaderOptions | string): ReadResult {
  return readJsonlText(text, new NativeJsonlReader(typeof options === "string" ? { file: options } : options));
}

/** Streams a native JSONL file's bytes; see readJsonlStream for the contract of `onArticle`. */
export function readNativeJsonlStream(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ReaderOptions & StreamOptions,
  onArticle: (article: ImportedArticle, lineNo: number) => void | Promise<void>,
) {
  return readJsonlStream(chunks, new NativeJsonlReader(options), onArticle, options);
}
