/**
 * brat standoff: a .txt (the text, exactly) and an .ann beside it.
 *   T1<TAB>QUOTE 0 42<TAB>covered text          a span (offsets in code points: brat is Python)
 *   R1<TAB>attributed_to Arg1:T1 Arg2:T2         attribution (any spelling of the type)
 *   N1<TAB>Reference T2 Wikidata:Q123<TAB>'Mike Waltz'   the span's actor (the string part names it)
 *   #1<TAB>AnnotatorNotes T1<TAB>a note            the span's note
 *   A1<TAB>Negated T1 [Value]                    a span attribute (true without a value)
 * Discontinuous spans are not supported, except brat's own way of marking a
 * span across a line break (fragments separated only by whitespace), which is
 * read as one span over the whole range.
 */
import { deriveTitle, preview, unstorableTextProblem } from "../article-defaults";
import { CodePointText } from "../code-point-text";
import type { ImportIssue, ImportedArticle, LayerTargetOptions, ReadResult, ReaderOptions } from "../model";
import { buildLayer, labelSet, type RelationCandidate, type SpanCandidate } from "../validate-layer";
import { checkLayerTarget, normalizeRelationType, placeLayer } from "./layer-target";

export interface BratInput {
  txtFile: string;
  txt: string;
  annFile: string;
  ann: string;
}

export type BratReaderOptions = Omit<ReaderOptions, "file"> &
  LayerTargetOptions & {
    /** External id; default: the .txt file's base name (percent-decoded). */
    id?: string;
  };

const OFFSETS = /^(\d+) (\d+)$/;
const REF_ARG = /^(Arg\d+|[A-Za-z]+):(\S+)$/;

