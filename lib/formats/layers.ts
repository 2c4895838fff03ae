/**
 * Which layers an export carries (DESIGN.md `--layer gold|all|EMAIL`), and the
 * lookups writers share. "all" means every analyst's layer (not gold).
 */
import { ACTOR_LABEL, GOLD_LAYER, type ImportedArticle, type LayerContent, type SpanData } from "./model";

export type LayerSelection = "gold" | "all" | (string & {});

export interface NamedLayer extends LayerContent {
  /** "gold" or the analyst's e-mail. */
  name: string;
}

const EMPTY: LayerContent = { spans: [], relations: [] };

/**
 * The layers to write for one article. A single-layer selection (gold or one
 * analyst) always yields one layer, empty when the article lacks it, so the
 * text is still exported; "all" yields the analysts' layers; no selection
 * yields every layer, analysts first, then gold.
 */
export function layersForExport(article: ImportedArticle, selection?: LayerSelection): NamedLayer[] {
  const analysts = article.annotations.map(({ annotator, spans, relations }) => ({ name: annotator, spans, relations }));
  if (selection === undefined) return article.gold ? [...analysts, { name: GOLD_LAYER, ...article.gold }] : analysts;
  if (selection === "all") return analysts;
  if (selection === GOLD_LAYER) return [{ name: GOLD_LAYER, ...(article.gold ?? EMPTY) }];
  return [analysts.find((layer) => layer.name === selection) ?? { name: selection, ...EMPTY }];
}

/** True when the selection names exactly one layer (gold or one analyst). */
export function isSingleLayer(selection?: LayerSelection): boolean {
  return selection !== undefined && selection !== "all";
}

/** The article restricted to the selected layers (for the native format). */
export function restrictToLayers(article: ImportedArticle, selection?: LayerSelection): ImportedArticle {
  if (selection === undefined) return article;
  if (selection === GOLD_LAYER) return { ...article, annotations: [], gold: article.gold };
  if (selection === "all") return { ...article, gold: null };
  return { ...article, annotations: article.annotations.filter((layer) => layer.annotator === selection), gold: null };
}

/**
 * Who said it: for each QUOTE/CLAIM span id, the speakers it is attributed to,
 * each the canonical actor of the ACTOR span, or that span's covered text
 * where it links no actor (DESIGN.md "Attribution").
 */
export function speakersBySpan(layer: LayerContent): Map<string, { span: SpanData; name: string }[]> {
  const byId = new Map(layer.spans.map((span) => [span.id, span]));
  const out = new Map<string, { span: SpanData; name: string }[]>();
  for (const relation of layer.relations) {
    const actorSpan = byId.get(relation.to);
    if (!actorSpan || actorSpan.label !== ACTOR_LABEL) continue;
    const list = out.get(relation.from) ?? [];
    list.push({ span: actorSpan, name: actorSpan.actor ?? actorSpan.text });
    out.set(relation.from, list);
  }
  return out;
}

/** Labels in first-seen order after the project's own (for headers and brat's annotation.conf). */
export function orderedLabels(projectLabels: readonly string[], seen: Iterable<string>): string[] {
  const out = [...projectLabels];
  for (const label of seen) if (!out.includes(label)) out.push(label);
  return out;
}
