/** lib/formats: framework-free readers and writers of Sourcemark's import and export formats. */
export * from "./model";
export { textHash, idFromText } from "./text-hash";
export { decodeUtf8, firstInvalidUtf8Byte, Utf8LineSplitter, type DecodeResult, type SplitLine } from "./utf8";
export { CodePointText } from "./code-point-text";
export { GraphemeBoundaries } from "./grapheme-boundaries";
export { deriveTitle } from "./article-defaults";
export { buildLayer, spanProblem, type SpanCandidate, type RelationCandidate, type Problem } from "./validate-layer";
export {
  JsonlArticleReader,
  readJsonlText,
  readJsonlStream,
  type FinishResult,
  type LineConversion,
  type StreamOptions,
} from "./readers/jsonl-reader";
export { NativeJsonlReader, readNativeJsonl, readNativeJsonlStream, nativeObjectToArticle } from "./readers/native-jsonl";
export {
  DoccanoJsonlReader,
  readDoccanoJsonl,
  readDoccanoJsonlStream,
  type DoccanoReaderOptions,
} from "./readers/doccano-jsonl";
export { readBrat, idFromFileName, type BratInput, type BratReaderOptions } from "./readers/brat";
export { readPlainText } from "./readers/plain-text";
export { formatFromFileName, sniffJsonlFormat, type ImportFormat } from "./readers/sniff";
export {
  layersForExport,
  restrictToLayers,
  isSingleLayer,
  speakersBySpan,
  type LayerSelection,
  type NamedLayer,
} from "./layers";
export { collectText, collectBytes, type Source } from "./stream";
export { ZipWriter, zipFiles, crc32 } from "./zip";
export { nativeJsonlLine, writeNativeJsonl, type NativeWriterOptions } from "./writers/native-jsonl";
export { doccanoLines, writeDoccanoJsonl, type DoccanoWriterOptions } from "./writers/doccano-jsonl";
export { bratAnn, bratAnnotationConf, bratFileStem, writeBratZip, type BratWriterOptions } from "./writers/brat";
export { tokenize, iobColumn, conllDocument, conllHeader, writeConll, type ConllWriterOptions, type Token } from "./writers/conll";
export {
  webAnnotationsFor,
  writeWebAnnotationCollection,
  quoteContext,
  WEB_ANNOTATION_CONTEXT,
  type WebAnnotationOptions,
} from "./writers/web-annotation";
export { csvCell, csvRow, guardCsvCell, unguardCsvCell, parseCsv } from "./writers/csv";
export { spansCsvRows, writeSpansCsv, SPANS_CSV_COLUMNS, type SpansCsvOptions } from "./writers/spans-csv";
export { actorJsonLine, writeActorsJsonl, writeActorsCsv, ACTORS_CSV_COLUMNS } from "./writers/actors";
