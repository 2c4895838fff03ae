/** How a layer is named to users and in files: "gold", an analyst's email, or "suggestions". */
export function layerName(layer: { kind: "analyst" | "gold" | "suggestions"; email: string | null }): string {
  return layer.kind === "analyst" ? (layer.email ?? "analyst") : layer.kind;
}
