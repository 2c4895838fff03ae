import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

const ARTICLE = "velmora-strike-harbour-gazette-2026-03-02";

/** The text after the caret (or the selection's focus), to check each keyboard step landed. */
function afterCaret(page: Page): Promise<string> {
  return page.evaluate(() => {
    const selection = getSelection()!;
    return (selection.focusNode?.textContent ?? "").slice(selection.focusOffset, selection.focusOffset + 12);
  });
}

const selectedText = (page: Page) => page.evaluate(() => getSelection()!.toString());

async function extendRight(page: Page, characters: number, expected: string) {
  for (let i = 0; i < characters; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect.poll(() => selectedText(page)).toBe(expected);
}

test("an analyst tags an article by keyboard alone and marks it done", async ({ page }) => {
  await signIn(page, "bob@sourcemark.test");
  await page.goto(`/projects/velmora-strike/articles/${ARTICLE}`);
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
  await page.getByRole("textbox", { name: /Article text/ }).focus();
  await page.keyboard.press("Control+Home");
  await expect.poll(() => afterCaret(page)).toBe("Dock workers");

  // "Dock workers", tagged as an actor
  await extendRight(page, 12, "Dock workers");
  await page.keyboard.press("a");

  // the next paragraph (Ctrl+Down goes to its start): "Union leader Marta Kessler", an actor too,
  // then its start moved right past "Union leader " with Alt+Shift+Right
  await page.keyboard.press("Control+ArrowDown");
  await expect.poll(() => afterCaret(page)).toBe("Union leader");
  await extendRight(page, 26, "Union leader Marta Kessler");
  await page.keyboard.press("a");
  for (let i = 0; i < 13; i++) await page.keyboard.press("Alt+Shift+ArrowRight");
  await expect(page.getByRole("region", { name: /Selected span/ })).toContainText("Marta Kessler");

  // a claim over the whole third paragraph: Ctrl+Down to its start, Ctrl+Shift+Down to its end
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+ArrowDown");
  await expect.poll(() => afterCaret(page)).toBe("The port aut");
  await page.keyboard.press("Control+Shift+ArrowDown");
  await page.keyboard.press("c");

  // jump back to the previous span with [, relabel it with q, and undo that
  await page.keyboard.press("[");
  await page.keyboard.press("q");
  await page.keyboard.press("Control+z");

  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
  const layer = await (await page.request.get(`/api/v1/projects/velmora-strike/articles/${ARTICLE}/layers/me`)).json();
  const summary = layer.spans.map((s: { label: string; text: string }) => `${s.label}:${s.text}`).sort();
  expect(summary).toEqual(
    [
      "ACTOR:Dock workers",
      "ACTOR:Marta Kessler",
      "CLAIM:The port authority said in a statement that the union's demands would cost “more than the port earns in a year”, a figure the union disputes.",
    ].sort(),
  );

  // the shortcuts are one key away, and the article is marked done from the keyboard
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Mark done" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: /Done/ })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("listitem").filter({ hasText: "Velmora port workers walk out" })).toContainText("Done");
});
