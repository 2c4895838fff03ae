/** A user action the layer's rules forbid (the UI should not have offered it); nothing was changed. */
export class EditorRuleError extends Error {
  override name = "EditorRuleError";
}
