import { z } from "zod";

/** Review decisions as the board (and scripts) post them to …/articles/{id}/review/decisions. */
const unit = z.string().min(1).max(200);
const offset = z.number().int({ error: "Offsets are whole numbers of code points." }).min(0, { error: "Offsets are never negative." });
const label = z.string().regex(/^[A-Z][A-Z0-9_]*$/, { error: "Label keys are upper-case, like QUOTE." });

export const reviewDecisionSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("accept"), unit, analyst: z.uuid({ error: "Name the analyst by their user id." }) }),
  z.object({ decision: z.literal("reject"), unit }),
  z.object({ decision: z.literal("edit"), unit, label, start: offset, end: offset, basedOn: z.uuid().optional() }),
  z.object({ decision: z.literal("add"), label, start: offset, end: offset }),
  z.object({ decision: z.literal("accept_unanimous") }),
]);

export const reviewUndoSchema = z.object({ decision: z.uuid().optional() });

export type ReviewDecisionBody = z.infer<typeof reviewDecisionSchema>;
export const MAX_REVIEW_BODY_BYTES = 16 * 1024;

/** The review queue page's query: `?page=N` from 1; anything else shows the first page. */
export const reviewQueueQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
});