export function readBrat(input: BratInput, options: BratReaderOptions): ReadResult {
  checkLayerTarget(options);
  const { txtFile, annFile } = input;
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const fail = (file: string, line: number, message: string) => errors.push({ file, line, message });
  const warn = (line: number, message: string) => warnings.push({ file: annFile, line, message });

  const text = input.txt.startsWith("\uFEFF") ? input.txt.slice(1) : input.txt;
  if (text.length === 0) fail(txtFile, 0, "text is empty");
  const textProblem = unstorableTextProblem(text, "text");
  if (textProblem) fail(txtFile, 0, textProblem);
  const indexed = new CodePointText(text);

  const spans = new Map<string, SpanCandidate>();
  const spanLines = new Map<string, number>();
  const relations: RelationCandidate[] = [];
  const references: { line: number; kind: string; target: string; apply: (span: SpanCandidate) => void }[] = [];

  const lines = input.ann.replace(/^\uFEFF/, "").split("\n");
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "") return;
    const [id, body = "", ...rest] = line.split("\t");
    const tail = rest.join("\t");
    const kind = id[0];
    if (kind === "T") {
      const space = body.indexOf(" ");
      const label = space < 0 ? body : body.slice(0, space);
      const fragments = (space < 0 ? "" : body.slice(space + 1)).split(";").map((f) => OFFSETS.exec(f.trim()));
      if (fragments.some((f) => !f)) {
        fail(annFile, lineNo, `${id}: expected "LABEL START END" with integer offsets, got ${JSON.stringify(body)}`);
        return;
      }
      const ranges = fragments.map((f) => [Number(f![1]), Number(f![2])] as const);
      const start = ranges[0][0];
      const end = ranges[ranges.length - 1][1];
      if (ranges.length > 1) {
        const gaps = ranges.slice(1).map((r, i) => [ranges[i][1], r[0]] as const);
        const joinable = gaps.every(([a, b]) => a <= b && b <= indexed.length && /^\s*$/.test(indexed.slice(a, b)));
        if (!joinable) {
          fail(annFile, lineNo, `${id}: discontinuous spans (${body.slice(space + 1)}) are not supported`);
          return;
        }
        warn(lineNo, `${id}: fragments separated by line breaks read as one span [${start}, ${end})`);
      }
      if (spans.has(id)) {
        fail(annFile, lineNo, `${id}: duplicate id (first on line ${spanLines.get(id)})`);
        return;
      }
      if (start >= 0 && end > start && end <= indexed.length && line.split("\t").length >= 3) {
        // brat writes line breaks inside a span's text column as spaces (and
        // joins fragments with one), so compare with whitespace runs folded.
        const covered = indexed.slice(start, end);
        if (foldWhitespace(covered) !== foldWhitespace(tail)) {
          fail(annFile, lineNo, `${id}: covered text mismatch at [${start}, ${end}): the article has ${preview(covered)}, the file gives ${preview(tail)}`);
          return;
        }
      }
      spans.set(id, { id, start, end, label, line: lineNo, where: id });
      spanLines.set(id, lineNo);
    } else if (kind === "R") {
      const [type, ...args] = body.split(" ");
      const parsed = args.map((a) => REF_ARG.exec(a));
      if (parsed.length !== 2 || parsed.some((a) => !a)) {
        fail(annFile, lineNo, `${id}: expected "TYPE Arg1:T1 Arg2:T2", got ${JSON.stringify(body)}`);
        return;
      }
      // Arg1 is the source (the QUOTE/CLAIM) whatever order the file lists them in.
      const [from, to] = parsed[0]![1] === "Arg2" && parsed[1]![1] === "Arg1" ? [parsed[1]!, parsed[0]!] : [parsed[0]!, parsed[1]!];
      relations.push({ type: normalizeRelationType(type), from: from[2], to: to[2], line: lineNo, where: id });
    } else if (kind === "N" || kind === "#" || kind === "A" || kind === "M") {
      const [type = "", target = "", ...more] = body.split(" ");
      if (!target) {
        fail(annFile, lineNo, `${id}: expected "TYPE TARGET ...", got ${JSON.stringify(body)}`);
        return;
      }
      if (kind === "N") {
        const name = actorName(tail, more[0] ?? "");
        if (!name) {
          fail(annFile, lineNo, `${id}: normalisation without a name`);
          return;
        }
        references.push({ line: lineNo, kind: "normalisation", target, apply: (span) => {
          if (span.actor) warn(lineNo, `${id}: ${target} already links actor ${JSON.stringify(span.actor)}; ignored`);
          else span.actor = name;
        } });
      } else if (kind === "#") {
        references.push({ line: lineNo, kind: "note", target, apply: (span) => {
          span.note = span.note ? `${span.note}\n${tail}` : tail;
        } });
      } else {
        const value = more.length ? more.join(" ") : true;
        references.push({ line: lineNo, kind: "attribute", target, apply: (span) => {
          span.attributes = { ...span.attributes, [type]: value };
        } });
      }
    } else {
      warn(lineNo, `${id}: ${kind === "E" ? "events" : kind === "*" ? "equivalences" : "this annotation kind"} not supported; line ignored`);
    }
  });

  for (const reference of references) {
    const span = spans.get(reference.target);
    if (span) reference.apply(span);
    else fail(annFile, reference.line, `${reference.kind} refers to unknown span id ${JSON.stringify(reference.target)}`);
  }
  for (const relation of relations) {
    if (!spans.has(relation.from) || !spans.has(relation.to)) {
      const missing = spans.has(relation.from) ? relation.to : relation.from;
      fail(annFile, relation.line!, `${relation.where}: relation refers to unknown span id ${JSON.stringify(missing)}`);
    }
  }
  if (errors.length) return { ok: false, errors, warnings };

  const checked = buildLayer(indexed, [...spans.values()], relations, { allowedLabels: labelSet(options.allowedLabels) });
  for (const w of checked.warnings) warnings.push({ file: annFile, line: w.line ?? 0, message: w.message });
  if (checked.errors.length) {
    return { ok: false, errors: checked.errors.map((e) => ({ file: annFile, line: e.line ?? 0, message: e.message })), warnings };
  }
  const article: ImportedArticle = {
    id: options.id ?? idFromFileName(txtFile),
    title: deriveTitle(text),
    outlet: null,
    url: null,
    published_at: null,
    meta: {},
    text,
    ...placeLayer(checked.layer, options),
  };
  return { ok: true, articles: [article], warnings };
}

function foldWhitespace(value: string): string {
  return value.replace(/\s+/g, " ");
}

/**
 * The N line's string part names the actor; it may be quoted ('Mike Waltz').
 * Without it, a Sourcemark reference carries the name percent-encoded.
 */
function actorName(stringPart: string, reference: string): string {
  const quoted = /^(['"])(.*)\1$/s.exec(stringPart.trim());
  const name = quoted ? quoted[2] : stringPart.trim();
  if (name) return name;
  const [namespace, ...rest] = reference.split(":");
  const id = rest.join(":");
  if (namespace === "Sourcemark") {
    try {
      return decodeURIComponent(id);
    } catch {
      return id;
    }
  }
  return reference;
}

/** The writer percent-encodes ids into file names; undo it when it can. */
export function idFromFileName(file: string): string {
  const base = file.split(/[\\/]/).pop()!.replace(/\.(txt|ann)$/i, "");
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}
