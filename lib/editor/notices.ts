import type { Change, Notice } from "./types";

/** The message the user sees when the server refused one of their changes. */
export function noticeFor(change: Change, error: { code: string; message: string }): Notice {
  const isSpan = "span" in change;
  const ids = isSpan ? { spanId: change.span.id } : { relationId: change.relation.id };
  const thing = isSpan ? "span" : "attribution";
  return { code: error.code, message: messageFor(error, thing), ...ids };
}

function messageFor(error: { code: string; message: string }, thing: "span" | "attribution"): string {
  switch (error.code) {
    case "stale_version":
      return `This ${thing} was changed in another tab; showing the saved version.`;
    case "not_found":
      return `This ${thing} was deleted in another tab; it is no longer shown.`;
    case "duplicate_span":
      return "A span with this label and these bounds already exists; showing the saved one.";
    case "already_attributed":
      return "This span already has a speaker; showing the saved one.";
    default:
      return `This ${thing} could not be saved: ${error.message}`;
  }
}
