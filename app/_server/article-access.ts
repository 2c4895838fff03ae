import { getDb } from "@/db/client";
import { getArticleForViewer } from "@/db/queries/articles";
import type { ArticleTarget } from "@/db/queries/article-target";
import { findUserByEmail } from "@/db/queries/users";
import type { LayerRef } from "@/db/queries/layers";
import { ApiError } from "@/lib/api/errors";
import { resolveLayerAccess } from "@/lib/layer-access";
import { projectForCaller, projectNotFound } from "./api";
import type { CurrentUser } from "./current-user";

/** The article named in the URL, if the caller may see it (analysts: only when assigned); else 404. */
export async function articleForCaller(user: CurrentUser, slug: string, externalId: string) {
  const project = await projectForCaller(user, slug);
  const article = await getArticleForViewer(getDb(), user, project.id, externalId);
  if (!article) throw articleNotFound(externalId, project.slug);
  return { project, article };
}

/**
 * The editor's hot path: the same rules and 404s as articleForCaller, with the article's id only
 * (no text), from the target the route's authentication loaded with the user.
 */
export async function articleTargetForCaller(loadTarget: () => Promise<ArticleTarget | null>, slug: string, externalId: string) {
  const target = await loadTarget();
  if (!target) throw projectNotFound(slug);
  if (!target.article) throw articleNotFound(externalId, target.project.slug);
  return { project: target.project, article: target.article, labels: target.labels };
}

export function articleNotFound(externalId: string, projectSlug: string): ApiError {
  return new ApiError("not_found", `No article "${externalId}" in project "${projectSlug}".`);
}

/** Resolves a layer name of the URL to a layer the caller may read or write, or throws 400/403/404. */
export async function layerForCaller(user: CurrentUser, layerName: string, mode: "read" | "write"): Promise<LayerRef & { own: boolean }> {
  const access = resolveLayerAccess({ role: user.role, email: user.email, layer: layerName, mode });
  if (!access.ok) throw new ApiError(access.status === 400 ? "bad_request" : "forbidden", access.message);
  if (access.target.kind !== "analyst") return { kind: access.target.kind, own: false };
  if (access.own) return { kind: "analyst", userId: user.id, own: true };
  const owner = await findUserByEmail(getDb(), access.target.email);
  if (!owner) throw new ApiError("not_found", `No analyst "${access.target.email}".`);
  return { kind: "analyst", userId: owner.id, own: false };
}
