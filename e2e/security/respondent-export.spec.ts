import { createRequire } from "node:module";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { request as playwrightRequest } from "@playwright/test";
import { EXPORT_CONTENT_TYPES } from "@/lib/export";
import { readParquetBack } from "@/lib/store/duckdb/parquet.fixtures";
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

  // the same request in every other format: the same rows under the same suppression, only the writer differs
  const request = { columns: ["country", "rolled_back"], filters: { agent_status: ["Live in production"] } };
  const governance = (r: typeof ok) => ["x-rows-truncated", "x-k-anonymity-k", "x-suppressed-cells", "x-quasi-identifiers"].map((h) => r.headers()[h]);
  const countryCounts = (cells: unknown[]) => {
    const m = new Map<string, number>();
    for (const c of cells) m.set(String(c), (m.get(String(c)) ?? 0) + 1);
    return m;
  };
  const { SavBufferReader } = createRequire(import.meta.url)("sav-reader") as {
    SavBufferReader: new (b: Buffer) => { open(): Promise<void>; meta: { header: { n_cases: number } }; readAllRows(): Promise<Record<string, unknown>[]> };
  };
  for (const format of ["sav", "xlsx", "parquet"] as const) {
    const res = await researcher.post(`${url}?format=${format}`, { data: request });
    expect(res.status(), format).toBe(200);
    expect(res.headers()["content-type"]).toBe(EXPORT_CONTENT_TYPES[format]);
    expect(res.headers()["content-disposition"]).toContain(`.${format}"`);
    expect(governance(res), format).toEqual(governance(ok));
    const bytes = await res.body();
    let countries: unknown[];
    if (format === "sav") {
      const sav = new SavBufferReader(bytes);
      await sav.open();
      countries = (await sav.readAllRows()).map((r) => String(r.country ?? "").trimEnd());
    } else if (format === "xlsx") {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet("Respondents")!;
      expect(sheet.getRow(1).values).toEqual([undefined, "country", "rolled_back"]);
      countries = [];
      sheet.eachRow({ includeEmpty: true }, (row, n) => void (n > 1 && countries.push(row.getCell(1).value ?? "")));
      const facts: Record<string, unknown> = {};
      wb.getWorksheet("About this export")!.eachRow((row) => (facts[String(row.getCell(1).value)] = row.getCell(2).value));
      expect(facts).toMatchObject({ Dataset: expect.any(String), "Filters applied": "agent_status: Live in production", "k-anonymity k": k, "Cells suppressed": Number(ok.headers()["x-suppressed-cells"]), Rows: 1567, "Truncated at the row cap": "no" });
    } else {
      const back = await readParquetBack(bytes);
      expect(back.columns.map((c) => c.name)).toEqual(["country", "rolled_back"]);
      expect(back.metadata).toMatchObject({ "surveyscope.filters": JSON.stringify(request.filters), "surveyscope.k": String(k), "surveyscope.suppressed_cells": ok.headers()["x-suppressed-cells"], "surveyscope.rows": "1567" });
      // Parquet writes a suppressed value as null, like a missing one
      countries = back.rows.map((r) => r[0] ?? "*");
    }
    expect(countries, format).toHaveLength(1567);
    const want = new Map(counts);
    if (format === "parquet" && want.has("")) {
      want.set("*", (want.get("*") ?? 0) + want.get("")!);
      want.delete("");
    }
    expect(countryCounts(countries), format).toEqual(want);
  }

  const id = await researcher.post(url, { data: { columns: ["country", "respondent_id"] } });
  expect(id.status()).toBe(403);
  expect((await id.json()).error.message).toMatch(/respondent_id: direct identifier/);

  const trail = await (await admin.get("/api/audit?action=export:respondents")).json();
  const record = trail.records.find((r: { actor_email: string; result: string }) => r.actor_email === email && r.result === "ok");
  expect(JSON.parse(record.detail)).toMatchObject({ columns: ["country", "rolled_back"], rows: 1567, filters: { agent_status: ["Live in production"] } });
  const formats = trail.records.filter((r: { actor_email: string; result: string }) => r.actor_email === email && r.result === "ok").map((r: { detail: string }) => JSON.parse(r.detail).format);
  expect(formats.sort()).toEqual(["csv", "parquet", "sav", "xlsx"]);
  await researcher.dispose();
  await admin.dispose();
});

