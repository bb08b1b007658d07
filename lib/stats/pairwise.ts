/**
 * Pairwise comparisons of segments (oracle.R "pairwise"): for every pair a < b in column order,
 * - weighted: difference of domain estimates with se = √(se_a² + se_b²), z test, and R's
 *   `svyttest(y ~ in_a, two-segment domain)` — a gaussian svyglm whose coefficient t equals the z
 *   above with df = n_a + n_b − 2;
 * - unweighted: pooled two-proportion z test (= prop.test without correction), or for means the
 *   Welch and Student t tests (`t.test`).
 */
import type { MeanPair, ProportionPair } from "@/lib/schema/crosstab-result";
import { domainSe } from "./domain-se";
import { unweightedMoments, weightedMean } from "./estimators";
import { finite, twoSidedP } from "./numbers";
import type { DomainSums } from "./sums";

type WeightedPair = NonNullable<ProportionPair["weighted"]>;
type TTest = { t: number | null; df: number | null; p_value: number | null };

function weightedPair(a: DomainSums, b: DomainSums, nAnalytic: number, proportion: boolean): WeightedPair {
  const ma = weightedMean(a);
  const mb = weightedMean(b);
  const diff = ma - mb;
  const se = Math.sqrt(domainSe(a, ma, nAnalytic) ** 2 + domainSe(b, mb, nAnalytic) ** 2);
  const z = diff / se;
  const df = a.n + b.n - 2;
  const out: WeightedPair = {
    diff: finite(diff),
    se: finite(se),
    z: finite(z),
    p_value_z: twoSidedP(z),
    svyttest: { diff: finite(diff), t: finite(z), df: df > 0 ? df : null, p_value: twoSidedP(z, df) },
  };
  if (proportion) {
    const neA = (a.sw * a.sw) / a.sw2;
    const neB = (b.sw * b.sw) / b.sw2;
    const pooled = (a.swy + b.swy) / (a.sw + b.sw);
    const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / neA + 1 / neB));
    const seUnpooled = Math.sqrt((ma * (1 - ma)) / neA + (mb * (1 - mb)) / neB);
    out.kish_pooled = { pooled_p: finite(pooled), se: finite(sePooled), z: finite(diff / sePooled), p_value: twoSidedP(diff / sePooled) };
    out.kish_unpooled = { se: finite(seUnpooled), z: finite(diff / seUnpooled), p_value: twoSidedP(diff / seUnpooled) };
  }
  return out;
}

function emptyPair(a: string, b: string, na: number, nb: number) {
  return { a, b, n_a: na, n_b: nb, note: "empty segment", unweighted: null, weighted: null };
}

/**
 * One proportion pair a vs b (differences are a − b).
 * @example proportionPair("A", "B", sumsA, sumsB, 51)
 */
export function proportionPair(a: string, b: string, da: DomainSums, db: DomainSums, nAnalytic: number): ProportionPair {
  if (da.n === 0 || db.n === 0) return emptyPair(a, b, da.n, db.n);
  const pa = da.sy / da.n;
  const pb = db.sy / db.n;
  const pooled = (da.sy + db.sy) / (da.n + db.n);
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / da.n + 1 / db.n));
  const seUnpooled = Math.sqrt((pa * (1 - pa)) / da.n + (pb * (1 - pb)) / db.n);
  const zPooled = (pa - pb) / sePooled;
  const zUnpooled = (pa - pb) / seUnpooled;
  return {
    a,
    b,
    n_a: da.n,
    n_b: db.n,
    unweighted: {
      diff: finite(pa - pb),
      pooled_p: finite(pooled),
      se_pooled: finite(sePooled),
      z_pooled: finite(zPooled),
      p_value_pooled: twoSidedP(zPooled),
      se_unpooled: finite(seUnpooled),
      z_unpooled: finite(zUnpooled),
      p_value_unpooled: twoSidedP(zUnpooled),
      prop_test_p_value: twoSidedP(zPooled),
    },
    weighted: weightedPair(da, db, nAnalytic, true),
  };
}

/** R's t.test refuses "essentially constant" data: stderr < 10·eps·max(|mean_a|, |mean_b|). */
function tTest(diff: number, stderr: number, df: number, ma: number, mb: number): TTest | null {
  if (!(stderr >= 10 * Number.EPSILON * Math.max(Math.abs(ma), Math.abs(mb)))) return null;
  const t = diff / stderr;
  return { t: finite(t), df: finite(df), p_value: twoSidedP(t, df) };
}

/**
 * One mean pair a vs b (differences are a − b).
 * @example meanPair("A", "B", sumsA, sumsB, 362)
 */
export function meanPair(a: string, b: string, da: DomainSums, db: DomainSums, nAnalytic: number): MeanPair {
  if (da.n === 0 || db.n === 0) return emptyPair(a, b, da.n, db.n);
  const ua = unweightedMoments(da);
  const ub = unweightedMoments(db);
  const diff = ua.mean - ub.mean;
  const va = ua.sd * ua.sd;
  const vb = ub.sd * ub.sd;
  const na = da.n;
  const nb = db.n;
  let welch: TTest | null = null;
  let seUnpooled = NaN;
  if (na > 1 && nb > 1) {
    const sa2 = va / na;
    const sb2 = vb / nb;
    seUnpooled = Math.sqrt(sa2 + sb2);
    const df = (sa2 + sb2) ** 2 / ((sa2 * sa2) / (na - 1) + (sb2 * sb2) / (nb - 1));
    welch = tTest(diff, seUnpooled, df, ua.mean, ub.mean);
  }
  let student: TTest | null = null;
  if (na + nb > 2 && (na > 1 || nb > 1)) {
    const df = na + nb - 2;
    const pooledVar = ((na > 1 ? (na - 1) * va : 0) + (nb > 1 ? (nb - 1) * vb : 0)) / df;
    student = tTest(diff, Math.sqrt(pooledVar * (1 / na + 1 / nb)), df, ua.mean, ub.mean);
  }
  const zUnpooled = diff / seUnpooled;
  return {
    a,
    b,
    n_a: na,
    n_b: nb,
    unweighted: {
      diff: finite(diff),
      se_unpooled: finite(seUnpooled),
      z_unpooled: finite(zUnpooled),
      p_value_z: twoSidedP(zUnpooled),
      welch,
      student,
    },
    weighted: weightedPair(da, db, nAnalytic, false),
  };
}
