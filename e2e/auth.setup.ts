import { expect, test as setup } from "@playwright/test";
import { E2E_ADMIN } from "./e2e-admin";

// Sign in once through the real form and keep the session for the other projects.
setup("sign in as the first admin", async ({ page }) => {
  await page.goto("/");
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await expect(page.getByTestId("viewer")).toContainText(E2E_ADMIN.email);
  await page.context().storageState({ path: "test-results/.auth/admin.json" });
});
