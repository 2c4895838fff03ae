import { markRangesMeetingUnion } from "./spans/code-point-union";
import { prepareLayer, spansOfLabel, type PreparedLayer } from "./spans/label-spans";
import { whitespaceTokens } from "./spans/whitespace-tokens";
import type { AgreementArticle } from "./types";

/** An article with everything the measures read, computed once per article. */
export type PreparedArticle = {
  externalId: string;
  /** Length of the text in code points: the article's stretch of the alpha_u continuum. */
  length: number;
  tokenCount: number;
  /** annotator → normalised layer. */
  layers: Map<string, PreparedLayer>;
  /**
   * Per annotator and label, 1/0 per token: does the token have a code point inside a span of
   * the label? One flat array (see codingOffset) instead of one per annotator and label: an
   * article needs a dozen of them and typed arrays are costly to create one by one.
   */
  tokenCodings: Uint8Array;
  /** Where an annotator's coding of the label with this index starts in tokenCodings. */
  codingOffset(annotator: string, labelIndex: number): number;
};

export function prepareArticle(article: AgreementArticle, labels: readonly string[]): PreparedArticle {
  const tokens = whitespaceTokens(article.text);
  const tokenCount = tokens.starts.length;
  const annotators = Object.keys(article.layers);
  const annotatorIndex = new Map(annotators.map((annotator, i) => [annotator, i]));
  const layers = new Map<string, PreparedLayer>();
  const tokenCodings = new Uint8Array(annotators.length * labels.length * tokenCount);
  const codingOffset = (annotator: string, labelIndex: number) =>
    (annotatorIndex.get(annotator)! * labels.length + labelIndex) * tokenCount;
  for (const annotator of annotators) {
    const layer = prepareLayer(article.layers[annotator], labels);
    layers.set(annotator, layer);
    labels.forEach((label, l) => {
      markRangesMeetingUnion(tokens.starts, tokens.ends, spansOfLabel(layer, label).union, tokenCodings, codingOffset(annotator, l));
    });
  }
  return { externalId: article.externalId, length: tokens.length, tokenCount, layers, tokenCodings, codingOffset };
}
