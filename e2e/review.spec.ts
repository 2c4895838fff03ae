import { expect, test, type Browser } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signIn } from "./support";
import { selectTextByMouse } from "./select-text";

const PROJECT = "velmora-strike";
const ALICE = "alice@sourcemark.test";
const BOB = "bob@sourcemark.test";
const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

// Kessler 0–7 · "we will not sign" 13–29 (13–30 with the full stop) · Brandt 31–37 · "no deal" 39–46
const TEXT = (id: string) => `Kessler said we will not sign. Brandt: no deal. ${id}`;
const cp = (text: string, start: number, end: number) => [...text].slice(start, end).join("");

async function importArticle(browser: Browser, id: string, title: string) {
  const text = TEXT(id);
  const span = (sid: string, label: string, start: number, end: number, actor?: string) => ({ id: sid, label, start, end, text: cp(text, start, end), actor: actor ?? null });
  const context = await browser.newContext();
  await signIn(await context.newPage(), ACCOUNTS.admin);
  const line = {
    id,
    title,
    outlet: "Port Herald",
    text,
    annotations: [
      // alice: Kessler said "we will not sign"; she has not marked Brandt yet (she does, in the reader)
      { annotator: ALICE, spans: [span("k", "ACTOR", 0, 7, "Mara Kessler"), span("q", "QUOTE", 13, 29)], relations: [{ type: "attributed_to", from: "q", to: "k" }] },
      // bob: the quote with its full stop, Brandt, and a CLAIM alice does not have
      {
        annotator: BOB,
        spans: [span("k", "ACTOR", 0, 7, "Mara Kessler"), span("q", "QUOTE", 13, 30), span("b", "ACTOR", 31, 37), span("c", "CLAIM", 39, 46)],
        relations: [{ type: "attributed_to", from: "q", to: "k" }],
      },
    ],
  };
  const imported = await context.request.post(`/api/v1/projects/${PROJECT}/articles?filename=${id}.jsonl`, {
    headers: { "content-type": "application/x-ndjson" },
    data: JSON.stringify(line) + "\n",
  });
  expect(imported.status()).toBe(200);
  await context.close();
}

