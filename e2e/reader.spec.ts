import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, importOwnArticle, signIn } from "./support";
import { selectTextByMouse } from "./select-text";

const NORTH_WIRE = "velmora-strike-north-wire-2026-03-04";
const COASTAL = "velmora-strike-coastal-times-2026-03-02";

type LayerSpan = { id: string; start: number; end: number; label: string; text: string; version: number };

async function layerOf(page: Page, article: string, layer = "me"): Promise<{ spans: LayerSpan[]; relations: { from: string; to: string }[] }> {
  const response = await page.request.get(`/api/v1/projects/velmora-strike/articles/${article}/layers/${layer}`);
  expect(response.status()).toBe(200);
  return response.json();
}

async function articleText(page: Page, article: string): Promise<string> {
  return (await (await page.request.get(`/api/v1/projects/velmora-strike/articles/${article}`)).json()).text;
}

/** Offsets in code points, as Python would give them. */
function codePointSpan(text: string, needle: string) {
  const at = text.indexOf(needle);
  return { start: Array.from(text.slice(0, at)).length, end: Array.from(text.slice(0, at)).length + Array.from(needle).length };
}

async function waitSaved(page: Page) {
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
}

test.describe.configure({ mode: "serial" });

test("an analyst tags spans with the mouse and hotkeys; offsets are exact past emoji with skin tones", async ({ page }) => {
  await signIn(page, "alice@sourcemark.test");
  await page.goto(`/projects/velmora-strike/articles/${NORTH_WIRE}`);
  await expect(page.getByRole("heading", { name: "Velmora talks to resume on Thursday" })).toBeVisible();
  await waitSaved(page);
  await expectAccessible(page);

  const text = await articleText(page, NORTH_WIRE);
  await selectTextByMouse(page, "by the weekend 🤞🏽");
  await page.keyboard.press("q");
  await waitSaved(page);
  await selectTextByMouse(page, "Jonas Brandt");
  await page.keyboard.press("a");
  await waitSaved(page);

  const layer = await layerOf(page, NORTH_WIRE);
  const quote = layer.spans.find((s) => s.label === "QUOTE")!;
  expect(quote).toMatchObject({ ...codePointSpan(text, "by the weekend 🤞🏽"), text: "by the weekend 🤞🏽" });
  const actor = layer.spans.find((s) => s.label === "ACTOR")!;
  expect(actor).toMatchObject({ ...codePointSpan(text, "Jonas Brandt"), text: "Jonas Brandt" });

  // attribute the quote to the actor from the side panel, then see it listed
  await page.getByRole("button", { name: /by the weekend/ }).click();
  await page.getByLabel("Speaker").selectOption({ label: `Jonas Brandt · ${actor.start}` });
  await waitSaved(page);
  await expect(page.getByRole("button", { name: /by the weekend.*said by Jonas Brandt/ })).toBeVisible();
  const attributed = await layerOf(page, NORTH_WIRE);
  expect(attributed.relations).toEqual([expect.objectContaining({ from: quote.id, to: actor.id })]);
});

test("spans across CRLF keep code-point offsets, nest, and undo/redo are saved", async ({ page }) => {
  await signIn(page, "bob@sourcemark.test");
  await page.goto(`/projects/velmora-strike/articles/${COASTAL}`);
  await waitSaved(page);
  const text = await articleText(page, COASTAL);
  await selectTextByMouse(page, "a last resort 🚢");
  await page.keyboard.press("q");
  await selectTextByMouse(page, "Critics argue that the strike, which Kesler called “a last resort 🚢”, will push shipping lines");
  await page.keyboard.press("c");
  await waitSaved(page);
  let layer = await layerOf(page, COASTAL);
  expect(layer.spans.map((s) => [s.label, s.start, s.end, s.text])).toEqual([
    ["CLAIM", ...Object.values(codePointSpan(text, "Critics argue that the strike, which Kesler called “a last resort 🚢”, will push shipping lines")), "Critics argue that the strike, which Kesler called “a last resort 🚢”, will push shipping lines"],
    ["QUOTE", ...Object.values(codePointSpan(text, "a last resort 🚢")), "a last resort 🚢"],
  ]);

  // relabel by key, then undo and redo: every step reaches the server
  await page.keyboard.press("a");
  await waitSaved(page);
  expect((await layerOf(page, COASTAL)).spans.map((s) => s.label).sort()).toEqual(["ACTOR", "QUOTE"]);
  await page.keyboard.press("Control+z");
  await waitSaved(page);
  expect((await layerOf(page, COASTAL)).spans.map((s) => s.label).sort()).toEqual(["CLAIM", "QUOTE"]);
  await page.keyboard.press("Control+Shift+z");
  await waitSaved(page);
  layer = await layerOf(page, COASTAL);
  expect(layer.spans.map((s) => s.label).sort()).toEqual(["ACTOR", "QUOTE"]);

  // delete by key and undo the delete
  await page.keyboard.press("Delete");
  await waitSaved(page);
  expect((await layerOf(page, COASTAL)).spans).toHaveLength(1);
  await page.keyboard.press("Control+z");
  await waitSaved(page);
  expect((await layerOf(page, COASTAL)).spans).toHaveLength(2);
});

