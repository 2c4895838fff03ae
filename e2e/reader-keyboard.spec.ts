import { expect, test } from "@playwright/test";
import { signIn } from "./support";

const ARTICLE = "velmora-strike-harbour-gazette-2026-03-02";

test("an analyst tags an article by keyboard alone and marks it done", async ({ page }) => {
  await signIn(page, "bob@sourcemark.test");
  await page.goto(`/projects/velmora-strike/articles/${ARTICLE}`);
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
  const textbox = page.getByRole("textbox", { name: /Article text/ });
  await textbox.focus();
  await page.keyboard.press("Control+Home");

  // "Dock workers": two words to the right, tagged as an actor
  await page.keyboard.press("Control+Shift+ArrowRight");
  await page.keyboard.press("Control+Shift+ArrowRight");
  await page.keyboard.press("a");

  // next paragraph (Ctrl+Down goes to its start): "Union leader Marta Kessler", an actor too
  await page.keyboard.press("Control+ArrowDown");
  for (let i = 0; i < 4; i++) await page.keyboard.press("Control+Shift+ArrowRight");
  await page.keyboard.press("a");
  // shrink its start by two words is too coarse: move the start right by graphemes to drop "Union leader "
  for (let i = 0; i < 13; i++) await page.keyboard.press("Alt+Shift+ArrowRight");

  // a claim over the whole third paragraph: Ctrl+Down to its start, Ctrl+Shift+Down to its end
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+ArrowDown");
  await page.keyboard.press("Control+Shift+ArrowDown");
  await page.keyboard.press("c");

  // jump back to the previous span with [, and relabel it with q then back with a (undo)
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
  const done = page.getByRole("button", { name: "Mark done" });
  await done.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: /Done/ })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("listitem").filter({ hasText: "Velmora port workers walk out" })).toContainText("Done");
});
