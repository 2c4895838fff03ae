import { randomUUID } from "node:crypto";
import { expect, test, type APIResponse } from "@playwright/test";
import { createTokenInUi, sendUnfinished } from "./api-support";
import { ACCOUNTS, DEMO_PASSWORD, expectAccessible, signIn } from "./support";

const PROJECT = "/api/v1/projects/velmora-strike";
// Demo assignments: harbour-gazette → alice, bob; the-ledger → chen, alice
const GAZETTE = `${PROJECT}/articles/velmora-strike-harbour-gazette-2026-03-02`;
const LEDGER = `${PROJECT}/articles/velmora-strike-the-ledger-2026-03-03`;
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test("an analyst's token carries the analyst's limits: no suggestions, no other layers, no agreement", async ({ page, playwright, baseURL }) => {
  await signIn(page, ACCOUNTS.analyst);
  const token = await createTokenInUi(page, `limits-${unique()}`);
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const change = { changes: [{ id: randomUUID(), op: "create", span: { start: 0, end: 4, label: "ACTOR", text: "Dock" } }] };

  const suggest = await api.post(`${GAZETTE}/layers/suggestions/changes`, { data: change });
  expect(suggest.status()).toBe(403);
  expect((await suggest.json()).error).toMatchObject({ code: "forbidden" });
  expect((await api.get(`${GAZETTE}/layers/bob@sourcemark.test`)).status()).toBe(403);
  expect((await api.post(`${GAZETTE}/layers/bob@sourcemark.test/changes`, { data: change })).status()).toBe(403);
  expect((await api.get(`${GAZETTE}/layers/gold`)).status()).toBe(403);
  expect((await api.get(`${PROJECT}/agreement`)).status()).toBe(403);
  expect((await api.get(`${PROJECT}/export?format=jsonl&layer=all`)).status()).toBe(403);
  // what an analyst may do, the token may do
  expect((await api.get(`${GAZETTE}/layers/me`)).status()).toBe(200);
  expect((await api.get(`${GAZETTE}/layers/suggestions`)).status()).toBe(200);
  // an article not assigned to her does not exist for her
  expect((await api.get(`${PROJECT}/articles/velmora-strike-coastal-times-2026-03-02`)).status()).toBe(404);
  await api.dispose();
});

test("a replayed change UUID writes once and answers the first answer", async ({ page, playwright, baseURL }) => {
  await signIn(page, ACCOUNTS.reviewer);
  const token = await createTokenInUi(page, `replay-${unique()}`);
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const text: string = (await (await api.get(LEDGER)).json()).text;
  // offsets are code points: count them up to the name, whatever precedes it
  const start = [...text.slice(0, text.indexOf("Wang Xiaoming"))].length;
  const body = { changes: [{ id: randomUUID(), op: "create", span: { start, end: start + 13, label: "ACTOR", text: "Wang Xiaoming" } }] };

  const first = await api.post(`${LEDGER}/layers/suggestions/changes`, { data: body });
  expect(first.status()).toBe(200);
  const firstAnswer = await first.json();
  expect(firstAnswer.results[0]).toMatchObject({ ok: true, span: { start, end: start + 13, version: 1 } });
  // the reply was "lost": the client sends the same batch again, then once more concurrently
  const replays = await Promise.all([1, 2, 3].map(() => api.post(`${LEDGER}/layers/suggestions/changes`, { data: body })));
  for (const replay of replays) {
    expect(replay.status()).toBe(200);
    expect(await replay.json()).toEqual(firstAnswer);
  }
  const layer = await (await api.get(`${LEDGER}/layers/suggestions`)).json();
  expect(layer.spans.filter((s: { start: number; label: string }) => s.start === start && s.label === "ACTOR")).toHaveLength(1);

  // clean up: delete it (and that delete, replayed, is also applied once)
  const span = firstAnswer.results[0].span;
  const remove = { changes: [{ id: randomUUID(), op: "delete", span: { id: span.id, version: span.version } }] };
  const removed = await (await api.post(`${LEDGER}/layers/suggestions/changes`, { data: remove })).json();
  expect(await (await api.post(`${LEDGER}/layers/suggestions/changes`, { data: remove })).json()).toEqual(removed);
  await api.dispose();
});