test("blind layers: an analyst cannot open another's layer; a reviewer reads it read-only", async ({ page }) => {
  await signIn(page, "chen@sourcemark.test");
  const refused = await page.request.get(`/api/v1/projects/velmora-strike/articles/${COASTAL}/layers/bob@sourcemark.test`);
  expect(refused.status()).toBe(403);
  const write = await page.request.post(`/api/v1/projects/velmora-strike/articles/${COASTAL}/layers/bob@sourcemark.test/changes`, {
    data: { changes: [{ id: crypto.randomUUID(), op: "create", span: { start: 0, end: 8, label: "CLAIM", text: "Velmora'" } }] },
  });
  expect(write.status()).toBe(403);
  const page403 = await page.goto(`/projects/velmora-strike/articles/${COASTAL}?layer=bob@sourcemark.test`);
  expect(page403?.status()).toBe(403);

  await page.context().clearCookies();
  await signIn(page, "reviewer@sourcemark.test");
  await page.goto(`/projects/velmora-strike/articles/${COASTAL}?layer=bob@sourcemark.test`);
  await expect(page.getByText("Layer of bob@sourcemark.test (read-only)")).toBeVisible();
  await expect(page.getByRole("button", { name: /a last resort/ }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Quote" })).toBeDisabled();
  await expectAccessible(page);
});

test("changes made while the server is unreachable survive a reload and arrive exactly once, even after a lost reply", async ({ page }) => {
  const ARTICLE = "velmora-strike-the-ledger-2026-03-03";
  await signIn(page, "chen@sourcemark.test");
  await page.goto(`/projects/velmora-strike/articles/${ARTICLE}`);
  await waitSaved(page);

  // 1. a lost reply: the server applies the change but the browser never hears back
  let dropped = 0;
  await page.route("**/layers/me/changes", async (route) => {
    if (dropped++ === 0) {
      await route.fetch();
      await route.abort("connectionreset");
    } else await route.continue();
  });
  await selectTextByMouse(page, "Economists");
  await page.keyboard.press("a");
  await waitSaved(page);
  await page.unroute("**/layers/me/changes");

  // 2. the server goes away: changes queue in the browser
  await page.route("**/layers/me/changes", (route) => route.abort("connectionrefused"));
  const phrases = ["Jonas Brandt", "simply untrue, because our offer included a 4% raise.", "We remain at the table. The door is open."];
  for (const [i, phrase] of phrases.entries()) {
    await selectTextByMouse(page, phrase);
    await page.keyboard.press(i === 0 ? "a" : "q");
  }
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "offline");
  await expect(page.getByRole("status").filter({ hasText: "Offline" })).toContainText("3 changes waiting");

  // 3. a reload while still unreachable: the queued spans are still there
  await page.reload();
  await expect(page.getByRole("button", { name: /simply untrue/ })).toBeVisible();
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "offline");

  // 4. the server is back: everything is written, each span once
  await page.unroute("**/layers/me/changes");
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await waitSaved(page);
  const layer = await layerOf(page, ARTICLE);
  expect(layer.spans.map((s) => s.text).sort()).toEqual(["Economists", ...phrases].sort());
  expect(layer.spans.every((s) => s.version === 1)).toBe(true);
});

test("a stale write from a second tab is refused and the tab shows the saved version", async ({ browser }) => {
  const ARTICLE = await importOwnArticle(browser, { analyst: "alice@sourcemark.test", from: "velmora-strike-harbour-gazette-2026-03-02", id: `stale-${Date.now().toString(36)}` });
  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first, "alice@sourcemark.test");
  await first.goto(`/projects/velmora-strike/articles/${ARTICLE}`);
  await waitSaved(first);
  await selectTextByMouse(first, "Marta Kessler");
  await first.keyboard.press("a");
  await waitSaved(first);

  const second = await context.newPage();
  await second.goto(`/projects/velmora-strike/articles/${ARTICLE}`);
  await waitSaved(second);
  // the first tab relabels; the second, still showing version 1, relabels too
  await first.keyboard.press("c");
  await waitSaved(first);
  await second.getByRole("button", { name: /Marta Kessler/ }).click();
  await second.getByLabel("Label", { exact: true }).selectOption("QUOTE");
  await expect(second.getByRole("alert").filter({ hasText: /changed (elsewhere|in another tab)/ })).toBeVisible();
  await expect(second.getByLabel("Label", { exact: true })).toHaveValue("CLAIM");
  const layer = await layerOf(first, ARTICLE);
  expect(layer.spans.find((s) => s.text === "Marta Kessler")).toMatchObject({ label: "CLAIM", version: 2 });
  await context.close();
});

test("the selected span's bound moves by dragging its handle", async ({ page }) => {
  await signIn(page, "alice@sourcemark.test");
  await page.goto(`/projects/velmora-strike/articles/${NORTH_WIRE}`);
  await waitSaved(page);
  await selectTextByMouse(page, "Kessler said");
  await page.keyboard.press("c");
  await waitSaved(page);

  // The new span is selected: its start handle is drawn, visible and grabbable.
  const handle = page.locator(".sm-handle-start");
  await expect(handle).toHaveCount(1);
  const grip = await handle.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const bar = getComputedStyle(element, "::before");
    return { x: box.left, y: box.top + box.height / 2, barWidth: Number.parseFloat(bar.width) };
  });
  expect(grip.barWidth).toBeGreaterThan(3);
  // Where "Marta" begins, just before the span.
  const target = await page.evaluate(() => {
    const paragraph = [...document.querySelectorAll(".ProseMirror p")].find((p) => p.textContent?.includes("Marta Kessler said"))!;
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf("Marta");
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const box = range.getBoundingClientRect();
      return { x: box.left + 1, y: box.top + box.height / 2 };
    }
    throw new Error("Marta not found");
  });
  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 5 });
  await page.mouse.up();
  await waitSaved(page);

  const text = await articleText(page, NORTH_WIRE);
  const claim = (await layerOf(page, NORTH_WIRE)).spans.find((s) => s.label === "CLAIM" && s.text.endsWith("Kessler said"))!;
  expect(claim).toMatchObject({ ...codePointSpan(text, "Marta Kessler said"), text: "Marta Kessler said" });
});
