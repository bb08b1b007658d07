import Papa from "papaparse";
import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "../fixtures";
import { E2E_ADMIN } from "../e2e-admin";

test("respondent-level export: researchers get allowed columns of the filtered segment, never identifiers; every export is audited", async ({ baseURL }) => {
  const admin = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await admin.post("/api/auth/sign-in/email", { data: E2E_ADMIN })).ok()).toBeTruthy();
  const email = `researcher-export-${Date.now()}@e2e.surveyscope.test`;
  expect((await admin.post("/api/admin/users", { data: { email, password: "researcher-password-01", role: "researcher" } })).status()).toBe(201);
  const token = (await (await admin.post("/api/admin/tokens", { data: { email, role: "researcher" } })).json()).token;
  const researcher = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const url = "/api/datasets/ai-agents-production/respondents/export";

  const ok = await researcher.post(url, { data: { columns: ["country", "rolled_back"], filters: { agent_status: ["Live in production"] } } });
  expect(ok.status(), await ok.text()).toBe(200);
  const rows = Papa.parse<string[]>((await ok.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
  expect(rows[0]).toEqual(["country", "rolled_back"]);
  expect(rows.length - 1).toBe(1567); // the live-in-production segment of the demo
  expect(ok.headers()["x-rows-truncated"]).toBe("false");
  // k-anonymity (C33): country is a default quasi-identifier; every shown country has ≥ k rows
  expect(ok.headers()["x-quasi-identifiers"]).toBe("country");
  const k = Number(ok.headers()["x-k-anonymity-k"]);
  const counts = new Map<string, number>();
  for (const r of rows.slice(1)) counts.set(r[0], (counts.get(r[0]) ?? 0) + 1);
  for (const [country, n] of counts) if (country !== "*") expect(n, country).toBeGreaterThanOrEqual(k);
  expect(Number(ok.headers()["x-suppressed-cells"])).toBe(counts.get("*") ?? 0);

  const id = await researcher.post(url, { data: { columns: ["country", "respondent_id"] } });
  expect(id.status()).toBe(403);
  expect((await id.json()).error.message).toMatch(/respondent_id: direct identifier/);

  const trail = await (await admin.get("/api/audit?action=export:respondents")).json();
  const record = trail.records.find((r: { actor_email: string; result: string }) => r.actor_email === email && r.result === "ok");
  expect(JSON.parse(record.detail)).toMatchObject({ columns: ["country", "rolled_back"], rows: 1567, filters: { agent_status: ["Live in production"] } });
  await researcher.dispose();
  await admin.dispose();
});
