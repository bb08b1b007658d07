/**
 * Non-substantive answers in a banner ("Don't know", "Prefer not to say"): out of the base of the
 * options, NETs and means, and shown as their own rows after them, their share of everyone who
 * answered; small ones hidden, and hidden together so their sum cannot give one away.
 */
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { protectCrosstab } from "@/lib/disclosure";
import { bannerResultSchema } from "@/lib/schema/banner";
import type { CrosstabSpecInput } from "@/lib/schema/crosstab-spec";
import type { Dataset } from "@/lib/schema/dataset";
import { openMemoryStore, type SurveyStore } from "@/lib/store";
import { runBanner } from "./banner";
import { runCrosstab } from "./crosstab";
import { importDataset } from "./import-dataset";

const SCALE = ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"];
const K = 5;
let store: SurveyStore;
let ds: Dataset;

/** North: 10 per scale point, 12 "Don't know", 6 "Prefer not to say"; South: 8 per point, 3 "Don't know", 6 "Prefer not to say". */
function csv(): string {
  const lines = ["id,sat,region"];
  let id = 0;
  const add = (answer: string, region: string, times: number) => {
    for (let i = 0; i < times; i++) lines.push(`${++id},${answer},${region}`);
  };
  for (const s of SCALE) add(s, "North", 10);
  add("Don't know", "North", 12);
  add("Prefer not to say", "North", 6);
  for (const s of SCALE) add(s, "South", 8);
  add("Don't know", "South", 3);
  add("Prefer not to say", "South", 6);
  return lines.join("\n") + "\n";
}

beforeAll(async () => {
  store = await openMemoryStore();
  ds = await importDataset(store, { meta: { id: "ns", name: "ns", owner: "t", synthetic: true, fileName: "ns.csv" }, source: Readable.from([Buffer.from(csv())]) });
}, 60_000);
afterAll(() => store?.close());

const exact = async (spec: CrosstabSpecInput) => protectCrosstab(await runCrosstab(store, ds, spec), { k: 3, sensitive: false, role: "viewer" });
const guarded = async (spec: CrosstabSpecInput) => protectCrosstab(await runCrosstab(store, ds, spec), { k: K, sensitive: false, role: "viewer" });

describe("non-substantive answers in a banner", () => {
  test("the import sets them apart (the premise)", () => {
    const q = ds.questions.find((x) => x.id === "sat")!;
    expect(q.type).toBe("ordinal");
    expect(q.options.map((o) => o.label)).toEqual(SCALE);
    expect(q.nonSubstantive?.map((o) => o.label).sort()).toEqual(["Don't know", "Prefer not to say"]);
  });

  test("they are rows of their own after the options and NETs, shares of everyone who answered; the options keep the substantive base", async () => {
    const b = await runBanner(ds, { outcome: "sat", segments: ["region"] }, exact, { k: 3, minBase: 0, exact: true });
    bannerResultSchema.parse(b);
    expect(b.rows.map((r) => r.kind)).toEqual(["option", "option", "option", "option", "option", "net", "net", "nonsubstantive", "nonsubstantive"]);
    const dk = b.rows.find((r) => r.label === "Don't know")!;
    const north = b.columns.findIndex((c) => c.level === "North");
    // the column base is the substantive answers only
    expect(b.columns[north].n).toBe(50);
    expect(b.columns[0].n).toBe(90);
    // options add to 1 without the non-substantive answers; Top 2 = 20 of 50
    const options = b.rows.filter((r) => r.kind === "option");
    expect(options.reduce((s, r) => s + r.cells[north].value!, 0)).toBeCloseTo(1, 12);
    expect(b.rows.find((r) => r.id && r.label.startsWith("Top 2"))!.cells[north].value).toBeCloseTo(20 / 50, 12);
    // Don't know: 12 of the 68 North respondents who answered at all; 15 of 117 in the Total
    expect(dk.cells[north]).toMatchObject({ count: 12 });
    expect(dk.cells[north].value).toBeCloseTo(12 / 68, 12);
    expect(dk.cells[0].value).toBeCloseTo(15 / 117, 12);
    expect(b.notes.join(" ")).toMatch(/not in the base/i);
  });

  test("a small non-substantive cell is hidden, and a second one with it (their sum is known)", async () => {
    const b = await runBanner(ds, { outcome: "sat", segments: ["region"] }, guarded, { k: K, minBase: 0 });
    const south = b.columns.findIndex((c) => c.level === "South");
    const dk = b.rows.find((r) => r.label === "Don't know")!;
    const pns = b.rows.find((r) => r.label === "Prefer not to say")!;
    expect(dk.cells[south].hidden).not.toBeNull(); // 3 < k
    // 6 "Prefer not to say" would be shown alone, but (base with them − base) − 6 = 3: hidden too
    expect(pns.cells[south].hidden).not.toBeNull();
    expect(pns.cells[south].count).toBeNull();
    // the North is untouched
    const north = b.columns.findIndex((c) => c.level === "North");
    expect(pns.cells[north].count).toBe(6);
  });

  test("a crosstab of a non-substantive answer is 0 by default (out of the base) and a share of all answers with missing_outcome", async () => {
    const code = ds.questions.find((x) => x.id === "sat")!.nonSubstantive!.find((o) => o.label === "Don't know")!.code;
    const out = await runCrosstab(store, ds, { outcome: "sat", outcome_category: code, segment: "region" });
    const kept = await runCrosstab(store, ds, { outcome: "sat", outcome_category: code, segment: "region", missing_outcome: "include_nonsubstantive" });
    if (out.statistic !== "proportion" || kept.statistic !== "proportion") throw new Error("proportion expected");
    expect(out.total.n).toBe(90);
    expect(out.total.count).toBe(0);
    expect(kept.total.n).toBe(117);
    expect(kept.total.count).toBe(15);
  });
});
