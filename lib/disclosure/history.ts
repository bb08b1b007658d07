/**
 * `ReleaseHistory`: the predicate-keyed differencing check (one dataset version and analysis,
 * compared by filter predicates), kept for the pure tests of `protectCrosstab`'s `context`. The
 * app judges differencing on populations instead (`population-audit.ts`, history per viewer and
 * dataset in `SqlPopulationStore`), whatever the version, analysis or route.
 */
import type { CrosstabResult } from "@/lib/schema/crosstab-result";
import type { DisclosureRules, DisclosureRulesInput } from "@/lib/schema/disclosure";
import { disclosureRulesSchema } from "@/lib/schema/disclosure";
import { checkDifferencing, type DifferencingVerdict } from "./differencing";
import { protectCrosstab } from "./protect-crosstab";
import { analysisKeyOf, releaseOf, type ReleasedAggregate, type ReleaseMeta } from "./release";
import type { ProtectedCrosstab } from "./types";

const keyOf = (a: Pick<ReleasedAggregate, "datasetVersion" | "analysisKey">) => JSON.stringify([a.datasetVersion, a.analysisKey]);

/**
 * Released aggregates of one viewer, grouped by dataset version and analysis. Identical releases
 * are stored once. Nothing is evicted: forgetting a release would re-open the attack.
 * @example
 * const history = new ReleaseHistory();
 * const shown = history.protectAndRecord(result, { k: 5 }, releaseMetaFromSpec("ds1@2", spec));
 * if (shown.disclosure.blocked) throw new AppError("forbidden", "differencing: too similar to an earlier result");
 */
export class ReleaseHistory {
  private readonly byKey = new Map<string, ReleasedAggregate[]>();

  /** Earlier releases comparable with `candidate` (same dataset version and analysis). */
  comparableWith(candidate: Pick<ReleasedAggregate, "datasetVersion" | "analysisKey">): readonly ReleasedAggregate[] {
    return this.byKey.get(keyOf(candidate)) ?? [];
  }

  /** Number of stored releases. */
  get size(): number {
    let n = 0;
    for (const list of this.byKey.values()) n += list.length;
    return n;
  }

  /** Check a candidate without recording it. */
  check(candidate: ReleasedAggregate, rules: number | Pick<DisclosureRules, "k" | "sensitive">): DifferencingVerdict {
    return checkDifferencing(this.comparableWith(candidate), candidate, rules);
  }

  /** Record a release that was shown (cells without any shown number are skipped). */
  record(release: ReleasedAggregate): void {
    if (release.cells.length === 0) return;
    const key = keyOf(release);
    const list = this.byKey.get(key) ?? [];
    const json = JSON.stringify(release);
    if (!list.some((r) => JSON.stringify(r) === json)) list.push(structuredClone(release));
    this.byKey.set(key, list);
  }

  /** Check, and record when allowed. */
  admit(candidate: ReleasedAggregate, rules: number | Pick<DisclosureRules, "k" | "sensitive">): DifferencingVerdict {
    const verdict = this.check(candidate, rules);
    if (verdict.allowed) this.record(candidate);
    return verdict;
  }

  /**
   * Protect a result against small cells and this viewer's history, and record what is shown.
   * A refused release comes back fully hidden with `disclosure.blocked: true` and is not recorded.
   */
  protectAndRecord(result: CrosstabResult, rulesInput: DisclosureRulesInput, release: ReleaseMeta): ProtectedCrosstab {
    const rules = disclosureRulesSchema.parse(rulesInput);
    const history = this.comparableWith({ datasetVersion: release.datasetVersion, analysisKey: analysisKeyOf(release) });
    const shown = protectCrosstab(result, rules, { release, history });
    if (!shown.disclosure.blocked) this.record(releaseOf(shown, release));
    return shown;
  }
}