test("respondent exports cannot be steered: no identifier filters, no segment under k, no stable row order, no lock lifted by a schema edit", async ({ baseURL }) => {
  const stamp = Date.now();
  const admin = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await admin.post("/api/auth/sign-in/email", { data: E2E_ADMIN })).ok()).toBeTruthy();
  const email = `researcher-steer-${stamp}@e2e.surveyscope.test`;
  expect((await admin.post("/api/admin/users", { data: { email, password: "researcher-password-01", role: "researcher" } })).status()).toBe(201);
  const token = (await (await admin.post("/api/admin/tokens", { data: { email, role: "researcher" } })).json()).token;
  const researcher = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });

  // a canary dataset: 30 respondents, two of them in Malta, every answer known
  const lines = ["respondent_id,email,country,score,comment"];
  for (let i = 0; i < 30; i++) lines.push(`R${1000 + i},person${i}@canary.test,${i < 2 ? "MT" : "DE"},${i % 3},free text answer number ${i}`);
  const up = await admin.post(`/api/datasets?name=steer-${stamp}&fileName=steer.csv`, { data: Buffer.from(lines.join("\n") + "\n"), headers: { "content-type": "application/octet-stream" } });
  expect(up.status(), await up.text()).toBe(201);
  const id = (await up.json()).id as string;
  const url = `/api/datasets/${id}/respondents/export`;
  const policy = (await (await admin.get(`/api/datasets/${id}/policy`)).json()) as { columns: { id: string; status: string }[] };
  const statusOf = Object.fromEntries(policy.columns.map((c) => [c.id, c.status]));
  expect(statusOf).toMatchObject({ respondent_id: "identifier", email: "identifier", country: "quasi" });

  // 1. filter by e-mail or id: refused, naming the filter, never a value
  for (const filters of [{ email: ["person7@canary.test"] }, { respondent_id: ["R1007"] }]) {
    const res = await researcher.post(url, { data: { columns: ["score"], filters } });
    expect(res.status()).toBe(403);
    const message = (await res.json()).error.message as string;
    expect(message).toMatch(/cannot be filtered on a direct identifier/);
    expect(message).not.toMatch(/canary|R1007/);
  }
  // ... and on free text, whatever its current type
  const text = await researcher.post(url, { data: { columns: ["score"], filters: { comment: ["free text answer number 7"] } } });
  expect([403, 422]).toContain(text.status());

  // 2. filter down to a segment the k-anonymity step would suppress: refused exactly like an empty one
  const small = await researcher.post(url, { data: { columns: ["score"], filters: { country: ["MT"] } } });
  const empty = await researcher.post(url, { data: { columns: ["score"], filters: { country: ["MT"], score: ["2"] } } });
  expect(small.status()).toBe(422);
  expect(empty.status()).toBe(small.status());
  expect((await empty.json()).error.message).toBe((await small.json()).error.message);

  // 3. join two exports by row order: every export has a fresh random order (same rows)
  const parse = async (r: Awaited<ReturnType<typeof researcher.post>>) => Papa.parse<string[]>((await r.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data.slice(1);
  const a = await parse(await researcher.post(url, { data: { columns: ["score", "comment"] } }));
  const b = await parse(await researcher.post(url, { data: { columns: ["score", "comment"] } }));
  expect(a).toHaveLength(30);
  expect(a.map((r) => r.join("|")).sort()).toEqual(b.map((r) => r.join("|")).sort());
  expect(a).not.toEqual(b);
  expect(a.map((r) => r[1])).not.toEqual(Array.from({ length: 30 }, (_, i) => `free text answer number ${i}`));

  // 4. retype an identifier column in the schema: the governed status does not move
  const edit = await admin.put(`/api/datasets/${id}/questions`, { data: { questions: [{ id: "respondent_id", type: "single", label: "Group" }] } });
  expect(edit.status(), await edit.text()).toBe(200);
  const locked = await researcher.post(url, { data: { columns: ["respondent_id"] } });
  expect(locked.status()).toBe(403);
  expect((await locked.json()).error.message).toMatch(/respondent_id: direct identifier/);
  // only an admin changes the governed status (audited); a researcher cannot
  expect((await researcher.put(`/api/datasets/${id}/policy`, { data: { columns: { respondent_id: "none" } } })).status()).toBe(403);
  const set = await admin.put(`/api/datasets/${id}/policy`, { data: { columns: { score: "quasi" } } });
  expect(set.status()).toBe(200);
  expect(((await set.json()) as { columns: { id: string; status: string; source: string }[] }).columns.find((c) => c.id === "score")).toMatchObject({ status: "quasi", source: "admin" });
  const trail = await (await admin.get("/api/audit?action=dataset:column-status")).json();
  expect(trail.records.some((r: { resource_id: string }) => r.resource_id === id)).toBe(true);

  expect((await admin.delete(`/api/datasets/${id}`)).status()).toBe(204);
  await researcher.dispose();
  await admin.dispose();
});
