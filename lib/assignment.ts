/**
 * Distributes articles so that each has `overlap` distinct analysts and the analysts'
 * loads stay balanced (they differ by at most one when starting from nothing). Existing
 * assignments are kept and count towards both the overlap and the load.
 */
export type AssignmentPlanInput = {
  articleIds: string[];
  analystIds: string[];
  overlap: number;
  existing: { articleId: string; analystId: string }[];
};

export type AssignmentPlan =
  | { ok: true; assignments: { articleId: string; analystId: string }[] }
  | { ok: false; message: string };

export function planAssignments(input: AssignmentPlanInput): AssignmentPlan {
  const { articleIds, analystIds, overlap } = input;
  if (!Number.isInteger(overlap) || overlap < 1) return { ok: false, message: "Overlap must be a whole number of at least 1." };
  if (analystIds.length < overlap) {
    return {
      ok: false,
      message: `Each article needs ${overlap} distinct analysts but only ${analystIds.length} ${analystIds.length === 1 ? "is" : "are"} available.`,
    };
  }
  const load = new Map(analystIds.map((id) => [id, 0]));
  const assignedTo = new Map<string, Set<string>>();
  for (const { articleId, analystId } of input.existing) {
    if (load.has(analystId)) load.set(analystId, load.get(analystId)! + 1);
    let set = assignedTo.get(articleId);
    if (!set) assignedTo.set(articleId, (set = new Set()));
    set.add(analystId);
  }
  // Analysts ordered by load, then by their position in the input, kept sorted incrementally.
  const order = new Map(analystIds.map((id, index) => [id, index]));
  const byLoad = [...analystIds].sort((a, b) => load.get(a)! - load.get(b)! || order.get(a)! - order.get(b)!);
  const result: { articleId: string; analystId: string }[] = [];
  for (const articleId of articleIds) {
    const already = assignedTo.get(articleId) ?? new Set<string>();
    let missing = overlap - already.size;
    if (missing <= 0) continue;
    const chosen: string[] = [];
    for (const analystId of byLoad) {
      if (missing === 0) break;
      if (already.has(analystId)) continue;
      chosen.push(analystId);
      missing--;
    }
    for (const analystId of chosen) {
      result.push({ articleId, analystId });
      load.set(analystId, load.get(analystId)! + 1);
      // move the analyst right to keep byLoad sorted (loads change by one: a short walk)
      let index = byLoad.indexOf(analystId);
      while (
        index + 1 < byLoad.length &&
        (load.get(byLoad[index + 1])! < load.get(analystId)! ||
          (load.get(byLoad[index + 1])! === load.get(analystId)! && order.get(byLoad[index + 1])! < order.get(analystId)!))
      ) {
        byLoad[index] = byLoad[index + 1];
        byLoad[index + 1] = analystId;
        index++;
      }
    }
  }
  return { ok: true, assignments: result };
}
