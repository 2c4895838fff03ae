import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signIn } from "./support";
import { selectTextByMouse } from "./select-text";

const HARBOUR = "velmora-strike-harbour-gazette-2026-03-02";
const QUOTE = "the authority has offered nothing but promises, and promises do not pay rent.";

async function waitSaved(page: Page) {
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
}

async function myLayer(page: Page) {
  const response = await page.request.get(`/api/v1/projects/velmora-strike/articles/${HARBOUR}/layers/me`);
  expect(response.status()).toBe(200);
  return (await response.json()) as { spans: { id: string; label: string; text: string; actor: string | null }[]; relations: { from: string; to: string }[] };
}

test("tag a quote, tag its speaker, link the speaker, attribute the quote, find it on the actor's page", async ({ page, browser }) => {
  // A long journey across two users on a shared, loaded machine.
  test.setTimeout(180_000);
  // A reviewer puts the union leader into the register, and a misspelt duplicate to merge later.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer, ACCOUNTS.reviewer);
  await reviewer.goto("/projects/velmora-strike/actors");
  await expect(reviewer.getByRole("heading", { name: /Actors/ })).toBeVisible();
  for (const [name, aliases] of [
    ["Marta Kessler", "Kesler"],
    ["M. Keßler", ""],
  ]) {
    await reviewer.getByRole("button", { name: "New actor" }).click();
    const dialog = reviewer.getByRole("dialog", { name: "New actor" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Aliases").fill(aliases);
    await dialog.getByRole("button", { name: "Create actor" }).click();
    await expect(dialog).toBeHidden();
    await expect(reviewer.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expectAccessible(reviewer);
  // Merge the duplicate into the canonical actor, after a confirmation.
  await reviewer.getByRole("button", { name: "Merge M. Keßler into another actor" }).click();
  await reviewer.getByLabel("Merge into").selectOption({ label: "Marta Kessler" });
  await reviewer.getByRole("button", { name: "Continue" }).click();
  await reviewer.getByRole("button", { name: "Merge actors" }).click();
  await expect(reviewer.getByRole("link", { name: "M. Keßler", exact: true })).toHaveCount(0);
  await expect(reviewer.getByRole("row", { name: /Marta Kessler/ })).toContainText("M. Keßler");
  // Fuzzy search finds her under a misspelling.
  await reviewer.getByLabel("Find an actor").fill("Kesslr");
  await reviewer.getByRole("button", { name: "Search" }).click();
  await expect(reviewer.getByRole("row").nth(1)).toContainText("Marta Kessler");
  await reviewerContext.close();

  // The analyst tags the quote and its speaker in the reader.
  await signIn(page, ACCOUNTS.analyst);
  await page.goto(`/projects/velmora-strike/articles/${HARBOUR}`);
  await waitSaved(page);
  await selectTextByMouse(page, QUOTE);
  await page.keyboard.press("q");
  await waitSaved(page);
  await selectTextByMouse(page, "Marta Kessler");
  await page.keyboard.press("a");
  await waitSaved(page);

  // Linking: the register's actor is offered first; choosing it links the span.
  const options = page.getByRole("listbox", { name: "Actors to link" }).getByRole("option");
  await expect(options.first()).toContainText("Marta Kessler");
  await options.first().click();
  await waitSaved(page);
  await expect(page.getByTestId("linked-actor")).toHaveText("Marta Kessler");

  // Attribution by key and click: select the quote, press s, click the speaker in the text.
  await page.getByRole("button", { name: /the authority has offered nothing/ }).click();
  await page.locator(".ProseMirror").focus();
  await page.keyboard.press("s");
  await expect(page.getByText("Click an ACTOR span in the text to make it the speaker")).toBeVisible();
  await page.locator('.ProseMirror .sm-seg[data-labels="ACTOR"]').first().click();
  await waitSaved(page);
  await expect(page.getByRole("button", { name: /the authority has offered nothing.*said by Marta Kessler/ })).toBeVisible();
  await expect(page.locator(".sm-speaker-tag")).toHaveAttribute("data-speaker", "Marta Kessler");
  const layer = await myLayer(page);
  const quote = layer.spans.find((s) => s.label === "QUOTE")!;
  const speaker = layer.spans.find((s) => s.label === "ACTOR")!;
  expect(speaker.actor).toBe("Marta Kessler");
  expect(layer.relations).toEqual([expect.objectContaining({ from: quote.id, to: speaker.id })]);

  // The actor's page lists the quote with its article, outlet and date, and exports it as CSV.
  await page.goto("/projects/velmora-strike/actors");
  await page.getByRole("link", { name: "Marta Kessler", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Marta Kessler" })).toBeVisible();
  const quotes = page.getByRole("region", { name: /Quotes and claims/ });
  await expect(quotes.getByRole("listitem")).toHaveCount(1);
  await expect(quotes.getByRole("listitem")).toContainText(QUOTE);
  await expect(quotes.getByRole("listitem")).toContainText("Harbour Gazette");
  await expect(quotes.getByRole("listitem")).toContainText("2026-03-02");
  await expect(quotes.getByRole("link", { name: "Velmora port workers walk out as talks collapse" })).toBeVisible();
  await expect(page.locator("p", { hasText: "Also written as:" })).toContainText("M. Keßler");
  await expectAccessible(page);
  const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const body = await csv.text();
  expect(body.split("\r\n")[0]).toBe("actor,article,title,outlet,published_at,layer,label,start,end,text,speaker_text,context_before,context_after");
  expect(body).toContain(`Marta Kessler,${HARBOUR},Velmora port workers walk out as talks collapse,Harbour Gazette,2026-03-02,${ACCOUNTS.analyst},QUOTE`);
  expect(body).toContain(QUOTE);

  // Analysts read the register but cannot curate it (no buttons; the server refuses too).
  await page.goto("/projects/velmora-strike/actors");
  await expect(page.getByRole("button", { name: "New actor" })).toHaveCount(0);
  const api = await page.request.get("/api/v1/projects/velmora-strike/actors?q=Volz%20Kesler");
  expect(api.status()).toBe(200);
});
