import { expect, test } from "../fixtures";

test.use({ storageState: "test-results/.auth/admin.json" });

test("admin page: create a workspace, switch to it (the cookie picks the workspace on navigation), nothing of Default is visible there, switch back", async ({ page }) => {
  const name = `UI workspace ${Date.now()}`;
  await page.goto("/admin");
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { name: "Users and workspaces" })).toBeVisible();
  await expect(page.getByTestId("shares-table")).toContainText("ai-agents-production");

  await page.getByLabel("New workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("status").filter({ hasText: `workspace ${name} created` })).toBeVisible();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.screenshot({ path: "/tmp/shots-gov/admin.png", fullPage: true });

  const switcher = page.getByTestId("workspace-switcher").getByLabel("Workspace");
  await expect(switcher).toBeVisible();
  const switched = page.waitForResponse((r) => r.url().endsWith("/api/me/workspace") && r.ok());
  await switcher.selectOption({ label: `${name} (admin)` });
  await switched;
  await page.goto("/datasets");
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("workspace-switcher").getByLabel("Workspace")).toHaveValue(/^ws_/);
  await expect(page.locator("main")).not.toContainText("AI customer-communications agents");
  expect((await page.request.get("/api/datasets/ai-agents-production")).status()).toBe(404);
  await page.screenshot({ path: "/tmp/shots-gov/switched.png", fullPage: true });

  const back = page.waitForResponse((r) => r.url().endsWith("/api/me/workspace") && r.ok());
  await page.getByTestId("workspace-switcher").getByLabel("Workspace").selectOption("default");
  await back;
  await page.goto("/datasets");
  await expect(page.locator("main")).toContainText("AI customer-communications agents");
  expect((await page.request.get("/api/datasets/ai-agents-production")).status()).toBe(200);
});
