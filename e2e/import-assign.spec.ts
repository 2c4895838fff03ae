import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signIn } from "./support";

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test("an admin uploads files, sees per-file results, assigns; an analyst opens the article from the queue with one key", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const id = `harbour-${stamp()}`;
  const native = [
    JSON.stringify({ id, title: `Harbour pilots join the strike ${id}`, outlet: "Port Herald", published_at: "2026-03-05", text: `Pilots said “we stand with the dockers 🚢”. ${id}` }),
  ].join("\n");
  const brat = { txt: `Brandt: “We remain at the table” — ${id}`, ann: "T1\tACTOR 0 6\tBrandt\nT2\tQUOTE 9 31\tWe remain at the table\nR1\tattributed_to Arg1:T2 Arg2:T1\n" };

  await signIn(page, ACCOUNTS.admin);
  await page.goto("/projects/velmora-strike");
  await page.getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import articles" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Files to import").setInputFiles([
    { name: `${id}.jsonl`, mimeType: "application/x-ndjson", buffer: Buffer.from(native) },
    { name: `${id}-brat.txt`, mimeType: "text/plain", buffer: Buffer.from(brat.txt) },
    { name: `${id}-brat.ann`, mimeType: "text/plain", buffer: Buffer.from(brat.ann) },
    { name: `broken-${id}.jsonl`, mimeType: "application/x-ndjson", buffer: Buffer.from(`{"id":"ok-${id}","text":"fine ${id}"}\n{"id":"bad","text":"sho`) },
  ]);
  const results = page.getByRole("list", { name: "Import results" });
  const item = (label: string) => results.getByRole("listitem").filter({ has: page.getByText(label, { exact: true }) });
  await expect(item(`${id}.jsonl (JSONL)`)).toContainText("Imported 1");
  await expect(results.getByRole("listitem").filter({ hasText: "(brat)" })).toContainText("Imported 1");
  const broken = item(`broken-${id}.jsonl (JSONL)`);
  await expect(broken).toContainText("Not imported");
  await expect(broken).toContainText("line 2");

  // the same file again: reported as a duplicate, not imported twice
  await page.getByLabel("Files to import").setInputFiles([{ name: `again-${id}.jsonl`, mimeType: "application/x-ndjson", buffer: Buffer.from(native.replace(`"id":"${id}"`, `"id":"${id}-again"`)) }]);
  await expect(item(`again-${id}.jsonl (JSONL)`)).toContainText("1 duplicate skipped");

  await page.goto(`/projects/velmora-strike?q=${encodeURIComponent(id)}`);
  await expect(page.getByRole("link", { name: `Harbour pilots join the strike ${id}` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: `Harbour pilots join the strike ${id}` })).toContainText("Unassigned");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Assign…" }).click();
  const dialog = page.getByRole("dialog", { name: "Assign articles" });
  await dialog.getByLabel("Analysts per article").fill("3");
  await dialog.getByRole("button", { name: "Assign" }).click();
  await expect(dialog.getByRole("status")).toContainText("Created");
  await dialog.getByRole("button", { name: "Close" }).click();
  await page.reload();
  const row = page.getByRole("row").filter({ hasText: `Harbour pilots join the strike ${id}` });
  for (const analyst of ["alice", "bob", "chen"]) await expect(row).toContainText(analyst);

  const analystContext = await browser.newContext();
  const analyst = await analystContext.newPage();
  await signIn(analyst, "chen@sourcemark.test");
  await expect(analyst.getByRole("link", { name: `Harbour pilots join the strike ${id}` })).toBeVisible();
  await analyst.keyboard.press("n");
  await expect(analyst).toHaveURL(/\/projects\/velmora-strike\/articles\//);
  await analystContext.close();
});

test("the import API answers 401 without a session, 403 for an analyst, 400 naming the line for a bad file", async ({ page, request }) => {
  const anonymous = await request.post("/api/v1/projects/velmora-strike/articles?filename=x.jsonl", { data: "{}" });
  expect(anonymous.status()).toBe(401);

  await signIn(page, ACCOUNTS.analyst);
  const refused = await page.request.post("/api/v1/projects/velmora-strike/articles?filename=x.jsonl", { data: `{"id":"x","text":"y"}` });
  expect(refused.status()).toBe(403);

  await page.context().clearCookies();
  await signIn(page, ACCOUNTS.admin);
  const bad = await page.request.post("/api/v1/projects/velmora-strike/articles?filename=bad.jsonl", {
    headers: { "content-type": "application/x-ndjson" },
    data: `{"id":"bad-${stamp()}","text":"short","annotations":[{"annotator":"a@x.org","spans":[{"id":"s","start":0,"end":9,"label":"QUOTE","text":"short"}]}]}\n`,
  });
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(body.error.issues[0]).toMatchObject({ file: "bad.jsonl", line: 1 });
  expect(body.files[0].imported).toBe(0);
});
