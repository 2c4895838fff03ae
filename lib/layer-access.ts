import type { Role } from "./permissions";

/**
 * Who may read and write which layer of an article they can see. Blind annotation: an
 * analyst reads and writes only their own layer (and reads suggestions); reviewers and
 * admins read every layer, write gold and suggestions, and their own layer.
 */
export type LayerTarget = { kind: "analyst"; email: string } | { kind: "gold" } | { kind: "suggestions" };

export type LayerAccess =
  | { ok: true; target: LayerTarget; own: boolean }
  | { ok: false; status: 400 | 403; message: string };

export function resolveLayerAccess(input: {
  role: Role;
  email: string;
  layer: string;
  mode: "read" | "write";
}): LayerAccess {
  const { role, mode } = input;
  const email = input.email.toLowerCase();
  const name = input.layer.trim().toLowerCase();
  const reviewer = role === "admin" || role === "reviewer";
  if (name === "gold") {
    if (!reviewer) return { ok: false, status: 403, message: "Only reviewers and admins may see the gold layer." };
    return { ok: true, target: { kind: "gold" }, own: false };
  }
  if (name === "suggestions") {
    if (mode === "write" && !reviewer) {
      return { ok: false, status: 403, message: "Only reviewers and admins (or their tokens) may post suggestions." };
    }
    return { ok: true, target: { kind: "suggestions" }, own: false };
  }
  const layerEmail = name === "me" ? email : name;
  if (!layerEmail.includes("@")) {
    return { ok: false, status: 400, message: `Unknown layer "${input.layer}": use an analyst's email, "me", "gold" or "suggestions".` };
  }
  const own = layerEmail === email;
  if (!own && !reviewer) return { ok: false, status: 403, message: "Annotation is blind: you can only see your own layer." };
  if (!own && mode === "write") return { ok: false, status: 403, message: "Another analyst's layer is read-only." };
  return { ok: true, target: { kind: "analyst", email: layerEmail }, own };
}
