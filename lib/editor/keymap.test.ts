import { describe, expect, it } from "vitest";
import { interpretKey, type KeyContext } from "./keymap";

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const context = (over: Partial<KeyContext> = {}): KeyContext => ({
  hotkeys: new Map([
    ["q", "QUOTE"],
    ["c", "CLAIM"],
    ["a", "ACTOR"],
  ]),
  hasTextSelection: false,
  selectedSpanId: null,
  editable: true,
  ...over,
});

describe("interpretKey", () => {
  it("tags a selection with a label's hotkey, whatever the case", () => {
    expect(interpretKey(press("q"), context({ hasTextSelection: true }))).toEqual({ type: "tag", label: "QUOTE" });
    expect(interpretKey(press("A", { shiftKey: true }), context({ hasTextSelection: true }))).toEqual({ type: "tag", label: "ACTOR" });
  });

  it("relabels, deletes and moves bounds of the selected span", () => {
    const selected = context({ selectedSpanId: "s1" });
    expect(interpretKey(press("c"), selected)).toEqual({ type: "relabel", label: "CLAIM" });
    expect(interpretKey(press("Delete"), selected)).toEqual({ type: "delete" });
    expect(interpretKey(press("ArrowRight", { altKey: true }), selected)).toEqual({ type: "moveBound", bound: "end", by: 1 });
    expect(interpretKey(press("ArrowLeft", { altKey: true, shiftKey: true }), selected)).toEqual({ type: "moveBound", bound: "start", by: -1 });
  });

  it("undoes and redoes with ctrl or cmd", () => {
    expect(interpretKey(press("z", { ctrlKey: true }), context())).toEqual({ type: "undo" });
    expect(interpretKey(press("Z", { metaKey: true, shiftKey: true }), context())).toEqual({ type: "redo" });
    expect(interpretKey(press("y", { ctrlKey: true }), context())).toEqual({ type: "redo" });
  });

  it("changes nothing in a read-only layer but still navigates", () => {
    const readOnly = context({ editable: false, hasTextSelection: true, selectedSpanId: "s1" });
    expect(interpretKey(press("q"), readOnly)).toBeNull();
    expect(interpretKey(press("Delete"), readOnly)).toBeNull();
    expect(interpretKey(press("z", { ctrlKey: true }), readOnly)).toBeNull();
    expect(interpretKey(press("]"), readOnly)).toEqual({ type: "jump", direction: 1 });
  });

  it("leaves ordinary keys alone (caret movement, browser shortcuts)", () => {
    expect(interpretKey(press("ArrowRight"), context())).toBeNull();
    expect(interpretKey(press("c", { ctrlKey: true }), context({ hasTextSelection: true }))).toBeNull();
    expect(interpretKey(press("x"), context({ hasTextSelection: true }))).toBeNull();
  });

  it("moves between, accepts and dismisses suggestions, only in an editable layer without a text selection", () => {
    expect(interpretKey(press("n"), context())).toEqual({ type: "nextSuggestion", direction: 1 });
    expect(interpretKey(press("N", { shiftKey: true }), context())).toEqual({ type: "nextSuggestion", direction: -1 });
    expect(interpretKey(press("y"), context({ focusedSuggestion: true }))).toEqual({ type: "acceptSuggestion" });
    expect(interpretKey(press("Enter"), context({ focusedSuggestion: true }))).toEqual({ type: "acceptSuggestion" });
    expect(interpretKey(press("d"), context({ focusedSuggestion: true }))).toEqual({ type: "dismissSuggestion" });
    expect(interpretKey(press("Escape"), context({ focusedSuggestion: true }))).toEqual({ type: "deselect" });
    expect(interpretKey(press("y"), context())).toBeNull();
    expect(interpretKey(press("n"), context({ editable: false }))).toBeNull();
    expect(interpretKey(press("d"), context({ focusedSuggestion: true, hasTextSelection: true }))).toBeNull();
  });
});
