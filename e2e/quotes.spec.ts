import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signIn } from "./support";

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Code-point offsets of `needle` in `text` (the API's unit). */
function span(text: string, needle: string, label: string, id: string, actor: string | null = null) {
  const start = Array.from(text.slice(0, text.indexOf(needle))).length;
  return { id, start, end: start + Array.from(needle).length, label, text: needle, actor };
}

/** One article whose gold layer attributes `quote` to `speaker` (an ACTOR span linked to the canonical `actor`). */
function article(id: string, outlet: string, date: string, lead: string, speaker: string, actor: string, quote: string) {
  const text = `${lead} ${speaker} said ${quote} on the quay. 👍🏽`;
  return JSON.stringify({
    id,
    title: `${outlet} on the strike`,
    outlet,
    published_at: date,
    text,
    gold: {
      spans: [span(text, speaker, "ACTOR", "s", actor), span(text, quote, "QUOTE", "q")],
      relations: [{ type: "attributed_to", from: "q", to: "s" }],
    },
  });
}

async function createProject(page: Page, name: string, slug: string) {
  await page.goto("/projects/new");
  await page.getByRole("region", { name: "Details" }).getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${slug}$`));
}

test("from an actor's page to a quote's story across outlets, with a misattribution, a split and a threshold", async ({ page }) => {
  const id = stamp();
  const slug = `quotes-${id}`;
  await signIn(page, ACCOUNTS.admin);
  await createProject(page, `Quotes ${id}`, slug);
  const lines = [
    article(`herald-${id}`, "Port Herald", "2026-03-01", "At dawn,", "Marta Kessler", "Marta Kessler", "“the authority has offered nothing but promises, and promises do not pay rent”"),
    article(`wire-${id}`, "North Wire", "2026-03-02", "Later,", "Kessler", "Marta Kessler", '"The authority has offered nothing but promises, and promises don\'t pay the rent."'),
    article(`times-${id}`, "Coastal Times", "2026-03-03", "In a statement", "Mike Walz", "Mike Waltz", "«the authority has offered nothing but promises, and promises do not pay rent»"),
    article(`post-${id}`, "Evening Post", "2026-03-04", "Meanwhile", "Jonas Brandt", "Jonas Brandt", "“our offer included a raise and the door is open”"),
  ];
  const imported = await page.request.post(`/api/v1/projects/${slug}/articles?filename=gold.jsonl`, {
    headers: { "content-type": "application/x-ndjson" },
    data: `${lines.join("\n")}\n`,
  });
  expect(imported.status(), await imported.text()).toBe(200);

  // The actor's page groups Kessler's statements across outlets, flags the misattribution, and dates them.
  await page.goto(`/projects/${slug}/actors`);
  await page.getByRole("link", { name: "Marta Kessler" }).click();
  await expect(page.getByRole("heading", { name: "Marta Kessler" })).toBeVisible();
  const across = page.getByRole("region", { name: /Across outlets/ });
  await expect(across.getByRole("row")).toHaveCount(2); // header + one statement
  await expect(across.getByRole("row").nth(1)).toContainText("3"); // three outlets carried it
  await expect(across.getByText("Possible misattribution")).toBeVisible();
  await expect(page.getByRole("list", { name: "Quotes attributed to Marta Kessler, by date" }).getByRole("listitem")).toHaveCount(2);
  await expectAccessible(page);

  // The story: three outlets in date order, the changed words marked, the speakers each named.
  await across.getByRole("table").getByRole("link", { name: /the authority has offered nothing but promises/ }).click();
  await expect(page.getByRole("heading", { name: /the authority has offered nothing but promises/ })).toBeVisible();
  const story = page.getByRole("list", { name: "The quote, outlet by outlet, in date order" });
  await expect(story.getByRole("listitem")).toHaveCount(3);
  await expect(story.getByRole("listitem").nth(0)).toContainText("Port Herald · 2026-03-01");
  await expect(story.getByRole("listitem").nth(2)).toContainText("said by Mike Waltz");
  await expect(story.getByRole("listitem").nth(1).locator("ins")).toHaveText(["don't", "the"]);
  await expect(story.getByRole("listitem").nth(2)).toContainText("same words");
  await expect(page.getByRole("note", { name: "Possible misattribution" })).toContainText("Marta Kessler (2), Mike Waltz (1)");
  await expectAccessible(page);

  // A reviewer decides the Times report is another statement: it is split off, and the decision holds.
  await story.getByRole("checkbox", { name: /Coastal Times/ }).check();
  await page.getByRole("button", { name: "Split the selected quotes off (1)" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Split" }).click();
  await expect(story.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("note", { name: "Possible misattribution" })).toHaveCount(0);
  // the split-off report is offered back as a close cluster
  await expect(page.getByRole("region", { name: "Close clusters" })).toContainText("1 outlet");

  // The quotes API and the list agree; a strict threshold separates the altered wording.
  const quotes = await page.request.get(`/api/v1/projects/${slug}/quotes?format=jsonl`);
  const records = (await quotes.text()).trim().split("\n").map((line) => JSON.parse(line));
  expect(records.map((r) => r.speaker).sort()).toEqual(["Jonas Brandt", "Marta Kessler", "Marta Kessler", "Mike Waltz"]);
  const kessler = records.filter((r) => r.speaker === "Marta Kessler");
  expect(kessler[0].cluster).toBe(kessler[1].cluster);
  expect(records.find((r) => r.speaker === "Mike Waltz").cluster).not.toBe(kessler[0].cluster);

  await page.goto(`/projects/${slug}/quotes`);
  await expect(page.getByRole("table", { name: "Quote clusters, most outlets first" }).getByRole("row")).toHaveCount(2);
  await page.getByLabel("Similarity threshold").fill("1");
  await page.getByRole("button", { name: "Save and recompute" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  await expect(page.getByText("No cluster matches this view.")).toBeVisible();
  await page.getByRole("link", { name: "All, single quotes too" }).click();
  await expect(page.getByRole("table", { name: "Quote clusters, most outlets first" }).getByRole("row")).toHaveCount(5);
  await expectAccessible(page);
});

test("analysts cannot reach the quote pages", async ({ page }) => {
  await signIn(page, ACCOUNTS.analyst);
  expect((await page.goto("/projects/velmora-strike/quotes"))?.status()).toBe(403);
  expect((await page.request.get("/api/v1/projects/velmora-strike/quotes")).status()).toBe(403);
});
