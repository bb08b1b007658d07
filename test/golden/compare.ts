/**
 * TypeScript port of test/fixtures/golden/compare.py: compares a crosstab result with an oracle
 * expected JSON on the required fields, with the same tolerances (tolerances.json) and the same
 * "p-values on the same side of 0.05 and 0.01" rule.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };
const MISSING = Symbol("missing");
type Got = Json | typeof MISSING;

function tol(path: string): [number, number] {
  const last = path.split(".").at(-1) ?? "";
  if (["n", "count", "n_a", "n_b"].includes(last) || path.startsWith("rows.") || path.endsWith("unweighted.df")) return [0, 0];
  if (["weighted_n", "weighted_count", "n_eff_kish", "deff_kish"].includes(last)) return [0, 1e-9];
  if (["p", "diff", "mean"].includes(last)) return [1e-9, 1e-9];
  if (last === "sd" || last === "se" || last.startsWith("se_")) return [1e-12, 1e-6];
  if (last.includes("p_value")) return [1e-10, 1e-4];
  if (path.includes(".ci.")) return path.includes("logit") ? [1e-6, 0] : [1e-7, 0];
  return [1e-9, 1e-6];
}

function isObject(x: unknown): x is { [k: string]: Json } {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Value at a dotted path, or MISSING (compare.py's KeyError). */
export function getPath(obj: unknown, path: string): Got {
  let cur: unknown = obj;
  for (const k of path.split(".")) {
    if (isObject(cur) && k in cur) cur = cur[k];
    else return MISSING;
  }
  return cur as Json;
}

function close(e: Got, a: Got, path: string): boolean {
  if (e === null) return a === null || a === MISSING;
  if (a === null || a === MISSING) return false;
  if (Array.isArray(e)) {
    return Array.isArray(a) && a.length === e.length && e.every((x, i) => close(x, a[i], path));
  }
  if (typeof e === "string") return e === a;
  if (typeof a !== "number" || typeof e !== "number") return false;
  const [ab, rel] = tol(path);
  if (!Number.isFinite(a)) return false;
  const ok = Math.abs(a - e) <= Math.max(ab, rel * Math.abs(e));
  if (ok && path.includes("p_value")) {
    for (const cut of [0.05, 0.01]) {
      if (Math.abs(e - cut) > 1e-6 && e < cut !== a < cut) return false;
    }
  }
  return ok;
}

function blockFields(stat: string): string[] {
  const f = ["n", "weighted_n", "n_eff_kish", "deff_kish"];
  if (stat === "proportion") {
    f.push("count", "weighted_count", "unweighted.p", "unweighted.se", "unweighted.ci.wald", "unweighted.ci.wilson",
      "unweighted.ci.clopper_pearson", "weighted.p", "weighted.se", "weighted.df", "weighted.ci.wald",
      "weighted.ci.wilson_kish", "weighted.ci.svyciprop_logit", "weighted.ci.svyciprop_beta");
  } else {
    f.push("unweighted.mean", "unweighted.sd", "unweighted.se", "unweighted.ci.t", "weighted.mean", "weighted.se", "weighted.ci.t");
  }
  return f;
}

function pairFields(stat: string): string[] {
  const f = ["n_a", "n_b", "weighted.diff", "weighted.se", "weighted.z", "weighted.p_value_z",
    "weighted.svyttest.t", "weighted.svyttest.df", "weighted.svyttest.p_value"];
  if (stat === "proportion") f.push("unweighted.diff", "unweighted.z_pooled", "unweighted.p_value_pooled");
  else f.push("unweighted.diff", "unweighted.welch.t", "unweighted.welch.df", "unweighted.welch.p_value");
  return f;
}

const SIGNED = new Set(["diff", "z", "t"]);
const show = (v: Got): string => JSON.stringify(v === MISSING ? null : v);

/** Result of a comparison: number of checked fields and the mismatch descriptions. */
export interface Comparison {
  checked: number;
  bad: string[];
}

/**
 * Compare an app result with an oracle expected JSON (both as plain JSON values).
 * @example compareCrosstab(expected, JSON.parse(JSON.stringify(result))).bad // []
 */
export function compareCrosstab(exp: JsonObject, act: unknown): Comparison {
  const bad: string[] = [];
  let checked = 0;
  const check = (path: string, e: Got, a: Got) => {
    checked++;
    if (!close(e, a, path)) bad.push(`${path}: expected ${show(e)} got ${show(a)}`);
  };
  const stat = typeof exp.statistic === "string" ? exp.statistic : "proportion";
  for (const k of ["csv", "after_filters", "excluded_missing_outcome", "excluded_missing_segment", "excluded_invalid_weight", "analytic"]) {
    check(`rows.${k}`, getPath(exp, `rows.${k}`), getPath(act, `rows.${k}`));
  }
  const sortCp = (xs: Got): Json[] => (Array.isArray(xs) ? [...xs].sort((x, y) => (String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0)) : []);
  check("segment_levels", sortCp(getPath(exp, "segment_levels")), sortCp(getPath(act, "segment_levels")));
  const actTotal = getPath(act, "total");
  for (const f of blockFields(stat)) check(`total.${f}`, getPath(exp.total, f), getPath(actTotal === MISSING ? {} : actTotal, f));

  const actSegs = new Map<Json, unknown>();
  const segs = getPath(act, "segments");
  if (Array.isArray(segs)) for (const s of segs) if (isObject(s)) actSegs.set(s.segment ?? null, s);
  for (const s of (exp.segments as { [k: string]: Json }[]) ?? []) {
    const a = actSegs.get(s.segment) ?? {};
    for (const f of blockFields(stat)) {
      const ev = getPath(s, f);
      if (ev === MISSING) continue;
      check(`segments[${String(s.segment)}].${f}`, ev, getPath(a, f));
    }
  }

  const actPairs = new Map<string, [unknown, number]>();
  const pairs = getPath(act, "pairwise");
  if (Array.isArray(pairs)) {
    for (const p of pairs) {
      if (!isObject(p)) continue;
      actPairs.set(JSON.stringify([p.a ?? null, p.b ?? null]), [p, 1]);
      actPairs.set(JSON.stringify([p.b ?? null, p.a ?? null]), [p, -1]);
    }
  }
  for (const p of (exp.pairwise as { [k: string]: Json }[]) ?? []) {
    const [a, sign] = actPairs.get(JSON.stringify([p.a, p.b])) ?? [{}, 1];
    for (const f of pairFields(stat)) {
      const ev = getPath(p, f);
      if (ev === MISSING) continue;
      let av = getPath(a, f);
      if (sign === -1 && SIGNED.has(f.split(".").at(-1) ?? "") && typeof av === "number") av = -av;
      check(`pairwise[${String(p.a)}|${String(p.b)}].${f}`, ev, av);
    }
  }

  const expChisq = exp.chisq;
  if (stat === "proportion" && isObject(expChisq)) {
    for (const t of ["full", "binary"]) {
      for (const f of ["unweighted.x2", "unweighted.df", "unweighted.p_value", "weighted.rao_scott_f.F",
        "weighted.rao_scott_f.ndf", "weighted.rao_scott_f.ddf", "weighted.rao_scott_f.p_value"]) {
        let ev = getPath(expChisq[t] ?? {}, f);
        if (ev === MISSING) ev = null;
        const at = getPath(act, `chisq.${t}`);
        check(`chisq.${t}.${f}`, ev, getPath(at === MISSING ? {} : at, f));
      }
    }
  }
  return { checked, bad };
}
