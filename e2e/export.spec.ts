import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { readZip } from "../lib/formats/test-support/corpus";
import { ACCOUNTS, expectAccessible, signIn } from "./support";

const PROJECT = "velmora-strike";
const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Code-point offsets of `needle` in `text` (the API's unit). */
function span(text: string, needle: string, label: string, id: string, actor: string | null = null) {
  const start = Array.from(text.slice(0, text.indexOf(needle))).length;
  return { id, start, end: start + Array.from(needle).length, label, text: needle, actor };
}

/** As the admin, imports a fresh article with a gold layer (the demo project has no gold of its own). */
async function importArticleWithGold(page: Page, id: string) {
  const text = `Harbour master Ilse Brandt said: “The port stays open 🚢.” Report ${id}`;
  const line = JSON.stringify({
    id,
    title: `Harbour master speaks ${id}`,
    outlet: "Port Herald",
    published_at: "2026-03-06",
    text,
    gold: {
      spans: [span(text, "Ilse Brandt", "ACTOR", "g1", "Ilse Brandt"), span(text, "The port stays open 🚢.", "QUOTE", "g2")],
      relations: [{ type: "attributed_to", from: "g2", to: "g1" }],
    },
  });
  const response = await page.request.post(`/api/v1/projects/${PROJECT}/articles?filename=${id}.jsonl`, {
    headers: { "content-type": "application/x-ndjson" },
    data: `${line}\n`,
  });
  expect(response.status(), await response.text()).toBe(200);
  return text;
}

test("a reviewer downloads the gold layer as a brat zip from the export page", async ({ page, browser }) => {
  const id = `export-${stamp()}`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ACCOUNTS.admin);
  const text = await importArticleWithGold(admin, id);
  await adminContext.close();

  await signIn(page, ACCOUNTS.reviewer);
  await page.goto(`/projects/${PROJECT}`);
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Export" }).click();
  await expect(page.getByRole("heading", { name: "Export" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("radio", { name: /brat standoff/ }).check();
  await page.getByRole("combobox", { name: "Layer" }).selectOption({ label: "Gold (reviewed)" });
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${PROJECT}-gold-brat.zip`);
  await expect(page.getByRole("status")).toContainText(`Saved ${PROJECT}-gold-brat.zip`);

  const files = readZip(new Uint8Array(fs.readFileSync(await download.path())));
  expect(files.has("annotation.conf")).toBe(true);
  const names = [...files.keys()];
  expect(names.filter((name) => name.endsWith(".txt")).length).toBeGreaterThan(1);
  expect(names.filter((name) => name.endsWith(".ann")).length).toBe(names.filter((name) => name.endsWith(".txt")).length);
  const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
  expect(decode(files.get(`${id}.txt`))).toBe(text);
  const ann = decode(files.get(`${id}.ann`));
  const quote = span(text, "The port stays open 🚢.", "QUOTE", "");
  expect(ann).toContain(`T2\tQUOTE ${quote.start} ${quote.end}\tThe port stays open 🚢.`);
  expect(ann).toMatch(/R1\tattributed_to Arg1:T2 Arg2:T1/);
  expect(ann).toMatch(/N1\tReference T1 Sourcemark:Ilse%20Brandt\tIlse Brandt/);
  await expectAccessible(page);
});

test("an analyst exports only their own layer: the route refuses gold, all and another analyst's layer", async ({ page }) => {
  await signIn(page, ACCOUNTS.analyst);
  const get = (query: string) => page.request.get(`/api/v1/projects/${PROJECT}/export?${query}`);
  for (const query of ["format=jsonl&layer=gold", "format=brat&layer=all", "format=csv&layer=bob@sourcemark.test", "format=actors-csv"]) {
    const refused = await get(query);
    expect(refused.status(), query).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
  }
  expect((await get("format=xml&layer=me")).status()).toBe(400);
  expect((await page.request.get("/api/v1/projects/no-such-project/export?format=jsonl&layer=me")).status()).toBe(404);

  const own = await get("format=jsonl&layer=me");
  expect(own.status()).toBe(200);
  expect(own.headers()["content-disposition"]).toBe(`attachment; filename="${PROJECT}-${ACCOUNTS.analyst}.jsonl"`);
  const lines = (await own.text()).trimEnd().split("\n").map((line) => JSON.parse(line));
  expect(lines.length).toBeGreaterThan(0);
  for (const article of lines) {
    expect(article.gold).toBeNull();
    expect(article.annotations.every((layer: { annotator: string }) => layer.annotator === ACCOUNTS.analyst)).toBe(true);
  }

  await page.goto(`/projects/${PROJECT}/export`);
  await expect(page.getByText(`My layer (${ACCOUNTS.analyst})`)).toBeVisible();
  await expect(page.getByRole("radio", { name: /Actor register/ })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Layer" })).toHaveCount(0);
  await expectAccessible(page);
});
