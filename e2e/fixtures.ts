import fs from "node:fs";
import path from "node:path";
import { test as base, expect, request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";

export const FIXTURES = path.join(process.cwd(), "test", "fixtures");

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

/** Upload a file through the API as a raw body; returns the created dataset JSON. */
export async function uploadFile(request: APIRequestContext, file: string, name: string) {
  const res = await request.post(`/api/datasets?name=${encodeURIComponent(name)}&fileName=${encodeURIComponent(path.basename(file))}`, {
    data: fs.readFileSync(file),
    headers: { "content-type": "application/octet-stream" },
  });
  return res;
}

export const test = base;
export { expect };

/**
 * A new member of the admin's workspace with `role`, reached through an API token: an
 * aggregate-only audience for datasets it did not upload (analyst, viewer), respondent access for
 * researchers and admins (lib/disclosure/audience.ts).
 */
export async function memberWithToken(admin: APIRequestContext, baseURL: string, role: "analyst" | "viewer" | "researcher") {
  const email = `${role}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@e2e.surveyscope.test`;
  const headers = { origin: baseURL };
  const made = await admin.post("/api/admin/users", { data: { email, password: `${role}-password-0123456`, role }, headers });
  expect(made.status(), await made.text()).toBe(201);
  const tok = await admin.post("/api/admin/tokens", { data: { email, role }, headers });
  expect(tok.status(), await tok.text()).toBe(201);
  const token = (await tok.json()).token as string;
  return { email, request: await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } }) };
}

/**
 * Add an analysis filter with the filter control: open it, search the question, tick answers by
 * their labels, Apply (nothing applies before).
 */
export async function addFilter(page: Page, question: string, answers: string[]) {
  await page.getByRole("button", { name: "Add filter" }).click();
  const box = page.getByRole("combobox", { name: "Filter by question" });
  await box.fill(question);
  await page.getByRole("listbox", { name: "Filter by question" }).getByRole("option").filter({ hasText: question }).first().click();
  for (const a of answers) await page.getByTestId("filter-answers").getByRole("checkbox", { name: a, exact: true }).check();
  await page.getByTestId("filter-control").getByRole("button", { name: "Apply" }).click();
}
