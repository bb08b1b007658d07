/**
 * A canary survey for the differencing tests, and an independent oracle: every number a response
 * shows is mapped (by re-evaluating the spec over the CSV rows here, not through the store or the
 * guard) to the respondents it sums over; `disclosed` then checks exactly whether the released
 * sums determine a group of 1..k−1 respondents (a count under k, or one person's value).
 *
 * The canary (row 0) is the only Legal respondent with 5y+ tenure; every answer of theirs is known.
 */
import type { Viewer } from "@/lib/auth/identity";
import { determinedUnknowns } from "@/lib/disclosure/linear-audit";
import { atomsOf } from "@/lib/disclosure/population-audit";
import { smallUnionDetermined } from "@/lib/disclosure/small-union";
import { populationOf, type Population } from "@/lib/disclosure/population";
import type { ProtectedCrosstab } from "@/lib/disclosure/types";
import type { BannerResult } from "@/lib/schema/banner";
import type { Dataset } from "@/lib/schema/dataset";
import type { SurveyStore } from "@/lib/store";
import { closeFreshDataDir, importCsvDataset, openFreshDataDir } from "../support/in-process.fixtures";

export const K = 5;

export type Col = "dept" | "tenure" | "region" | "sat" | "score" | "w" | "recommend";
export type Row = Record<Col, string | null>;

/** 120 respondents; row 0 is the canary (Legal, 5y+, sat 1, score 1, weight 0, recommend 0). */
export function canaryRows(): Row[] {
  const rows: Row[] = [{ dept: "Legal", tenure: "5y+", region: "North", sat: "1", score: "1", w: "0", recommend: "0" }];
  for (let i = 1; i < 120; i++) {
    const dept = i <= 5 ? "Legal" : i % 3 === 0 ? "Ops" : "Sales";
    const tenure = dept === "Legal" ? "1-5y" : ["<1y", "1-5y", "5y+"][i % 3];
    rows.push({
      dept,
      tenure,
      region: i % 4 === 0 ? "South" : i % 4 === 1 ? "East" : "North",
      sat: i % 8 === 0 ? null : String(2 + (Math.floor(i / 4) % 4)), // 2..5, 5 missing; only the canary answers 1
      score: String(2 + (i % 5)),
      w: String(1 + (i % 3) * 0.5),
      recommend: String(i % 11),
    });
  }
  return rows;
}

export function canaryCsv(rows: Row[]): string {
  const cols: Col[] = ["dept", "tenure", "region", "sat", "score", "w", "recommend"];
  return `resp,${cols.join(",")}\n${rows.map((r, i) => [`r${i}`, ...cols.map((c) => r[c] ?? "")].join(",")).join("\n")}\n`;
}

export interface Canary {
  store: SurveyStore;
  dataset: Dataset;
  rows: Row[];
  /** a fresh aggregate-only viewer (analyst of the owning workspace, not the uploader) */
  viewer: () => Viewer;
  /** a fresh viewer of one aggregate-only audience (every kind the audience model names) */
  viewerOf: (kind: AudienceKind) => Viewer;
  close: () => Promise<void>;
}

let seq = 0;

/**
 * The aggregate-only audiences of the audience model (SECURITY.md): an analyst of the owning
 * workspace who did not upload (API token), an executive (viewer role, browser session), the admin
 * of another workspace the dataset is shared with, and an AI agent credential.
 */
export const AUDIENCE_KINDS = ["analyst", "executive", "shared-admin", "agent"] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];
/** the workspace the canary is shared with */
export const PARTNER_WORKSPACE = "ws-partner";

