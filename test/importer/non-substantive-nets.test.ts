/**
 * Issue 18: a top-2 box over a scale that holds "No answer" came out as "Very masculine + No
 * answer" (the last two options) over a base that counted the non-answers. A synthetic analogue
 * (test/fixtures/issue-18/top2-no-answer.csv: 40 Very, 40 Somewhat, 10 Not very, 5 Not at all
 * masculine, 10 No answer; counted with Python's csv module) through import → DuckDB → crosstab
 * with the declared question model: the NET is the substantive 80 / 95 = 84.2%.
 */
import path from "node:path";
import { describe, expect, test } from "vitest";
import { runCrosstab } from "@/lib/services/crosstab";
import { importIntoMemoryStore, repoRoot } from "./helpers";

describe("non-substantive answers stay out of NETs and bases", () => {
  test("top-2 box over a scale with 'No answer' equals the substantive figure", async () => {
    const { store, dataset, error } = await importIntoMemoryStore(path.join(repoRoot, "test/fixtures/issue-18/top2-no-answer.csv"));
    try {
      if (!dataset) throw error;
      const q = dataset.questions.find((x) => x.id === "q0001")!;
      expect(q.type).toBe("ordinal");
      expect(q.options.map((o) => o.code)).toEqual(["Not at all masculine", "Not very masculine", "Somewhat masculine", "Very masculine"]);
      expect(q.nonSubstantive?.map((o) => [o.code, o.count])).toEqual([["No answer", 10]]);
      // the banner's and the breakdown's top-2 box: the last two options
      const top2 = q.options.slice(-2).map((o) => o.code);
      expect(top2).toEqual(["Somewhat masculine", "Very masculine"]);
      const r = await runCrosstab(store, dataset, { outcome: "q0001", outcome_category: top2, segment: "grp" }, { missing: "declared" });
      if (r.statistic !== "proportion") throw new Error("expected a proportion");
      expect(r.total.n).toBe(95);
      expect(r.total.count).toBe(80);
      expect(Math.round(1000 * (r.total.count / r.total.n)) / 10).toBe(84.2);
      expect(Object.fromEntries(r.segments.map((s) => [s.segment, [s.n, s.count]]))).toEqual({ A: [48, 40], B: [47, 40] });
    } finally {
      await store.close();
    }
  });
});
