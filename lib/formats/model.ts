/**
 * The normalized article that every reader produces and every writer consumes.
 * It mirrors one line of native JSONL (DESIGN.md "Native JSONL"), so the native
 * format is this model serialised and nothing more.
 *
 * Offsets are Unicode code points into `text`, start inclusive, end exclusive.
 */
import { z } from "zod";

export type RelationType = "attributed_to";
export const RELATION_TYPES: readonly RelationType[] = ["attributed_to"];

/** The label that attribution relations point to (QUOTE/CLAIM → ACTOR). */
export const ACTOR_LABEL = "ACTOR";
export const DEFAULT_LABELS: readonly string[] = ["QUOTE", "CLAIM", "ACTOR"];

/** Layer names that are not analysts' e-mails. */
export const GOLD_LAYER = "gold";
export const RESERVED_LAYER_NAMES: ReadonlySet<string> = new Set(["gold", "suggestions", "me"]);

export interface SpanData {
  id: string;
  start: number;
  end: number;
  label: string;
  /** The covered text: `sliceByCodePoints(article.text, start, end)`. */
  text: string;
  attributes: Record<string, unknown>;
  note: string | null;
  /** For ACTOR spans: the name of the canonical actor it refers to. */
  actor: string | null;
}

export interface RelationData {
  type: RelationType;
  /** Span id (in the same layer) of the QUOTE or CLAIM. */
  from: string;
  /** Span id (in the same layer) of the ACTOR. */
  to: string;
}

export interface LayerContent {
  spans: SpanData[];
  relations: RelationData[];
}

/** An analyst's layer; `annotator` is the analyst's e-mail. */
export interface LayerData extends LayerContent {
  annotator: string;
}

export interface ImportedArticle {
  /** External id, unique within a project. */
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  /** YYYY-MM-DD. */
  published_at: string | null;
  meta: Record<string, unknown>;
  text: string;
  annotations: LayerData[];
  gold: LayerContent | null;
}

/** One entry of a project's actor register (export only). */
export interface ActorRecord {
  name: string;
  aliases: string[];
  kind: "person" | "organisation" | "state" | "other" | (string & {});
  external_id: string | null;
  description: string | null;
}

/** A problem found while reading; `line` is 1-based (0 when it concerns the whole file). */
export interface ImportIssue {
  file: string;
  line: number;
  message: string;
}

/** Readers never throw on bad data; a file is all-or-nothing. */
export type ReadResult =
  | { ok: true; articles: ImportedArticle[]; warnings: ImportIssue[] }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

export interface ReaderOptions {
  /** Name used in every error and warning. */
  file: string;
  /** Labels the project accepts; any other label is an error. Omitted: any label. */
  allowedLabels?: Iterable<string>;
  /** Stop collecting errors after this many (default 100). */
  maxErrors?: number;
}

/**
 * Formats that carry one unnamed set of spans (doccano, brat) need to be told
 * whose they are: an analyst's layer or gold. Exactly one must be given.
 */
export interface LayerTargetOptions {
  annotator?: string;
  gold?: boolean;
}

// ---------------------------------------------------------------------------
// zod schemas for one native JSONL line, as it comes in. They check shapes and
// types only; offsets against the text, labels and relation ends are checked by
// validate-layer.ts so that the messages can say what is wrong in domain terms.
// ---------------------------------------------------------------------------

/** Ids may come as numbers from other tools; they are kept as strings. */
const externalId = z
  .union([z.string().min(1, { error: "must not be empty" }), z.number().int()], {
    error: "must be a string or an integer",
  })
  .transform(String);

const codePointOffset = z
  .number({ error: "must be a number (a code-point offset)" })
  .int({ error: "offsets must be integers (code points)" });

const jsonObject = z.record(z.string(), z.unknown(), { error: "must be a JSON object" });

export const nativeSpanSchema = z.object({
  id: externalId.optional(),
  start: codePointOffset,
  end: codePointOffset,
  label: z.string({ error: "label must be a string" }).min(1, { error: "label must not be empty" }),
  // Optional on input (pre-annotation scripts may omit it); checked when given.
  text: z.string().optional(),
  attributes: jsonObject.nullish(),
  note: z.string().nullish(),
  actor: z.string().nullish(),
});

export const nativeRelationSchema = z.object({
  type: z.string({ error: "relation type must be a string" }),
  from: externalId,
  to: externalId,
});

const layerBody = {
  spans: z.array(nativeSpanSchema).nullish(),
  relations: z.array(nativeRelationSchema).nullish(),
};

export const nativeLayerSchema = z.object({
  annotator: z.string({ error: "annotator (an e-mail) is required" }).min(1, { error: "annotator must not be empty" }),
  ...layerBody,
});

export const nativeGoldSchema = z.object(layerBody);

export const nativeArticleSchema = z.object({
  id: externalId.optional(),
  title: z.string().nullish(),
  outlet: z.string().nullish(),
  url: z.string().nullish(),
  published_at: z.string().nullish(),
  meta: jsonObject.nullish(),
  text: z.string({ error: (issue) => (issue.input === undefined ? "missing (each line needs the article text)" : "must be a string") }),
  annotations: z.array(nativeLayerSchema).nullish(),
  gold: nativeGoldSchema.nullish(),
});

export type NativeArticleInput = z.infer<typeof nativeArticleSchema>;
export type NativeSpanInput = z.infer<typeof nativeSpanSchema>;
export type NativeRelationInput = z.infer<typeof nativeRelationSchema>;

export const NATIVE_ARTICLE_KEYS: ReadonlySet<string> = new Set(Object.keys(nativeArticleSchema.shape));
