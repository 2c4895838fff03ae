import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, importOwnArticle, signIn } from "./support";

const GAZETTE = "velmora-strike-harbour-gazette-2026-03-02";
// The spec's own copy of the Gazette article, assigned to the analyst (see importOwnArticle).
const HARBOUR = `suggestions-${Date.now().toString(36)}`;
const BASE = `/api/v1/projects/velmora-strike/articles/${HARBOUR}`;
const CLAIM = "a figure the union disputes";
const BUILTIN_QUOTE = "until every crane is idle.";

type LayerSpan = { id: string; start: number; end: number; label: string; text: string; attributes: Record<string, unknown> };

async function waitSaved(page: Page) {
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
}

function codePointSpan(text: string, needle: string) {
  const at = text.indexOf(needle);
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(needle).length };
}

async function layer(page: Page, name: string): Promise<{ spans: LayerSpan[] }> {
  const response = await page.request.get(`${BASE}/layers/${name}`);
  expect(response.status()).toBe(200);
  return response.json();
}

test("a model's suggestion posted by API is accepted in the browser; a dismissed built-in one stays dismissed", async ({ page, browser }) => {
  // A long journey across two users on a shared, loaded machine.
  test.setTimeout(180_000);
  await importOwnArticle(browser, { analyst: ACCOUNTS.analyst, from: GAZETTE, id: HARBOUR });
  // A reviewer's script posts a pre-annotation to the suggestions layer.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer, ACCOUNTS.reviewer);
  const text = (await (await reviewer.request.get(BASE)).json()).text as string;
  const posted = await reviewer.request.post(`${BASE}/layers/suggestions/changes`, {
    data: { changes: [{ id: randomUUID(), op: "create", span: { ...codePointSpan(text, CLAIM), label: "CLAIM", text: CLAIM, attributes: { model: "claim-bert", score: 0.87 } } }] },
  });
  expect(posted.status()).toBe(200);
  const suggestionId = (await posted.json()).results[0].span.id as string;
  await reviewerContext.close();

  await signIn(page, ACCOUNTS.analyst);
  // Analysts read the suggestions layer but may not write it.
  const refused = await page.request.post(`${BASE}/layers/suggestions/changes`, {
    data: { changes: [{ id: randomUUID(), op: "create", span: { ...codePointSpan(text, CLAIM), label: "QUOTE", text: CLAIM } }] },
  });
  expect(refused.status()).toBe(403);
  await page.goto(`/projects/velmora-strike/articles/${HARBOUR}`);
  await waitSaved(page);
  const model = page.locator(`.ProseMirror [data-suggestion-key="model:${suggestionId}"]`);
  await expect(model).toHaveText(CLAIM);
  await expect(page.getByRole("button", { name: /a figure the union disputes.*claim-bert · 0.87/ })).toBeVisible();
  await expectAccessible(page);
  // Nothing was saved in the analyst's layer by showing it.
  expect((await layer(page, "me")).spans).toEqual([]);

  // Click the suggestion in the text and accept it with one key.
  await model.click();
  await expect(model).toHaveClass(/sm-suggestion-focused/);
  await page.keyboard.press("y");
  await waitSaved(page);
  await expect(model).toHaveCount(0);
  const mine = await layer(page, "me");
  expect(mine.spans).toEqual([expect.objectContaining({ label: "CLAIM", text: CLAIM, ...codePointSpan(text, CLAIM), attributes: { model: "claim-bert", score: 0.87 } })]);
  expect((await layer(page, "suggestions")).spans).toHaveLength(1);

  // Dismiss a built-in quote candidate with a key; it stays dismissed after a reload and is never saved.
  const builtin = page.locator(".ProseMirror [data-suggestion-key^='builtin:QUOTE']").filter({ hasText: BUILTIN_QUOTE });
  await expect(builtin).toHaveCount(1);
  const key = await builtin.getAttribute("data-suggestion-key");
  expect(key).toBe(`builtin:QUOTE:${codePointSpan(text, BUILTIN_QUOTE).start}:${codePointSpan(text, BUILTIN_QUOTE).end}`);
  await builtin.click();
  await page.keyboard.press("d");
  await expect(page.locator(`.ProseMirror [data-suggestion-key="${key}"]`)).toHaveCount(0);
  await expect
    .poll(async () => ((await (await page.request.get(`${BASE}/suggestions/dismissals`)).json()) as { keys: string[] }).keys)
    .toContain(key);
  await page.reload();
  await waitSaved(page);
  await expect(page.locator(".ProseMirror [data-suggestion-key^='builtin:QUOTE']").first()).toBeVisible();
  await expect(page.locator(`.ProseMirror [data-suggestion-key="${key}"]`)).toHaveCount(0);
  expect((await layer(page, "me")).spans.map((s) => s.text)).toEqual([CLAIM]);

  // Moving with n and accepting with Enter saves a built-in one, marked as suggested.
  await page.locator(".ProseMirror").focus();
  await page.keyboard.press("n");
  const focused = page.locator(".ProseMirror .sm-suggestion-focused");
  await expect(focused).toHaveCount(1);
  const acceptedText = await focused.textContent();
  await page.keyboard.press("Enter");
  await waitSaved(page);
  const after = await layer(page, "me");
  expect(after.spans.find((s) => s.text === acceptedText)?.attributes).toEqual({ suggested: "builtin" });
});
