/**
 * Where the differencing guard keeps what each viewer was shown: `ReleaseStore` loads one viewer's
 * earlier releases of one analysis on demand, lets the guard decide, and records the admitted
 * release — exclusively, so two concurrent requests (two instances) cannot both pass a check
 * against a history that lacks the other's release. The app's store is SQL
 * (`SqlReleaseStore` in lib/store/repos/releases.ts); `MemoryReleaseStore` serves tests and single-process tools.
 */
import type { CrosstabResult } from "@/lib/schema/crosstab-result";
import { disclosureRulesSchema, type DisclosureRulesInput } from "@/lib/schema/disclosure";
import { ReleaseHistory } from "./history";
import { protectCrosstab, type EmptyCrosstab } from "./protect-crosstab";
import { analysisKeyOf, releaseOf, type ReleasedAggregate, type ReleaseMeta } from "./release";
import type { ProtectedCrosstab } from "./types";

/** The releases that compare with each other: one dataset version, one analysis. */
export interface ReleaseScope {
  datasetVersion: string;
  analysisKey: string;
}

/** What a decision over the history returns: a value, and the release to record (or none). */
export interface ReleaseDecision<T> {
  value: T;
  record: ReleasedAggregate | null;
}

export interface ReleaseStore {
  /**
   * Exclusively (per viewer and scope): load the earlier releases, run `decide`, and record the
   * release it returns (identical releases are kept once; releases without cells are skipped).
   */
  withHistory<T>(viewerKey: string, scope: ReleaseScope, decide: (earlier: readonly ReleasedAggregate[]) => ReleaseDecision<T>): Promise<T>;
}

/**
 * Release histories in this process's memory (tests, single-process tools).
 *
 * @example
 * const store = new MemoryReleaseStore();
 * await protectAndRecordIn(store, "default/u1", result, { k: 5 }, meta);
 */
export class MemoryReleaseStore implements ReleaseStore {
  private readonly histories = new Map<string, ReleaseHistory>();

  async withHistory<T>(viewerKey: string, scope: ReleaseScope, decide: (earlier: readonly ReleasedAggregate[]) => ReleaseDecision<T>): Promise<T> {
    let h = this.histories.get(viewerKey);
    if (!h) this.histories.set(viewerKey, (h = new ReleaseHistory()));
    const { value, record } = decide(h.comparableWith(scope));
    if (record) h.record(record);
    return value;
  }
}

/**
 * Protect a result against small cells and the viewer's history in `store`, and record what is
 * shown. A refused release comes back fully hidden with `disclosure.blocked: true`, unrecorded.
 *
 * @example
 * const shown = await protectAndRecordIn(store, "default/u1", result, { k: 5 }, releaseMetaFromSpec("ds1@2", spec));
 * if (shown.disclosure.blocked) throw new AppError("forbidden", "differencing: too similar to an earlier result");
 */
export async function protectAndRecordIn(
  store: ReleaseStore,
  viewerKey: string,
  result: CrosstabResult | EmptyCrosstab,
  rulesInput: DisclosureRulesInput,
  release: ReleaseMeta,
): Promise<ProtectedCrosstab> {
  const rules = disclosureRulesSchema.parse(rulesInput);
  const scope = { datasetVersion: release.datasetVersion, analysisKey: analysisKeyOf(release) };
  return store.withHistory(viewerKey, scope, (history) => {
    const shown = protectCrosstab(result, rules, { release, history });
    return { value: shown, record: shown.disclosure.blocked ? null : releaseOf(shown, release) };
  });
}
