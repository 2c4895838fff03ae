/**
 * What a key press in the reader means, as data. The component turns actions into store
 * calls; keeping the mapping pure makes the keyboard path testable and documentable.
 */
export type KeyInput = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
};

export type KeyContext = {
  /** Label key by hotkey (lower-case). */
  hotkeys: ReadonlyMap<string, string>;
  hasTextSelection: boolean;
  selectedSpanId: string | null;
  editable: boolean;
  /** A suggestion (pre-marked span) has the focus: y or Enter accepts it, d dismisses it. */
  focusedSuggestion?: boolean;
};

export type KeyAction =
  | { type: "tag"; label: string }
  | { type: "relabel"; label: string }
  | { type: "delete" }
  | { type: "moveBound"; bound: "start" | "end"; by: -1 | 1 }
  | { type: "jump"; direction: -1 | 1 }
  | { type: "deselect" }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "guidelines" }
  | { type: "help" }
  | { type: "attribute" }
  | { type: "note" }
  | { type: "nextSuggestion"; direction: -1 | 1 }
  | { type: "acceptSuggestion" }
  | { type: "dismissSuggestion" };

/** Letters the reader uses for its own actions; a label cannot take them as hotkeys. */
export const RESERVED_READER_KEYS: readonly string[] = ["g", "s", "e", "n", "y", "d"];

export function interpretKey(input: KeyInput, context: KeyContext): KeyAction | null {
  const mod = input.ctrlKey || input.metaKey;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (mod && !input.altKey) {
    if (key === "z" && !input.shiftKey) return context.editable ? { type: "undo" } : null;
    if ((key === "z" && input.shiftKey) || key === "y") return context.editable ? { type: "redo" } : null;
    return null;
  }
  if (input.key === "Escape") return context.selectedSpanId || context.focusedSuggestion ? { type: "deselect" } : null;
  if (input.altKey && (input.key === "ArrowLeft" || input.key === "ArrowRight")) {
    if (!context.selectedSpanId || !context.editable) return null;
    return { type: "moveBound", bound: input.shiftKey ? "start" : "end", by: input.key === "ArrowLeft" ? -1 : 1 };
  }
  if (input.altKey || mod) return null;
  if (key === "]") return { type: "jump", direction: 1 };
  if (key === "[") return { type: "jump", direction: -1 };
  if (key === "g") return { type: "guidelines" };
  if (key === "?") return { type: "help" };
  if (context.editable && !context.hasTextSelection) {
    if (key === "n") return { type: "nextSuggestion", direction: input.shiftKey ? -1 : 1 };
    if (context.focusedSuggestion && (key === "y" || input.key === "Enter")) return { type: "acceptSuggestion" };
    if (context.focusedSuggestion && key === "d") return { type: "dismissSuggestion" };
  }
  const label = context.hotkeys.get(key);
  if (label && context.editable) {
    if (context.hasTextSelection) return { type: "tag", label };
    if (context.selectedSpanId) return { type: "relabel", label };
  }
  if (!context.editable || !context.selectedSpanId || context.hasTextSelection) return null;
  if (input.key === "Delete" || input.key === "Backspace") return { type: "delete" };
  if (key === "s") return { type: "attribute" };
  if (key === "e") return { type: "note" };
  return null;
}

/** The shortcuts, for the help dialog. */
export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: "Shift + arrows, or the mouse", what: "Select text" },
  { keys: "Ctrl + ↓ / ↑ (with Shift: select)", what: "Next / previous paragraph (select to its end / start)" },
  { keys: "Label hotkey (q, c, a…)", what: "Tag the selection; with a span selected: change its label" },
  { keys: "] / [", what: "Select the next / previous span" },
  { keys: "Alt + ← / →", what: "Move the selected span's end" },
  { keys: "Alt + Shift + ← / →", what: "Move the selected span's start" },
  { keys: "Delete or Backspace", what: "Delete the selected span" },
  { keys: "s", what: "Choose the speaker of the selected quote or claim (or click an ACTOR span in the text)" },
  { keys: "n / Shift + n", what: "Go to the next / previous suggestion (dashed outline)" },
  { keys: "y or Enter", what: "Accept the suggestion: it becomes your span" },
  { keys: "d", what: "Dismiss the suggestion (it stays dismissed)" },
  { keys: "e", what: "Edit the note of the selected span" },
  { keys: "Ctrl + Z / Ctrl + Shift + Z", what: "Undo / redo (saved like any change)" },
  { keys: "Escape", what: "Deselect the span" },
  { keys: "g", what: "Show the guidelines" },
  { keys: "?", what: "Show these shortcuts" },
];
