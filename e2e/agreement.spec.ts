import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signIn } from "./support";

const PROJECT = "velmora-strike";
const ALICE = "alice@sourcemark.test";
const BOB = "bob@sourcemark.test";
const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const codePoints = (text: string, start: number, end: number) => [...text].slice(start, end).join("");

/** A signed-in API client for one account (its own browser context). */
async function clientFor(browser: Browser, email: string): Promise<{ request: APIRequestContext; close: () => Promise<void> }> {
  const context = await browser.newContext();
  await signIn(await context.newPage(), email);
  return { request: context.request, close: () => context.close() };
}

test("two analysts' layers give the reviewer exact figures", async ({ page, browser }) => {
  test.slow(); // four accounts sign in
  const id = `agreement-${stamp()}`;
  const title = `Kessler will not sign ${id}`;
  // Tokens: 🚢 [0,1) Kessler [2,9) said [10,14) we [15,17) will [18,22) not [23,26) sign. [27,32) id [33,…)
  const text = `🚢 Kessler said we will not sign. ${id}`;
  const layer = (annotator: string, quoteEnd: number) => ({
    annotator,
    spans: [
      { id: "actor", start: 2, end: 9, label: "ACTOR", text: "Kessler", actor: "Mara Kessler" },
      { id: "quote", start: 15, end: quoteEnd, label: "QUOTE", text: codePoints(text, 15, quoteEnd) },
    ],
    relations: [{ type: "attributed_to", from: "quote", to: "actor" }],
  });

  // An admin imports a fresh article with alice's and bob's layers (their assignments become done).
  const admin = await clientFor(browser, ACCOUNTS.admin);
  const imported = await admin.request.post(`/api/v1/projects/${PROJECT}/articles?filename=${id}.jsonl`, {
    headers: { "content-type": "application/x-ndjson" },
    data: JSON.stringify({ id, title, outlet: "Port Herald", text, annotations: [layer(ALICE, 26), layer(BOB, 32)] }) + "\n",
  });
  expect(imported.status()).toBe(200);
  await admin.close();

  // Each analyst adds the same CLAIM through the changes API and attributes it to their ACTOR span.
  for (const email of [ALICE, BOB]) {
    const analyst = await clientFor(browser, email);
    const base = `/api/v1/projects/${PROJECT}/articles/${id}/layers/me`;
    const created = await analyst.request.post(`${base}/changes`, {
      data: { changes: [{ id: randomUUID(), op: "create", span: { start: 10, end: 26, label: "CLAIM", text: codePoints(text, 10, 26) } }] },
    });
    expect(created.status()).toBe(200);
    const claimId = (await created.json()).results[0].span.id;
    const spans: { id: string; label: string }[] = (await (await analyst.request.get(base)).json()).spans;
    const actorId = spans.find((span) => span.label === "ACTOR")!.id;
    const linked = await analyst.request.post(`${base}/changes`, {
      data: { changes: [{ id: randomUUID(), op: "create", relation: { type: "attributed_to", from: claimId, to: actorId } }] },
    });
    expect(linked.status()).toBe(200);
    await analyst.close();
  }

  await signIn(page, ACCOUNTS.reviewer);
  const report = await page.request.get(`/api/v1/projects/${PROJECT}/agreement`);
  expect(report.status()).toBe(200);
  const body = await report.json();
  expect(Object.keys(body)).toEqual(["project", "labels", "annotators", "figures"]);
  const figure = (measure: string, label: string | null) =>
    body.figures.find((f: { measure: string; label: string | null; article: string | null }) => f.measure === measure && f.label === label && f.article === id);
  // ACTOR and CLAIM match exactly, the QUOTEs end differently: 2·2/6
  expect(figure("f1_exact", null)).toEqual({ measure: "f1_exact", label: null, annotators: [ALICE, BOB], article: id, value: 2 / 3, units: 6 });
  // QUOTE tokens: alice codes we will not, bob also sign.: p_o 7/8, p_e 1/2 → 0.75 over 8 tokens
  expect(figure("cohen_kappa", "QUOTE")).toMatchObject({ value: 0.75, units: 8 });
  // the CLAIMs match and both name Mara Kessler; no QUOTE matches exactly
  expect(figure("speaker_agreement", "CLAIM")).toMatchObject({ value: 1, units: 1 });
  expect(figure("speaker_agreement", "QUOTE")).toMatchObject({ value: null, units: 0 });
  expect(figure("alpha_u", null)).toMatchObject({ annotators: [ALICE, BOB], units: [...text].length });

  await page.goto(`/projects/${PROJECT}`);
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Agreement" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${PROJECT}/agreement$`));
  await expect(page.getByRole("heading", { name: "Agreement between analysts" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Whole project, by measure and label" })).toBeVisible();
  const pairs = page.getByRole("table", { name: /^Pairs of analysts/ });
  await expect(pairs.getByRole("rowheader", { name: new RegExp(`${ALICE}.*${BOB}`) })).toBeVisible();

  const articles = page.getByRole("table", { name: "Articles by disagreement, most first" });
  const row = articles.getByRole("row").filter({ has: page.getByRole("link", { name: title }) });
  // disagreement 1 − mean(QUOTE 0, CLAIM 1, ACTOR 1); exact F1: QUOTE, CLAIM, ACTOR, all labels
  await expect(row.getByRole("cell").nth(1)).toHaveText("0.333");
  await expect(row.getByRole("cell").nth(2)).toHaveText("0.000 2 spans");
  await expect(row.getByRole("cell").nth(3)).toHaveText("1.000 2 spans");
  await expect(row.getByRole("cell").nth(5)).toHaveText("0.667 6 spans");
  await expect(row.getByRole("cell").nth(0)).toContainText(ALICE);
  await expect(row.getByRole("cell").nth(0)).toContainText(BOB);
  await expect(page.getByRole("link", { name: "Download JSON" })).toHaveAttribute("href", `/api/v1/projects/${PROJECT}/agreement`);
  await expect(page.getByText("Krippendorff's α-u", { exact: false }).first()).toBeVisible();
  await expectAccessible(page);

  await row.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${PROJECT}/articles/${id}$`));

  // a project the reviewer cannot see is not found
  expect((await page.goto(`/projects/no-such-${id}/agreement`))?.status()).toBe(404);
  expect((await page.request.get(`/api/v1/projects/no-such-${id}/agreement`)).status()).toBe(404);
});

test("analysts get 403 from the agreement page and API, and no Agreement link", async ({ page }) => {
  await signIn(page, ACCOUNTS.analyst);
  await page.goto(`/projects/${PROJECT}`);
  await expect(page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Articles" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Agreement" })).toHaveCount(0);
  const refused = await page.goto(`/projects/${PROJECT}/agreement`);
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  const api = await page.request.get(`/api/v1/projects/${PROJECT}/agreement`);
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe("forbidden");
});
