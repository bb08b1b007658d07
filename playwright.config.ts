import { defineConfig } from "@playwright/test";
import { E2E_ADMIN } from "./e2e/e2e-admin";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const CI = Boolean(process.env.CI);
const BASE = `http://127.0.0.1:${PORT}`;
const AUTH_STATE = "test-results/.auth/admin.json";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: CI ? [["list"]] : [["list"]],
  use: {
    baseURL: BASE,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "security", testMatch: /security\/.*\.spec\.ts/, use: { extraHTTPHeaders: { origin: BASE } }, dependencies: ["setup"] },
    { name: "api", testMatch: /api\/.*\.spec\.ts/, use: { storageState: AUTH_STATE, extraHTTPHeaders: { origin: BASE } }, dependencies: ["setup"] },
    { name: "journeys", testMatch: /journeys\/.*\.spec\.ts/, use: { storageState: AUTH_STATE }, dependencies: ["setup"] },
  ],
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !CI,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT), ADMIN_EMAIL: E2E_ADMIN.email, ADMIN_PASSWORD: E2E_ADMIN.password, BETTER_AUTH_URL: BASE },
  },
});
