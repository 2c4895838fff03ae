import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signIn } from "./support";

function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@sourcemark.test`;
}

async function createUser(page: Page, email: string, role: string, password: string) {
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog", { name: "New user" });
  await dialog.getByLabel("Name").fill(`User ${email.split("@")[0]}`);
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption(role);
  await dialog.getByLabel("Initial password").fill(password);
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();
}

test("an admin creates a user, changes the role, resets the password and disables the account", async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expectAccessible(page);

  const email = uniqueEmail("newbie");
  await createUser(page, email, "analyst", "first-password-1");

  // a duplicate email is refused with a clear message
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog", { name: "New user" });
  await dialog.getByLabel("Name").fill("Again");
  await dialog.getByLabel("Email").fill(email.toUpperCase());
  await dialog.getByLabel("Initial password").fill("whatever-password");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByRole("alert")).toContainText("already exists");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await page.getByLabel(`Role of ${email}`).selectOption("reviewer");
  await expect(page.getByRole("row").filter({ hasText: email }).getByRole("status")).toHaveText("Role saved");
  await page.reload();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("reviewer");

  await page.getByRole("button", { name: `Reset password of ${email}` }).click();
  await page.getByLabel("New password").fill("second-password-2");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Password changed.")).toBeVisible();
  await page.getByRole("button", { name: "Close" }).click();

  // the user signs in with the new password, in another browser
  const other = await browser.newContext();
  const userPage = await other.newPage();
  await signIn(userPage, email, "second-password-2");
  await expect(userPage.getByText("Reviewer", { exact: true })).toBeVisible();

  // disabling asks first, then signs the user out at once
  await page.getByRole("button", { name: `Disable ${email}` }).click();
  const confirm = page.getByRole("alertdialog").or(page.getByRole("dialog"));
  await expect(confirm).toContainText("signed out at once");
  await confirm.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByRole("button", { name: `Enable ${email}` })).toBeVisible();

  await userPage.reload();
  await expect(userPage).toHaveURL(/\/signin/);
  await userPage.getByLabel("Email").fill(email);
  await userPage.getByLabel("Password").fill("second-password-2");
  await userPage.getByRole("button", { name: "Sign in" }).click();
  await expect(userPage.locator("form").getByRole("alert")).toHaveText("This account is disabled. Ask an admin to re-enable it.");
  await other.close();
});

test("repeated failed sign-ins for one account are slowed down", async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/users");
  const email = uniqueEmail("target");
  await createUser(page, email, "analyst", "right-password-1");

  const attacker = page.context().browser()!;
  const context = await attacker.newContext();
  const form = await context.newPage();
  await form.goto("/signin");
  await form.getByLabel("Email").fill(email);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await form.getByLabel("Password").fill(`wrong-${attempt}`);
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(form.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
    await expect(form.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  // Each further failure doubles the wait (2 s, 4 s, …): go on until the form says to wait at least
  // 4 s, so that on a slow machine the next try still falls inside the wait.
  let wait = 0;
  for (let attempt = 6; attempt <= 14 && wait < 4; attempt++) {
    await form.getByLabel("Password").fill(`wrong-${attempt}`);
    await form.getByRole("button", { name: "Sign in" }).click();
    const alert = form.locator("form").getByRole("alert");
    await expect(alert).toHaveText(/Email or password is incorrect\.|Too many failed sign-ins\. Try again in \d+ seconds?\./);
    wait = Number((/Try again in (\d+) second/.exec((await alert.textContent()) ?? "") ?? [])[1] ?? 0);
    await expect(form.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  expect(wait, "the wait grows with each failure").toBeGreaterThanOrEqual(4);
  // even the right password now waits
  await form.getByLabel("Password").fill("right-password-1");
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(form.locator("form").getByRole("alert")).toContainText("Too many failed sign-ins. Try again in");
  await context.close();
});
