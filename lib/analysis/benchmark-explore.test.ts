import { describe, expect, it } from "vitest";
import { curatedFigures } from "./benchmark-match.fixtures";
import { facets, searchFigures, seriesNotes, seriesOf } from "./benchmark-explore";

const figures = curatedFigures();

describe("searchFigures", () => {
  it("needs every word, in any field, ignoring case and accents", () => {
    const ids = searchFigures(figures, { text: "BRAZIL rollback" }).map((f) => f.id);
    expect(ids).toContain("sinch-brazil-rollback");
    expect(ids.every((id) => id.startsWith("sinch-"))).toBe(true);
    expect(searchFigures(figures, { text: "ponemon" }).every((f) => f.publisher.includes("Ponemon"))).toBe(true);
    expect(searchFigures(figures, { text: "zzz-nothing" })).toEqual([]);
  });

  it("filters by topic, publisher and country or industry", () => {
    expect(searchFigures(figures, { topic: "rollback" }).every((f) => f.topic === "rollback")).toBe(true);
    expect(searchFigures(figures, { publisher: "Gartner" })).toHaveLength(7);
    const brazil = searchFigures(figures, { place: "brazil" }).map((f) => f.id);
    expect(brazil).toEqual(expect.arrayContaining(["sinch-brazil-live", "deloitte-brazil-mature-governance"]));
    expect(searchFigures(figures, { place: "healthcare" }).map((f) => f.id)).toContain("gravitee-incident-healthcare");
  });

  it("lists publishers by count and only the places present", () => {
    const f = facets(figures);
    expect(f.publishers[0]).toEqual({ name: "Sinch", count: 38 });
    expect(f.places.map((p) => p.id)).toContain("brazil");
    expect(facets(searchFigures(figures, { publisher: "Gartner" })).places).toEqual([]);
  });
});

describe("seriesOf", () => {
  it("gathers curated series in order, with two or more figures", () => {
    const all = seriesOf(figures);
    expect(all.length).toBeGreaterThanOrEqual(15);
    const live = all.find((s) => s.id === "sinch-live-by-country")!;
    expect(live.points.map((p) => [p.level, p.figure.value])).toEqual([
      ["All 10 countries", 0.62],
      ["United States", expect.any(Number)],
      ["Brazil", expect.any(Number)],
    ]);
    expect(live.dimension).toBe("country");
    // a series cut to one figure by a search is not a series
    expect(seriesOf(searchFigures(figures, { text: "United States: AI agents live" }))).toEqual([]);
  });

  it("notes name each distinct base and source with its bars", () => {
    const live = seriesOf(figures).find((s) => s.id === "sinch-live-by-country")!;
    const notes = seriesNotes(live);
    expect(notes.bases.some((b) => /^Base for Brazil: Respondents in Brazil/.test(b))).toBe(true);
    expect(notes.sources.flatMap((s) => s.levels).sort()).toEqual(["All 10 countries", "Brazil", "United States"]);
  });
});