test("bodies over the limit get 413 before they are read whole", async ({ page, baseURL }) => {
  await signIn(page, ACCOUNTS.admin);
  const token = await createTokenInUi(page, `big-${unique()}`);
  const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const url = `${baseURL}${GAZETTE}/layers/me/changes`;

  // declared too large: refused on the Content-Length, after a few bytes of the body
  const declared = await sendUnfinished(url, { method: "POST", headers: auth, contentLength: 3 * 1024 * 1024, chunks: [Buffer.from('{"changes": [')] });
  expect(declared.status).toBe(413);
  expect(JSON.parse(declared.body).error).toMatchObject({ code: "too_large" });

  // chunked, no length: refused once the streamed bytes pass 2 MiB, while the body never ends
  const chunk = Buffer.alloc(256 * 1024, 0x20);
  const streamed = await sendUnfinished(url, { method: "POST", headers: auth, chunks: Array.from({ length: 40 }, () => chunk) });
  expect(streamed.status).toBe(413);
  expect(JSON.parse(streamed.body).error.code).toBe("too_large");
  expect(streamed.sentBytes).toBeLessThan(40 * chunk.length);

  // an import declared larger than the limit is refused before anything is read
  const importUrl = `${baseURL}${PROJECT}/articles?filename=huge.jsonl`;
  const huge = await sendUnfinished(importUrl, { method: "POST", headers: { authorization: `Bearer ${token}` }, contentLength: 600 * 1024 * 1024, chunks: [Buffer.from("{}\n")] });
  expect(huge.status).toBe(413);
  expect(JSON.parse(huge.body).error.code).toBe("too_large");
});

test("a disabled user's token stops at once; a garbage or missing token is 401", async ({ page, browser, playwright, baseURL }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/users");
  const email = `script-${unique()}@sourcemark.test`;
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog", { name: "New user" });
  await dialog.getByLabel("Name").fill("Script User");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption("reviewer");
  await dialog.getByLabel("Initial password").fill(DEMO_PASSWORD);
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toBeHidden();

  const context = await browser.newContext();
  const userPage = await context.newPage();
  await signIn(userPage, email);
  const token = await createTokenInUi(userPage, "nightly");
  await context.close();

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  expect((await api.get("/api/v1/projects")).status()).toBe(200);

  await page.getByRole("button", { name: `Disable ${email}` }).click();
  await page.getByRole("alertdialog").or(page.getByRole("dialog")).getByRole("button", { name: "Disable" }).click();
  await expect(page.getByRole("button", { name: `Enable ${email}` })).toBeVisible();
  const refused = await api.get("/api/v1/projects");
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("unauthenticated");

  // enabling the user again brings the (unrevoked, unexpired) token back
  await page.getByRole("button", { name: `Enable ${email}` }).click();
  await page.getByRole("dialog", { name: "Enable Script User?" }).getByRole("button", { name: "Enable" }).click();
  await expect(page.getByRole("button", { name: `Disable ${email}` })).toBeVisible();
  expect((await api.get("/api/v1/projects")).status()).toBe(200);

  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/v1/projects")).status()).toBe(401);
  const malformed = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: "Basic abc" } });
  expect((await malformed.get("/api/v1/projects")).status()).toBe(401);
  await Promise.all([api.dispose(), anonymous.dispose(), malformed.dispose()]);
});

test("a token that sends too many requests gets 429 with Retry-After; other tokens go on", async ({ page, playwright, baseURL }) => {
  test.setTimeout(180_000);
  await signIn(page, ACCOUNTS.reviewer);
  const busy = await createTokenInUi(page, `busy-${unique()}`);
  const calm = await createTokenInUi(page, `calm-${unique()}`);
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${busy}` } });
  // the default limit is 600 a minute; a window boundary in the middle restarts the count, so allow two windows
  let limited: APIResponse | null = null;
  let sent = 0;
  while (!limited && sent < 1_300) {
    const answers = await Promise.all(Array.from({ length: 20 }, () => api.get("/api/v1/projects")));
    sent += answers.length;
    limited = answers.find((answer: APIResponse) => answer.status() === 429) ?? null;
    for (const answer of answers) expect([200, 429]).toContain(answer.status());
  }
  expect(limited, `no 429 after ${sent} requests`).not.toBeNull();
  expect(sent).toBeGreaterThan(600);
  const retryAfter = Number(limited!.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect((await limited!.json()).error).toMatchObject({ code: "rate_limited" });

  const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${calm}` } });
  expect((await other.get("/api/v1/projects")).status()).toBe(200);
  // the reviewer's own session in the browser is counted apart from their tokens
  expect((await page.request.get("/api/v1/projects")).status()).toBe(200);
  await Promise.all([api.dispose(), other.dispose()]);
});

test("the OpenAPI document is public and /api/docs renders it accessibly", async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/projects/{slug}/articles/{id}/layers/{layer}/changes");
  await anonymous.dispose();

  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { level: 1, name: "Sourcemark HTTP API" })).toBeVisible();
  const changes = page.getByRole("region", { name: /post \/api\/v1\/projects\/\{slug\}\/articles\/\{id\}\/layers\/\{layer\}\/changes/i });
  await expect(changes.getByRole("table", { name: "Parameters" })).toContainText("layer");
  await changes.getByText(/^Body schema \(application\/json\)/).click();
  await expect(changes.getByLabel(/^Body schema \(application\/json\)/)).toContainText('"changes"');
  await expect(changes.getByLabel(/curl example/)).toContainText("Authorization: Bearer $TOKEN");
  await page.getByRole("navigation", { name: "Operations" }).getByRole("link", { name: /get \/projects\/\{slug\}\/agreement/i }).click();
  await expect(page).toHaveURL(/#getAgreement$/);
  await expectAccessible(page);
});
