import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";

const PROJECT = "velmora-strike";
const PAYLOAD_TITLE = `<img src=x onerror="window.__xss='title'"> Hostile <b>title</b>`;
const PAYLOAD_TEXT = `<script>window.__xss='text'</script> Ports reopen.\n<img src=x onerror="window.__xss='img'"> "A quote" said <i>Ilse</i> & co.`;

function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test("pages and API answers carry the security headers; scripts run only with the request's nonce", async ({ page }) => {
  const violations = cspViolations(page);
  const response = await page.goto("/signin");
  const headers = response!.headers();
  const policy = headers["content-security-policy"];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toContain("'unsafe-inline' 'strict");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");

  // Every script Next.js wrote into the page carries this request's nonce, and a fresh one comes per request.
  const nonce = /'nonce-([^']+)'/.exec(policy)![1];
  const scriptNonces = await page.evaluate(() => [...document.querySelectorAll("script")].map((script) => script.nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  const again = await page.request.get("/signin");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);

  // The app hydrates and works under the policy: signing in is client-side code.
  await signIn(page, ACCOUNTS.reviewer);
  await page.goto(`/projects/${PROJECT}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);

  const missing = await page.goto("/no-such-page");
  expect(missing!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  expect(await page.evaluate(() => [...document.querySelectorAll("script")].every((script) => script.nonce !== ""))).toBe(true);
  expect(violations).toEqual([]);

  const api = await page.request.get("/api/v1/projects");
  expect(api.status()).toBe(200);
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["content-security-policy"]).not.toContain("nonce");
  // The editor's routes, which the server hands to their handlers itself, answer with the same headers.
  const projectPage = await page.request.get(`/api/v1/projects/${PROJECT}/articles`);
  const firstArticle = ((await projectPage.json()) as { articles: { id: string }[] }).articles[0];
  const layer = await page.request.get(`/api/v1/projects/${PROJECT}/articles/${encodeURIComponent(firstArticle.id)}/layers/gold`);
  expect(layer.status()).toBe(200);
  expect(layer.headers()["content-security-policy"]).toBe(api.headers()["content-security-policy"]);
  expect(layer.headers()["x-content-type-options"]).toBe("nosniff");
  expect(layer.headers()["x-frame-options"]).toBe("DENY");
});

test("HTML and script in an article's title and text show as text in the list, the reader and exports", async ({ browser }) => {
  const id = `hostile-${Date.now().toString(36)}`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ACCOUNTS.admin);
  const imported = await admin.request.post(`/api/v1/projects/${PROJECT}/articles?filename=${id}.jsonl`, {
    headers: { "content-type": "application/x-ndjson" },
    data: `${JSON.stringify({ id, title: PAYLOAD_TITLE, outlet: "<b>Outlet</b>", text: PAYLOAD_TEXT })}\n`,
  });
  expect(imported.status(), await imported.text()).toBe(200);

  const violations = cspViolations(admin);
  await admin.goto(`/projects/${PROJECT}?q=Hostile`);
  await expect(admin.getByRole("link", { name: PAYLOAD_TITLE })).toBeVisible();
  await admin.goto(`/projects/${PROJECT}/articles/${id}`);
  await expect(admin.getByRole("heading", { name: PAYLOAD_TITLE })).toBeVisible();
  await expect(admin.locator(".ProseMirror")).toContainText("<script>window.__xss='text'</script> Ports reopen.");
  await expect(admin.locator(".ProseMirror")).toContainText(`<img src=x onerror="window.__xss='img'">`);
  expect(await admin.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null)).toBeNull();
  expect(await admin.locator(".ProseMirror script, .ProseMirror img, h1 img").count()).toBe(0);
  expect(violations).toEqual([]);

  // Exports are downloads, never rendered as pages by the browser.
  for (const format of ["jsonl", "csv", "webanno"]) {
    const exported = await admin.request.get(`/api/v1/projects/${PROJECT}/export?format=${format}&layer=all`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(exported.headers()["x-content-type-options"]).toBe("nosniff");
    expect(exported.headers()["content-type"]).not.toMatch(/text\/html/);
  }
  await adminContext.close();
});
