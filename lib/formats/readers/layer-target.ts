/**
 * doccano and brat files hold one unnamed set of spans; the importing user
 * decides whose layer it becomes. Wrong options are a programming error, so
 * this throws instead of returning a read error.
 */
import { RESERVED_LAYER_NAMES, type ImportedArticle, type LayerContent, type LayerTargetOptions } from "../model";

export function checkLayerTarget(options: LayerTargetOptions): void {
  if (options.gold && options.annotator) throw new TypeError("give either annotator or gold, not both");
  if (!options.gold && !options.annotator) throw new TypeError("give the annotator (an e-mail) or gold: true");
  if (options.annotator && RESERVED_LAYER_NAMES.has(options.annotator)) {
    throw new TypeError(`"${options.annotator}" is a reserved layer name, not an annotator`);
  }
}

/** Places a checked layer where the options say. */
export function placeLayer(
  layer: LayerContent,
  options: LayerTargetOptions,
): Pick<ImportedArticle, "annotations" | "gold"> {
  return options.gold
    ? { annotations: [], gold: layer }
    : { annotations: [{ annotator: options.annotator!, ...layer }], gold: null };
}

/** brat and doccano spell the relation type freely: Attributed-To, attributed to … */
export function normalizeRelationType(type: string): string {
  return type.trim().toLowerCase().replace(/[\s-]+/g, "_");
}
