import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/schema/errors";
import { dashboardFilterQuery, mergeFilters, parseDashboardFilters } from "./dashboard-filters";

const parse = (q: string) => parseDashboardFilters(new URLSearchParams(q));

describe("dashboard filters", () => {
  it("parses repeated filter parameters; a question given twice keeps the answers both allow", () => {
    expect(parse("filter=country=DE|FR&filter=industry=Retail")).toEqual({ country: ["DE", "FR"], industry: ["Retail"] });
    expect(parse("filter=country=DE|FR&filter=country=FR|IT")).toEqual({ country: ["FR"] });
    expect(parse("")).toEqual({});
  });

  it("bad filters are a located 400", () => {
    for (const q of ["filter=country", "filter==DE", "filter=country=", "filter=country=|", ...["a", "b", "c", "d", "e", "f", "g", "h", "i"].map((c, i, all) => all.slice(0, i + 1).map((x) => `filter=${x}=1`).join("&")).slice(8)]) {
      expect(() => parse(q), q).toThrow(AppError);
    }
  });

  it("round-trips through the query string", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/), fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes("|")), { minLength: 1, maxLength: 4 }), { maxKeys: 8 }), (filters) => {
        expect(parse(dashboardFilterQuery(filters))).toEqual(filters);
      }),
    );
  });

  it("merges into a tile: narrows shared questions, reports questions the dataset lacks and disjoint answers", () => {
    expect(mergeFilters({ country: ["DE", "FR"] }, { country: ["FR", "IT"], region: ["EU"] }, ["country"])).toEqual({ filters: { country: ["FR"] }, notApplicable: ["region"], disjoint: [] });
    expect(mergeFilters({ country: ["DE"] }, { country: ["IT"] }, ["country"])).toEqual({ filters: { country: [] }, notApplicable: [], disjoint: ["country"] });
    expect(mergeFilters({}, {}, [])).toEqual({ filters: {}, notApplicable: [], disjoint: [] });
  });
});
