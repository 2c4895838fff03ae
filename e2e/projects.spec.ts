import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signIn } from "./support";

const ANALYST = { email: "chen@sourcemark.test", option: "Chen Analyst (chen@sourcemark.test), analyst" };

test("an admin creates a project with an extra label, edits its guidelines and manages its members", async ({ page, browser }) => {
  test.slow(); // one long journey through three pages and two browsers
  const id = Date.now().toString(36);
  const name = `Enquête portuaire ${id}`;
  const slug = `enquete-portuaire-${id}`;

  await signIn(page, ACCOUNTS.admin);
  await page.getByRole("link", { name: "New project" }).click();
  await expect(page.getByRole("heading", { name: "New project" })).toBeVisible();
  await expectAccessible(page);

  const details = page.getByRole("region", { name: "Details" });
  await details.getByLabel("Name").fill(name);
  await expect(details.getByLabel("Slug")).toHaveValue(slug);
  await details.getByLabel("Description").fill("Who speaks for the harbour?");
  await details.getByLabel("Guidelines").fill("Mark **every** quote.");
  await details.getByLabel("Analysts per article").fill("3");

  // the default labels are there; add a fifth colour-blind-safe one from the keyboard
  const labels = page.getByRole("region", { name: "Labels" });
  await expect(labels.getByRole("group", { name: "Label 1: QUOTE" }).getByLabel("Hotkey")).toHaveValue("q");
  await labels.getByRole("button", { name: "Add label" }).press("Enter");
  const extra = labels.getByRole("group", { name: /^Label 4/ });
  await expect(extra.getByLabel("Key", { exact: true })).toBeFocused();
  await expect(extra.getByLabel("Colour")).toHaveValue("#cc79a7");
  await page.keyboard.type("source");
  await expect(extra.getByLabel("Key", { exact: true })).toHaveValue("SOURCE");
  await extra.getByLabel("Name").fill("Source document");
  await extra.getByLabel("Hotkey").fill("o");
  await extra.getByLabel("Description").fill("A report or statement the article cites.");
  await page.getByRole("button", { name: "Create project" }).click();

  await expect(page).toHaveURL(new RegExp(`/projects/${slug}$`));
  await expect(page.getByRole("heading", { name })).toBeVisible();

  // a second project with the same name: the slug field says why it is refused
  await page.goto("/projects/new");
  await details.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(details.getByLabel("Slug")).toHaveAttribute("aria-invalid", "true");
  await expect(details.getByLabel("Slug")).toHaveAccessibleDescription(new RegExp(`Another project already uses the slug "${slug}"`));

  // settings: the labels were kept, the guidelines change and render as headings and lists
  await page.goto(`/projects/${slug}/settings`);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(labels.getByRole("group", { name: "Label 4: SOURCE" }).getByLabel("Name")).toHaveValue("Source document");
  await expect(details.getByLabel("Analysts per article")).toHaveValue("3");
  await expectAccessible(page);
  await details.getByLabel("Guidelines").fill("# Harbour rules\n\n- Tag each **SOURCE** once\n- See [the handbook](https://example.org/handbook)");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Details saved." })).toBeVisible();
  await page.reload();
  await expect(details.getByLabel("Guidelines")).toHaveValue(/# Harbour rules/);
  await page.locator("summary", { hasText: /^Guidelines$/ }).click();
  await expect(page.getByRole("heading", { name: "Harbour rules", level: 2 })).toBeVisible();
  await expect(page.getByRole("link", { name: /the handbook/ })).toHaveAttribute("href", "https://example.org/handbook");

  // add an analyst; they see the project on their queue page
  await page.getByLabel("User to add").selectOption({ label: ANALYST.option });
  await page.getByRole("button", { name: "Add member" }).click();
  const members = page.getByRole("table", { name: `Members of ${name}` });
  await expect(members.getByRole("cell", { name: ANALYST.email, exact: true })).toBeVisible();
  await expect(page.getByLabel("User to add").getByRole("option", { name: ANALYST.option })).toHaveCount(0);

  const analystContext = await browser.newContext();
  const analystPage = await analystContext.newPage();
  await signIn(analystPage, ANALYST.email);
  await expect(analystPage.getByRole("link", { name })).toBeVisible();

  // removing asks first; then the project is gone for the analyst
  await page.getByRole("button", { name: `Remove ${ANALYST.email} from the project` }).click();
  const confirm = page.getByRole("dialog", { name: /Remove Chen Analyst/ });
  await expect(confirm).toContainText("Their annotations and assignments stay");
  await confirm.getByRole("button", { name: "Remove member" }).click();
  await expect(members.getByRole("cell", { name: ANALYST.email, exact: true })).toHaveCount(0);
  await analystPage.reload();
  await expect(analystPage.getByRole("heading", { name: "My queue" })).toBeVisible();
  await expect(analystPage.getByRole("link", { name })).toHaveCount(0);
  expect((await analystPage.goto(`/projects/${slug}`))?.status()).toBe(404);
  await analystContext.close();
});

test("only admins create projects and open project settings", async ({ page }) => {
  await signIn(page, ACCOUNTS.reviewer);
  await expect(page.getByRole("link", { name: "New project" })).toHaveCount(0);
  const create = await page.goto("/projects/new");
  expect(create?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  const settings = await page.goto("/projects/velmora-strike/settings");
  expect(settings?.status()).toBe(403);
});

test("an unknown project's settings are not found", async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  const response = await page.goto("/projects/no-such-project/settings");
  expect(response?.status()).toBe(404);
});
