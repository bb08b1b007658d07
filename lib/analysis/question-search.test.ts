import { describe, expect, it } from "vitest";
import type { QuestionLite } from "./question-roles";
import { fitsRole, loadsLazily, MAX_PAGE, pageOfQuestions, pickQuestions, searchQuestions } from "./question-search";
import { stateQuestions } from "./breakdown-state";

const opt = (n: number) => Array.from({ length: n }, (_, i) => ({ code: String(i + 1), label: `Answer ${i + 1}`, count: 10 + i }));
const wide: QuestionLite[] = Array.from({ length: 9000 }, (_, i) => ({ id: `q${i}`, label: `Item ${i} satisfaction`, type: i % 3 === 0 ? "numeric" : "single", options: i % 3 === 0 ? [] : opt(i % 5 === 0 ? 1 : 4) }));
const named: QuestionLite[] = [
  { id: "age_band", label: "Age band", type: "single", options: opt(5) },
  { id: "country", label: "Country of residence", type: "single", options: opt(70) },
  { id: "weight", label: "Design weight", type: "weight", options: [] },
  { id: "usage", label: "Age of the account", type: "ordinal", options: opt(4) },
  { id: "age", label: "Age", type: "numeric", options: [] },
];

describe("searchQuestions", () => {
  it("pages a 9,000-question model: a bounded page, the total of matches, stable order", () => {
    const first = searchQuestions(wide, { role: "any", offset: 0, limit: 30 });
    expect(first.total).toBe(9000);
    expect(first.items).toHaveLength(30);
    expect(first.items[0]).toEqual({ id: "q0", label: "Item 0 satisfaction", type: "numeric", options: 0 });
    const third = searchQuestions(wide, { role: "any", offset: 60, limit: 30 });
    expect(third.items.map((q) => q.id)).toEqual(Array.from({ length: 30 }, (_, i) => `q${60 + i}`));
    expect(searchQuestions(wide, { offset: 8990, limit: 30 }).items).toHaveLength(10);
    expect(searchQuestions(wide, { limit: 10_000 }).limit).toBe(MAX_PAGE);
  });

  it("finds a question by every word of the search, in the id or the label, case-insensitively", () => {
    const r = searchQuestions(wide, { query: "ITEM 8765", role: "any" });
    expect(r.items.map((q) => q.id)).toEqual(["q8765"]);
    expect(searchQuestions(wide, { query: "q1234" }).items[0].id).toBe("q1234");
    expect(searchQuestions(wide, { query: "nothing like it" }).total).toBe(0);
  });

  it("ranks an exact id or label first, then prefixes, then the questionnaire order", () => {
    expect(searchQuestions(named, { query: "age" }).items.map((q) => q.id)).toEqual(["age", "age_band", "usage"]);
  });

  it("lists only what the picker's role accepts, and leaves out the excluded", () => {
    expect(searchQuestions(named, { role: "segment" }).items.map((q) => q.id)).toEqual(["age_band", "usage"]);
    expect(searchQuestions(named, { role: "weight" }).items.map((q) => q.id)).toEqual(["weight"]);
    expect(searchQuestions(named, { role: "outcome" }).items.map((q) => q.id)).toEqual(["age_band", "country", "usage", "age"]);
    expect(searchQuestions(named, { role: "segment", exclude: ["usage"] }).items.map((q) => q.id)).toEqual(["age_band"]);
    // a one-answer question segments nobody
    expect(fitsRole(wide[5], "segment")).toBe(false);
    expect(fitsRole(wide[1], "segment")).toBe(true);
  });

  it("items say how many answers are listed, never a count of respondents", () => {
    const item = searchQuestions(named, { query: "country" }).items[0];
    expect(item).toEqual({ id: "country", label: "Country of residence", type: "single", options: 70 });
    expect(Object.keys(item)).not.toContain("answered");
  });
});

describe("pickQuestions", () => {
  it("returns the named questions' answers in the order asked, unknown ids left out", () => {
    const picked = pickQuestions(named, ["usage", "nope", "age_band", "usage"]);
    expect(picked.map((q) => q.id)).toEqual(["usage", "age_band"]);
    expect(picked[0].options[0]).toEqual({ code: "1", label: "Answer 1", count: 10 });
  });
});

describe("loadsLazily", () => {
  it("keeps a normal dataset on the page, leaves a wide one (questions or answers) to the pickers", () => {
    expect(loadsLazily(named)).toBe(false);
    expect(loadsLazily(wide)).toBe(true);
    expect(loadsLazily(wide.slice(0, 300))).toBe(false);
    expect(loadsLazily(Array.from({ length: 40 }, (_, i) => ({ id: `q${i}`, options: opt(200) })))).toBe(true);
  });
});

describe("pageOfQuestions", () => {
  it("pages and searches a list, the page clamped to what exists", () => {
    const first = pageOfQuestions(wide, "", 1, 50);
    expect(first).toMatchObject({ total: 9000, page: 1, pages: 180 });
    expect(first.items.map((q) => q.id)).toEqual(Array.from({ length: 50 }, (_, i) => `q${i}`));
    expect(pageOfQuestions(wide, "", 999, 50).page).toBe(180);
    expect(pageOfQuestions(wide, "", Number.NaN, 50).page).toBe(1);
    const found = pageOfQuestions(wide, "item 8765", 1, 50);
    expect(found).toMatchObject({ total: 1, page: 1, pages: 1 });
    expect(pageOfQuestions(wide, "nothing", 3, 50)).toMatchObject({ total: 0, page: 1, pages: 1, items: [] });
  });
});

describe("stateQuestions", () => {
  it("names every question a breakdown state uses, once", () => {
    expect(stateQuestions({ outcome: "q1", segment: "age", segments: ["age", "region"], weight: "w", filters: { country: ["DE"], q1: ["x"] } })).toEqual(["q1", "age", "region", "w", "country"]);
    expect(stateQuestions({ filters: {} })).toEqual([]);
  });
});
