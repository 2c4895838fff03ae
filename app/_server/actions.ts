import "server-only";
import type { z } from "zod";
import { can, type Permission } from "@/lib/permissions";
import { getCurrentUser, type CurrentUser } from "./current-user";
import { containsNul } from "@/lib/validation/nul";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** An error whose message is meant for the user (anything else is logged and replaced). */
export class UserFacingError extends Error {
  /** `fieldErrors` ties the message to form fields, e.g. a taken slug to the slug field. */
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * Every server action goes through here: input (zod), then session, then permission,
 * then the work. Errors come back as values; nothing internal reaches the browser.
 */
export function defineAction<S extends z.ZodType, T>(
  permission: Permission | null,
  schema: S,
  run: (input: z.output<S>, user: CurrentUser) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "_"] ??= issue.message;
      return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid input.", fieldErrors };
    }
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: "Your session has expired. Sign in again." };
    if (permission && !can(user.role, permission)) return { ok: false, error: "Your role does not allow this." };
    if (containsNul(parsed.data)) return { ok: false, error: "The text contains a NUL character (U+0000), which cannot be stored. Remove it and try again." };
    try {
      return { ok: true, data: await run(parsed.data, user) };
    } catch (error) {
      if (error instanceof UserFacingError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
      console.error("[action]", error);
      return { ok: false, error: "The server could not complete this. Try again in a moment." };
    }
  };
}