/** A fresh DATA_DIR store with the canary imported by the admin (call once per test file, before importing services). */
export async function openCanary(): Promise<Canary> {
  const dataDir = openFreshDataDir("diff", "differencing-secret-differencing-0123456");
  const { getStore } = await import("@/lib/store");
  const { DEFAULT_WORKSPACE_ID } = await import("@/lib/schema/workspace");
  const rows = canaryRows();
  const dataset = await importCsvDataset({ id: "canary", name: "Canary survey" }, canaryCsv(rows));
  const store = await getStore();
  const { shareDataset } = await import("@/lib/store");
  await shareDataset(store.app.sql, { datasetId: dataset.id, workspaceId: PARTNER_WORKSPACE });
  const fresh = () => `adversary-${++seq}-${Math.random().toString(36).slice(2)}`;
  const viewerOf = (kind: AudienceKind): Viewer => {
    if (kind === "executive") return { userId: fresh(), email: "e@x.test", workspaceId: DEFAULT_WORKSPACE_ID, role: "viewer", via: "session" };
    if (kind === "shared-admin") return { userId: fresh(), email: "p@x.test", workspaceId: PARTNER_WORKSPACE, role: "admin", via: "token" };
    if (kind === "agent") return { userId: fresh(), email: "agent@x.test", workspaceId: DEFAULT_WORKSPACE_ID, role: "analyst", via: "agent" };
    return { userId: fresh(), email: "a@x.test", workspaceId: DEFAULT_WORKSPACE_ID, role: "analyst", via: "token" };
  };
  return {
    store,
    dataset,
    rows,
    viewer: () => viewerOf("analyst"),
    viewerOf,
    close: () => closeFreshDataDir(dataDir),
  };
}

/** What the adversary knows: the respondents behind each released sum (ordinals). */
export class Knowledge {
  readonly sums: number[][] = [];
  constructor(readonly rows: Row[]) {
    this.sums.push(rows.map((_, i) => i)); // the dataset's size is public
  }
  add(members: number[]): void {
    if (members.length > 0) this.sums.push(members);
  }
  /** Whether the released sums determine a group of 1..k−1 respondents (exact). */
  disclosed(k = K): boolean {
    const u = this.rows.length;
    const pops: Population[] = this.sums.map((s) => populationOf(u, s));
    const { sizes, reps } = atomsOf(u, pops);
    const rows = pops.map((p) => {
      const set = new Set(p.members);
      return reps.map((r) => (set.has(r) ? 1 : 0));
    });
    // independent Gauss–Jordan (rationals) for single atoms; the exact search for unions
    const names = sizes.map((_, a) => `a${a}`);
    const single = determinedUnknowns(rows.map((r) => Object.fromEntries(r.map((x, a) => [names[a], x]).filter(([, x]) => x !== 0))), names);
    if ([...single].some((n) => sizes[Number(n.slice(1))] < k)) return true;
    return smallUnionDetermined(rows, sizes, k, 5_000_000) !== false;
  }
}

export interface Spec {
  outcome: "sat" | "score" | "recommend";
  statistic?: "proportion" | "mean";
  outcome_category?: string[];
  segment: Col;
  filters?: Partial<Record<Col, string[]>>;
  weight?: "w";
  missing_segment?: "drop" | "include_in_total";
}

const num = (v: string | null) => (v === null || v.trim() === "" || !Number.isFinite(Number(v)) ? null : Number(v));

/** Status of each row under a spec (oracle): null = filtered out, else 1 missing outcome, 2 missing segment, 3 invalid weight, 4 analytic. */
export function statusOf(rows: Row[], spec: Spec): (number | null)[] {
  return rows.map((r) => {
    for (const [c, vals] of Object.entries(spec.filters ?? {})) if (r[c as Col] === null || !vals.includes(r[c as Col] as string)) return null;
    const mean = spec.statistic === "mean";
    if (mean ? num(r[spec.outcome]) === null : r[spec.outcome] === null) return 1;
    if ((spec.missing_segment ?? "drop") === "drop" && r[spec.segment] === null) return 2;
    if (spec.weight && !((num(r.w) ?? 0) > 0)) return 3;
    return 4;
  });
}

const idx = (st: (number | null)[], keep: (i: number) => boolean) => st.flatMap((s, i) => (s !== null && keep(i) ? [i] : []));