test("two analysts annotate, the reviewer resolves their disagreements by keyboard into gold, and sees the figures", async ({ page, browser }) => {
  test.slow();
  const id = `review-${stamp()}`;
  const title = `Kessler will not sign ${id}`;
  await importArticle(browser, id, title);

  // Alice reopens the article in the reader, marks Brandt as an ACTOR with the mouse and her hotkey, and marks it done again.
  const aliceContext = await browser.newContext();
  const alice = await aliceContext.newPage();
  await signIn(alice, ALICE);
  await alice.goto(`/projects/${PROJECT}/articles/${id}`);
  await alice.getByRole("button", { name: "Done ✓ (reopen)" }).click();
  await expect(alice.getByRole("button", { name: "Mark done" })).toBeVisible();
  await selectTextByMouse(alice, "Brandt");
  await alice.keyboard.press("a");
  await expect(alice.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
  const aliceLayer = await (await alice.request.get(`/api/v1/projects/${PROJECT}/articles/${id}/layers/me`)).json();
  expect(aliceLayer.spans.map((s: { label: string; start: number }) => `${s.label}:${s.start}`)).toEqual(["ACTOR:0", "QUOTE:13", "ACTOR:31"]);
  await alice.getByRole("button", { name: "Mark done" }).click();
  await expect(alice.getByRole("button", { name: "Done ✓ (reopen)" })).toBeVisible();
  // analysts reach none of the review: no link, 403 on the page and the API
  await alice.goto(`/projects/${PROJECT}`);
  await expect(alice.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Articles" })).toBeVisible();
  await expect(alice.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Review" })).toHaveCount(0);
  await aliceContext.close();

  // The reviewer finds the article in the queue, with its disagreement: ACTOR 1, QUOTE 0, CLAIM 0 → 1 − 1/3
  await signIn(page, ACCOUNTS.reviewer);
  await page.goto(`/projects/${PROJECT}`);
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Review" }).click();
  await expect(page.getByRole("heading", { name: "Ready for review" })).toBeVisible();
  const queue = page.getByRole("table", { name: "Articles ready for review, most disagreement first" });
  const row = queue.getByRole("row").filter({ has: page.getByRole("link", { name: title }) });
  await expect(row.getByRole("cell").nth(1)).toHaveText("0.667");
  await expectAccessible(page);
  await row.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${PROJECT}/review/${id}$`));

  // The board: four units, classified
  await expect(page.getByRole("heading", { name: `Review: ${title}` })).toBeVisible();
  const units = page.getByRole("navigation", { name: "Units" }).getByRole("button");
  await expect(units).toHaveCount(4);
  await expect(units.nth(0)).toContainText("Unanimous");
  await expect(units.nth(1)).toContainText("Bounds differ · Quote");
  await expect(units.nth(2)).toContainText("Unanimous");
  await expect(units.nth(3)).toContainText("Missing in some layers");
  await expect(page.getByRole("heading", { name: "Unit 1 of 4: Unanimous" })).toBeVisible();
  await expectAccessible(page);

  // The easy part in one step, then the QUOTE by keyboard: j/k move, 2 accepts bob's version
  await page.getByRole("button", { name: "Accept all unanimous (2)" }).click();
  await expect(page.getByText("Accepted 2 unanimous units.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Unit 2 of 4: Bounds differ" })).toBeVisible();
  await page.keyboard.press("j");
  await expect(page.getByRole("heading", { name: "Unit 3 of 4: Unanimous" })).toBeVisible();
  await page.keyboard.press("k");
  await expect(page.getByRole("heading", { name: "Unit 2 of 4: Bounds differ" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Article text with the units marked" })).toContainText("we will not sign.");
  await page.keyboard.press("2");
  await expect(page.getByText("Accepted bob@sourcemark.test's version of unit 2.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Unit 4 of 4: Missing in some layers" })).toBeVisible();

  // r rejects the CLAIM; u undoes it; e edits it into a QUOTE instead
  await page.keyboard.press("r");
  await expect(page.getByText("Rejected unit 4.")).toBeVisible();
  await expect(units.nth(3)).toContainText("rejected");
  await page.keyboard.press("u");
  await expect(page.getByText("Undid the last decision.")).toBeVisible();
  await expect(units.nth(3)).toContainText("undecided");
  await page.keyboard.press("e");
  const dialog = page.getByRole("dialog", { name: "Edit the unit's gold span" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Label").selectOption("QUOTE");
  await expect(dialog.getByText("Covers “no deal”")).toBeVisible();
  await dialog.getByRole("button", { name: "Save to gold" }).click();
  await expect(page.getByText("Saved your edit of unit 4 to gold.")).toBeVisible();

  await page.getByRole("radio", { name: "Gold layer" }).check();
  await expect(page.getByRole("region", { name: "Article text with the gold spans marked" }).locator("[title='Quote, said by Mara Kessler']")).toHaveText("we will not sign.");

  // The gold layer: each span with where it came from and who decided; the QUOTE kept Kessler as its speaker
  const gold = page.getByRole("table", { name: "Gold layer, with the provenance of each span" });
  await expect(gold.getByRole("row")).toHaveCount(5);
  const goldQuote = gold.getByRole("row").filter({ hasText: "“we will not sign.”" });
  await expect(goldQuote).toContainText("said by Mara Kessler");
  await expect(goldQuote).toContainText(BOB);
  await expect(goldQuote).toContainText("reviewer@sourcemark.test (accepted)");
  await expect(gold.getByRole("row").filter({ hasText: "“Kessler”" })).toContainText(`${ALICE}, ${BOB}`);
  await expect(gold.getByRole("row").filter({ hasText: "“no deal”" })).toContainText("reviewer@sourcemark.test (edited)");

  // The analysts against gold (gold: ACTOR 0–7, QUOTE 13–30, ACTOR 31–37, QUOTE 39–46)
  const figures = page.getByRole("table", { name: "Each analyst against gold: precision, recall and F1 per label" });
  // alice: 2 of her 3 spans are gold, 2 of 4 gold spans are hers; bob: 3 of 4 both ways
  await expect(figures.getByRole("row").filter({ hasText: ALICE }).getByRole("cell").last()).toContainText("0.67 / 0.50 / 0.57");
  await expect(figures.getByRole("row").filter({ hasText: BOB }).getByRole("cell").last()).toContainText("0.75 / 0.75 / 0.75");
  await expectAccessible(page);

  // The gold layer is the article's `gold` layer for the API and exports too
  const layer = await (await page.request.get(`/api/v1/projects/${PROJECT}/articles/${id}/layers/gold`)).json();
  expect(layer.spans.map((s: { label: string; start: number; end: number }) => `${s.label}:${s.start}-${s.end}`)).toEqual([
    "ACTOR:0-7",
    "QUOTE:13-30",
    "ACTOR:31-37",
    "QUOTE:39-46",
  ]);
  expect(layer.relations).toHaveLength(1);

  // The review page shows the figures against gold over the project, and the article's counts
  await page.getByRole("link", { name: "Review", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Analysts against gold" })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Each analyst against gold: precision, recall and F1 per label" }).getByRole("rowheader", { name: BOB }),
  ).toBeVisible();
  const reviewed = page.getByRole("table", { name: "Articles ready for review, most disagreement first" }).getByRole("row").filter({ has: page.getByRole("link", { name: title }) });
  await expect(reviewed.getByRole("cell").nth(2)).toHaveText("4"); // decisions standing: 2 unanimous, the QUOTE, the edit
  await expect(reviewed.getByRole("cell").nth(3)).toHaveText("4"); // gold spans
  await expectAccessible(page);
  expect((await page.goto(`/projects/no-such-${id}/review/${id}`))?.status()).toBe(404);
  expect((await page.request.get(`/api/v1/projects/no-such-${id}/articles/${id}/review`)).status()).toBe(404);
});

test("analysts get 403 from the review pages and every review API route", async ({ page }) => {
  await signIn(page, ACCOUNTS.analyst);
  const article = "velmora-strike-harbour-gazette-2026-03-02"; // assigned to alice
  for (const path of [`/projects/${PROJECT}/review`, `/projects/${PROJECT}/review/${article}`]) {
    expect((await page.goto(path))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  }
  const base = `/api/v1/projects/${PROJECT}/articles/${article}/review`;
  const answers = [
    await page.request.get(base),
    await page.request.post(`${base}/decisions`, { data: { decision: "accept_unanimous" } }),
    await page.request.post(`${base}/undo`, { data: {} }),
  ];
  for (const answer of answers) {
    expect(answer.status()).toBe(403);
    expect((await answer.json()).error.code).toBe("forbidden");
  }
});
