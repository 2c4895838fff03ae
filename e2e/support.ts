import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "sourcemark-demo";
export const ACCOUNTS = {
  admin: "admin@sourcemark.test",
  reviewer: "reviewer@sourcemark.test",
  analyst: "alice@sourcemark.test",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByText("You are signed out.")).toBeVisible();
}

/** Fails on any WCAG A/AA violation axe-core finds on the current page. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/**
 * As the admin, imports a copy of a demo article's text (made unique) into the demo project with an
 * empty layer for `analyst`, which assigns it to them: a spec that writes an analyst's layer then
 * owns its article, whatever other specs running at the same time write on the demo articles.
 */
export async function importOwnArticle(browser: Browser, options: { analyst: string; from: string; id: string; title?: string }): Promise<string> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, ACCOUNTS.admin);
  const source = await admin.request.get(`/api/v1/projects/velmora-strike/articles/${options.from}`);
  expect(source.status()).toBe(200);
  const demo = (await source.json()) as { title: string; outlet: string | null; text: string };
  const line = JSON.stringify({
    id: options.id,
    title: options.title ?? `${demo.title} (${options.id})`,
    outlet: demo.outlet,
    text: `${demo.text}\n(Copy ${options.id}.)`,
    annotations: [{ annotator: options.analyst, spans: [], relations: [] }],
  });
  const imported = await admin.request.post(`/api/v1/projects/velmora-strike/articles?filename=${options.id}.jsonl`, {
    headers: { "content-type": "application/x-ndjson" },
    data: `${line}\n`,
  });
  expect(imported.status(), await imported.text()).toBe(200);
  await context.close();
  return options.id;
}
