/**
 * Who may do what: one table read by the server (every route and action) and the UI
 * (which controls to show). The server is the authority; the UI only mirrors it.
 */
export type Role = "admin" | "reviewer" | "analyst";

export const PERMISSIONS = {
  "users.manage": ["admin"],
  "projects.create": ["admin"],
  "projects.edit": ["admin"],
  "projects.viewAll": ["admin"],
  "articles.import": ["admin"],
  "articles.assign": ["admin"],
  "articles.annotate": ["admin", "reviewer", "analyst"],
  "layers.readOthers": ["admin", "reviewer"],
  "review.use": ["admin", "reviewer"],
  "agreement.view": ["admin", "reviewer"],
  "actors.curate": ["admin", "reviewer"],
  "export.allLayers": ["admin", "reviewer"],
  "tokens.own": ["admin", "reviewer", "analyst"],
  "tokens.revokeAny": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Admins see every project; others only the projects they are members of. */
export function canSeeProject(role: Role, isMember: boolean): boolean {
  return role === "admin" || isMember;
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  reviewer: "Reviewer",
  analyst: "Analyst",
};
