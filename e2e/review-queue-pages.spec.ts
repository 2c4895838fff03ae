import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signIn } from "./support";

const ALICE = "alice@sourcemark.test";
const BOB = "bob@sourcemark.test";

test("the review queue longer than a page is paged, most disagreement first, for the admin who reviews it", async ({ page }) => {
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const slug = `queue-pages-${id}`;
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/projects/new");
  await page.getByRole("region", { name: "Details" }).getByLabel("Name").fill(`Queue pages ${id}`);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${slug}$`));

  // 51 articles both analysts annotated (so ready for review): the first disagrees most.
  const span = (k: number, label: string, start: number, end: number) => ({ label, start, end, text: [...textOf(k)].slice(start, end).join("") });
  // Each text its own (the same text twice is one article): the spans lie before the number.
  const textOf = (k: number) => `Kessler said no deal. Brandt agreed. ${k}`;
  const lines = Array.from({ length: 51 }, (_, k) => ({
    id: `q${String(k).padStart(2, "0")}`,
    title: k === 0 ? "Most disputed article" : `Agreed article ${k}`,
    text: textOf(k),
    annotations: [
      { annotator: ALICE, spans: [span(k, "ACTOR", 0, 7)] },
      { annotator: BOB, spans: [k === 0 ? span(k, "CLAIM", 13, 20) : span(k, "ACTOR", 0, 7)] },
    ],
  }));
  const imported = await page.request.post(`/api/v1/projects/${slug}/articles?filename=queue.jsonl`, {
    headers: { "content-type": "application/x-ndjson" },
    data: lines.map((line) => JSON.stringify(line)).join("\n") + "\n",
  });
  expect(imported.status(), await imported.text()).toBe(200);

  await page.goto(`/projects/${slug}/review`);
  const queue = page.getByRole("table", { name: /Articles ready for review/ });
  await expect(queue.getByRole("row")).toHaveCount(51); // the header and 50 articles
  await expect(queue.getByRole("rowheader").first()).toContainText("Most disputed article");
  const pages = page.getByRole("navigation", { name: "Pages of the review queue" });
  await expect(pages).toContainText("Articles 1–50 of 51 · page 1 of 2");
  await expect(pages.getByRole("link", { name: "Previous page" })).toHaveCount(0);
  await expectAccessible(page);

  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${slug}/review\\?page=2$`));
  await expect(queue.getByRole("row")).toHaveCount(2);
  await expect(pages).toContainText("Articles 51–51 of 51 · page 2 of 2");
  await pages.getByRole("link", { name: "Previous page" }).click();
  await expect(queue.getByRole("rowheader").first()).toContainText("Most disputed article");

  // A page past the end shows the last one.
  await page.goto(`/projects/${slug}/review?page=9`);
  await expect(pages).toContainText("page 2 of 2");
});