/** Record everything a protected crosstab shows. */
export function learnCrosstab(know: Knowledge, spec: Spec, shown: ProtectedCrosstab): void {
  const st = statusOf(know.rows, spec);
  const cats = spec.outcome_category ?? [];
  const inCat = (i: number) => cats.includes(know.rows[i][spec.outcome] as string);
  const rows = shown.rows;
  if (rows) {
    if (rows.after_filters !== null) know.add(idx(st, () => true));
    if (rows.excluded_missing_outcome !== null) know.add(idx(st, (i) => st[i] === 1));
    if (rows.excluded_missing_segment !== null) know.add(idx(st, (i) => st[i] === 2));
    if (rows.excluded_invalid_weight !== null) know.add(idx(st, (i) => st[i] === 3));
    if (rows.analytic !== null) know.add(idx(st, (i) => st[i] === 4));
    if (rows.analytic_with_segment !== undefined && rows.analytic_with_segment !== null) know.add(idx(st, (i) => st[i] === 4 && know.rows[i][spec.segment] !== null));
  }
  const block = (b: ProtectedCrosstab["total"], level: string | null) => {
    const inCell = (i: number) => st[i] === 4 && (level === null || know.rows[i][spec.segment] === level);
    if (b.n !== null) know.add(idx(st, inCell));
    if (shown.statistic === "proportion" && "count" in b && (b.count !== null || b.unweighted !== null || b.weighted !== null)) know.add(idx(st, (i) => inCell(i) && inCat(i)));
  };
  block(shown.total, null);
  for (const s of shown.segments) block(s, s.segment);
}

/** Record everything a banner shows (its columns' bases and every shown cell). */
export function learnBanner(know: Knowledge, spec: { outcome: "sat" | "score"; segments: Col[]; filters?: Spec["filters"]; weight?: "w" }, banner: BannerResult): void {
  const statistic = spec.outcome === "score" ? "mean" : "proportion";
  const st = statusOf(know.rows, { outcome: spec.outcome, statistic, segment: spec.segments[0], filters: spec.filters, weight: spec.weight, missing_segment: "include_in_total" });
  const cols = new Map(banner.columns.map((c) => [c.id, c]));
  const inCol = (id: string) => {
    const c = cols.get(id);
    return (i: number) => st[i] === 4 && (c?.segment == null || know.rows[i][c.segment as Col] === c.level);
  };
  for (const c of banner.columns) if (c.n !== null || c.weightedN !== null || c.effectiveN !== null) know.add(idx(st, inCol(c.id)));
  for (const r of banner.rows) {
    for (const cell of r.cells) {
      if (cell.value === null && cell.count === null) continue;
      const inC = inCol(cell.columnId);
      know.add(idx(st, (i) => inC(i) && (r.kind === "mean" || r.codes.includes(know.rows[i][spec.outcome] as string))));
    }
  }
}

interface NpsShown {
  total: { n: number | null };
  segments: { segment: string; n: number | null }[];
  excluded_not_0_10: number | null;
  rows?: ProtectedCrosstab["rows"];
}

/** Record everything an NPS breakdown shows: each block's base and its three classes. */
export function learnNps(know: Knowledge, spec: Spec, nps: NpsShown): void {
  const st = statusOf(know.rows, { ...spec, outcome: "recommend", statistic: "proportion" });
  const score = (i: number) => {
    const v = know.rows[i].recommend;
    return v !== null && /^(10|[0-9])$/.test(v.trim()) ? Number(v) : null;
  };
  if (nps.rows) {
    if (nps.rows.after_filters !== null) know.add(idx(st, () => true));
    if (nps.rows.analytic !== null) know.add(idx(st, (i) => st[i] === 4));
  }
  if (nps.excluded_not_0_10 !== null) know.add(idx(st, (i) => st[i] === 4 && score(i) === null));
  const block = (b: { n: number | null }, level: string | null) => {
    if (b.n === null) return;
    const inB = (i: number) => st[i] === 4 && score(i) !== null && (level === null || know.rows[i][spec.segment] === level);
    know.add(idx(st, inB));
    know.add(idx(st, (i) => inB(i) && (score(i) as number) >= 9));
    know.add(idx(st, (i) => inB(i) && (score(i) as number) <= 6));
  };
  block(nps.total, null);
  for (const s of nps.segments) block(s, s.segment);
}
