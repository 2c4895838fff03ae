import { z } from "zod";

/** Limits of one batch of changes (the body is also capped in bytes before it is parsed). */
export const MAX_CHANGES_PER_BATCH = 500;
export const MAX_CHANGES_BODY_BYTES = 2 * 1024 * 1024;

const offset = z.number().int({ error: "Offsets are whole numbers of code points." }).min(0, { error: "Offsets are never negative." });
const labelKey = z.string().regex(/^[A-Z][A-Z0-9_]*$/, { error: "Label keys are upper-case, like QUOTE." });
const attributes = z.record(z.string(), z.unknown());
const note = z.string().max(10_000, { error: "Notes are limited to 10,000 characters." }).nullable();
const actor = z.string().trim().min(1).max(300).nullable();
const version = z.number().int().min(1);

export const spanCreateSchema = z.object({
  /** Optional client-made id, so later changes in an offline queue can refer to the span. */
  id: z.uuid().optional(),
  start: offset,
  end: offset,
  label: labelKey,
  text: z.string().max(100_000),
  attributes: attributes.optional(),
  note: note.optional(),
  actor: actor.optional(),
});

export const spanUpdateSchema = z.object({
  id: z.uuid({ error: "Unknown span id." }),
  version,
  start: offset.optional(),
  end: offset.optional(),
  label: labelKey.optional(),
  text: z.string().max(100_000).optional(),
  attributes: attributes.optional(),
  note: note.optional(),
  actor: actor.optional(),
});

export const spanDeleteSchema = z.object({ id: z.uuid({ error: "Unknown span id." }), version });

export const relationCreateSchema = z.object({
  id: z.uuid().optional(),
  type: z.literal("attributed_to", { error: 'The only relation type is "attributed_to".' }),
  from: z.uuid(),
  to: z.uuid(),
});
export const relationDeleteSchema = z.object({ id: z.uuid(), version });

const changeId = z.uuid({ error: "Each change needs a UUID made by the client." });

export const changeSchema = z.discriminatedUnion("op", [
  z.object({ id: changeId, op: z.literal("create"), span: spanCreateSchema }),
  z.object({ id: changeId, op: z.literal("update"), span: spanUpdateSchema }),
  z.object({ id: changeId, op: z.literal("delete"), span: spanDeleteSchema }),
  z.object({ id: changeId, op: z.literal("create_relation"), relation: relationCreateSchema }),
  z.object({ id: changeId, op: z.literal("delete_relation"), relation: relationDeleteSchema }),
]);

/**
 * DESIGN.md writes relation changes as `{"op": "create", "relation": {...}}`; this folds that
 * spelling into the internal ops before validation so both are accepted.
 */
function normaliseOp(raw: unknown): unknown {
  if (raw && typeof raw === "object" && "relation" in raw && !("span" in raw)) {
    const change = raw as { op?: unknown };
    if (change.op === "create") return { ...change, op: "create_relation" };
    if (change.op === "delete") return { ...change, op: "delete_relation" };
  }
  return raw;
}

export const changesBodySchema = z.object({
  changes: z
    .array(z.preprocess(normaliseOp, changeSchema))
    .min(1, { error: "Send at least one change." })
    .max(MAX_CHANGES_PER_BATCH, { error: `At most ${MAX_CHANGES_PER_BATCH} changes per request.` }),
});

export type Change = z.infer<typeof changeSchema>;
export type ChangesBody = z.infer<typeof changesBodySchema>;
