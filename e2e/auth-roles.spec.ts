import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signIn, signOut } from "./support";

test.describe("signed out", () => {
  test("pages send anonymous users to the sign-in page and the API answers 401", async ({ page, request }) => {
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Fusers/);
    await expect(page.getByRole("heading", { name: /sign in/i })).toBeVisible();
    await expectAccessible(page);

    const api = await request.get("/api/v1/projects");
    expect(api.status()).toBe(401);
    expect((await api.json()).error.code).toBe("unauthenticated");
  });

  test("a wrong password and an unknown user read the same", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(ACCOUNTS.analyst);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");

    await page.getByLabel("Email").fill("nobody@sourcemark.test");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
    await expect(page).toHaveURL(/\/signin/);
  });
});

test("an analyst sees their queue and projects, is refused user management, and signs out", async ({ page, request }) => {
  await signIn(page, ACCOUNTS.analyst);
  await expect(page.getByRole("heading", { name: "My queue" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Velmora port strike" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Velmora port workers walk out/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  await expectAccessible(page);

  const refused = await page.goto("/admin/users");
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();

  const projects = await page.request.get("/api/v1/projects");
  expect(projects.status()).toBe(200);
  expect((await projects.json()).projects.map((p: { slug: string }) => p.slug)).toEqual(["velmora-strike"]);

  await page.goto("/");
  await signOut(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  void request;
});

test("a reviewer sees the project's articles but not user management", async ({ page }) => {
  await signIn(page, ACCOUNTS.reviewer);
  await page.getByRole("link", { name: "Velmora port strike" }).click();
  await expect(page.getByRole("heading", { name: "Velmora port strike" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Coastal Times" })).toBeVisible();
  await expectAccessible(page);
  const refused = await page.goto("/admin/users");
  expect(refused?.status()).toBe(403);
});

test("a project the user is not a member of does not exist for them", async ({ page }) => {
  await signIn(page, ACCOUNTS.analyst);
  const response = await page.goto("/projects/no-such-project");
  expect(response?.status()).toBe(404);
});
