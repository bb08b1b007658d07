import { describe, expect, it } from "vitest";
import { contentWords, coverage, idfWeights, negative, similarity, stem } from "./text-match";

describe("text-match", () => {
  it("stems plurals, -ing, -ed and merges domain synonyms", () => {
    expect(stem("guardrails")).toBe("guardrail");
    expect(stem("increasing")).toBe(stem("increase"));
    expect(stem("rolled")).toBe("roll");
    expect(stem("rollback")).toBe("roll");
    expect(stem("shipped")).toBe(stem("deployed"));
  });

  it("keeps content words, drops stop words, reads 5,000 as one number", () => {
    expect(contentWords("Has your organisation rolled back an AI agent?")).toEqual(["roll", "ai", "agent"]);
    expect(contentWords("Companies with 5,000+ employees")).toEqual(["5000", "employe"]);
  });

  it("weighs rare words above words every text has", () => {
    const w = idfWeights(["AI agents live", "AI agents rolled back", "AI agents budget"]);
    expect(w("ai")).toBeLessThan(w("roll"));
  });

  it("coverage is the share of the target's weight found in the candidate", () => {
    expect(coverage(["a1", "b1"], ["a1"], () => 1)).toBe(0.5);
    expect(coverage([], ["a1"], () => 1)).toBe(0);
  });

  it("similarity is high for the same definition and low for unrelated wording", () => {
    const one = () => 1;
    expect(similarity("Rolled back an agent", "Has your organisation rolled back an agent?", one)).toBe(1);
    expect(similarity("Rolled back an agent", "Department Sales", one)).toBe(0);
  });

  it("tells negative wording from positive", () => {
    expect(negative("Strongly disagree")).toBe(true);
    expect(negative("Lack identity security controls for AI")).toBe(true);
    expect(negative("No")).toBe(true);
    expect(negative("Yes")).toBe(false);
  });
});
