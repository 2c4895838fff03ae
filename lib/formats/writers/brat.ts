/**
 * brat standoff writer: per article `{id}.txt` (the text, exactly) and
 * `{id}.ann`, plus an `annotation.conf` for the labels seen, in a zip.
 * One layer: files at the top; several: one folder per layer (`gold/`,
 * `alice@example.org/`), sharing the top-level annotation.conf.
 *
 * Note for brat users: brat opens .txt files with Python's universal newlines,
 * which turns CRLF into LF; offsets here count the CR (the stored text), as
 * every other export does.
 */
import { isSingleLayer, layersForExport, orderedLabels, type LayerSelection } from "../layers";
import { ACTOR_LABEL, DEFAULT_LABELS, type ImportedArticle, type LayerContent } from "../model";
import type { Source } from "../stream";
import { ZipWriter } from "../zip";

export interface BratWriterOptions {
  layer?: LayerSelection;
  /** The project's labels, in order, for annotation.conf (labels seen in spans are added). */
  labels?: readonly string[];
  /** Timestamp of the zip entries (default: now). */
  modified?: Date;
}

/** Attribute names and values brat can hold on one line (no whitespace). */
const BRAT_TOKEN = /^[^\s]+$/;

/**
 * The .ann content of one layer. T ids follow span order; a span that
 * crosses a line break keeps one fragment, with line breaks in its text
 * column written as spaces (our reader folds whitespace when comparing).
 */
export function bratAnn(layer: LayerContent): string {
  const lines: string[] = [];
  const tIds = new Map<string, string>();
  let n = 0;
  let a = 0;
  let hash = 0;
  const tail: string[] = [];
  layer.spans.forEach((span, i) => {
    const t = `T${i + 1}`;
    tIds.set(span.id, t);
    lines.push(`${t}\t${span.label} ${span.start} ${span.end}\t${span.text.replace(/[\r\n\t\u0085\u2028\u2029]/g, " ")}`);
    if (span.actor !== null) {
      n++;
      tail.push(`N${n}\tReference ${t} Sourcemark:${encodeURIComponent(span.actor)}\t${quoteActorName(span.actor)}`);
    }
    for (const [name, value] of Object.entries(span.attributes)) {
      // brat attributes are flags or single-token values; other values are not exported.
      if (!BRAT_TOKEN.test(name)) continue;
      if (value === true) tail.push(`A${++a}\t${name} ${t}`);
      else if (typeof value === "string" && BRAT_TOKEN.test(value)) tail.push(`A${++a}\t${name} ${t} ${value}`);
    }
    if (span.note !== null) {
      // One note line per line of the note: the reader joins them with "\n".
      for (const part of span.note.split(/\r\n|\r|\n/)) tail.push(`#${++hash}\tAnnotatorNotes ${t}\t${part}`);
    }
  });
  layer.relations.forEach((relation, i) => {
    const from = tIds.get(relation.from);
    const to = tIds.get(relation.to);
    if (from && to) lines.push(`R${i + 1}\t${relation.type} Arg1:${from} Arg2:${to}`);
  });
  lines.push(...tail);
  return lines.length ? lines.join("\n") + "\n" : "";
}

/** The reader strips one pair of surrounding quotes and trims; protect names that would lose something. */
function quoteActorName(name: string): string {
  const looksQuoted = /^(['"]).*\1$/s.test(name.trim());
  return looksQuoted || name !== name.trim() ? `'${name}'` : name;
}

/** annotation.conf: entities, the attribution relation, overlaps allowed, attributes seen. */
export function bratAnnotationConf(labels: readonly string[], attributes: ReadonlyMap<string, ReadonlySet<string>> = new Map()): string {
  const sources = labels.filter((label) => label !== ACTOR_LABEL);
  const lines = ["[entities]", ...labels, "", "[relations]"];
  if (sources.length && labels.includes(ACTOR_LABEL)) {
    lines.push(`attributed_to\tArg1:${sources.join("|")}, Arg2:${ACTOR_LABEL}`);
  }
  // Spans of any labels may overlap and nest (DESIGN.md); brat forbids crossing spans unless told.
  lines.push("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]", "", "[attributes]");
  for (const [name, values] of attributes) {
    lines.push(values.size ? `${name}\tArg:<ENTITY>, Value:${[...values].join("|")}` : `${name}\tArg:<ENTITY>`);
  }
  return lines.join("\n") + "\n";
}

/** File names keep ids readable but safe: unsafe characters are percent-encoded (the reader decodes). */
export function bratFileStem(id: string): string {
  const stem = encodeURIComponent(id).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return stem.startsWith(".") ? `%2E${stem.slice(1)}` : stem;
}

/** Streams the zip's bytes. */
export async function* writeBratZip(
  articles: Source<ImportedArticle>,
  options: BratWriterOptions = {},
): AsyncGenerator<Uint8Array> {
  const zip = new ZipWriter(options.modified);
  const single = isSingleLayer(options.layer);
  const seenLabels = new Set<string>();
  const attributes = new Map<string, Set<string>>();
  for await (const article of articles) {
    const stem = bratFileStem(article.id);
    for (const layer of layersForExport(article, options.layer)) {
      const folder = single ? "" : `${bratFileStem(layer.name)}/`;
      for (const span of layer.spans) {
        seenLabels.add(span.label);
        for (const [name, value] of Object.entries(span.attributes)) {
          if (!BRAT_TOKEN.test(name) || (value !== true && !(typeof value === "string" && BRAT_TOKEN.test(value)))) continue;
          const values = attributes.get(name) ?? new Set<string>();
          if (typeof value === "string") values.add(value);
          attributes.set(name, values);
        }
      }
      yield zip.add(`${folder}${stem}.txt`, article.text);
      yield zip.add(`${folder}${stem}.ann`, bratAnn(layer));
    }
  }
  yield zip.add("annotation.conf", bratAnnotationConf(orderedLabels(options.labels ?? DEFAULT_LABELS, seenLabels), attributes));
  yield zip.finish();
}
