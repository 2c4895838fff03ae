import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./support";

test("a user creates a token, a script uses it with the user's role, and revoking it stops it at once", async ({ page, playwright, baseURL }) => {
  await signIn(page, "bob@sourcemark.test");
  await page.getByRole("link", { name: "Tokens" }).click();
  await expect(page.getByRole("heading", { name: "Personal access tokens" })).toBeVisible();
  await expectAccessible(page);
  const name = `script-${Date.now().toString(36)}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByLabel("Expires").selectOption("30");
  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog", { name: "Your new token" });
  const token = await dialog.getByLabel("New token").inputValue();
  expect(token).toMatch(/^smk_/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Active");

  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const projects = await script.get("/api/v1/projects");
  expect(projects.status()).toBe(200);
  expect((await projects.json()).projects.map((p: { slug: string }) => p.slug)).toContain("velmora-strike");
  // the token carries the analyst role, never more
  expect((await script.get("/api/v1/projects/velmora-strike/articles/velmora-strike-coastal-times-2026-03-02/layers/gold")).status()).toBe(403);
  const garbage = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: "Bearer smk_nope" } });
  expect((await garbage.get("/api/v1/projects")).status()).toBe(401);

  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: name })).not.toContainText("Never used");
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Revoked");
  expect((await script.get("/api/v1/projects")).status()).toBe(401);
  await script.dispose();
  await garbage.dispose();
});
