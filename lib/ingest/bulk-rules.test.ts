import { describe, expect, test } from "vitest";
import type { Question, StoredColumn } from "@/lib/schema/question";
import { applyRules, labelCandidates, labelKey, missingLabelEdits, ruleEdits, sameScale, scaleOrderEdits } from "./bulk-rules";

const opt = (code: string, label = code, count = 1) => ({ code, label, count });
const q = (id: string, type: Question["type"], options: ReturnType<typeof opt>[], extra: Partial<Question> = {}): Question => ({
  id,
  label: id,
  type,
  columns: [`c${id.length}`],
  options,
  missingCodes: [],
  answered: options.reduce((s, o) => s + o.count, 0),
  ...extra,
});
const AGREE = ["Disagree", "Neutral", "Agree"];
const questions: Question[] = [
  q("q1", "ordinal", [opt("1", "Disagree", 4), opt("2", "Neutral", 3), opt("3", "Agree", 5), opt("8", "Don't know", 2)]),
  q("q2", "single", [opt("Agree", "Agree"), opt("Disagree", "Disagree"), opt("Neutral", "Neutral")]),
  q("q3", "single", [opt("Yes"), opt("No"), opt("dk", "DON’T  KNOW"), opt("pn", "Prefer not to say")]),
  q("q4", "multi", [opt("Don't know"), opt("Email")], { multi: { layout: "columns", uncheckedCodes: [] } }),
  q("q5", "numeric", []),
  q("q6", "ordinal", [opt("a", "agree"), opt("n", "neutral"), opt("d", "disagree")]),
];
const columns: StoredColumn[] = questions.map((x, i) => ({ index: i, name: `c${i}`, headers: [x.id] }));

describe("labelKey", () => {
  test("ignores case, spacing and curly apostrophes", () => {
    expect(labelKey("  Don’t  KNOW ")).toBe(labelKey("Don't know"));
    expect(labelKey("Yes")).not.toBe(labelKey("No"));
  });
});

describe("missing-labels rule", () => {
  test("marks the labelled answers missing in every single-choice and scale question that has them", () => {
    const { edits, matched } = missingLabelEdits(questions, ["Don't know", "Prefer not to say"]);
    expect(matched).toEqual(["q1", "q3"]);
    expect(edits).toEqual([
      { id: "q1", missingCodes: ["8"] },
      { id: "q3", missingCodes: ["dk", "pn"] },
    ]);
  });

  test("keeps the missing codes a question already has, once each", () => {
    const withMissing = [{ ...questions[0], missingCodes: ["99", "8"] }];
    expect(missingLabelEdits(withMissing, ["don't know"]).edits).toEqual([{ id: "q1", missingCodes: ["99", "8"] }]);
  });

  test("matches nothing when no question has the label (an empty preview)", () => {
    expect(missingLabelEdits(questions, ["Refused"])).toEqual({ edits: [], matched: [] });
  });

  test("applied, the answers are set apart: no longer options, listed as non-substantive with their counts", () => {
    const out = applyRules(questions, columns, [{ kind: "missing-labels", labels: ["Don't know"] }]);
    const q1 = out.questions.find((x) => x.id === "q1")!;
    expect(q1.options.map((o) => o.label)).toEqual(AGREE);
    expect(q1.nonSubstantive).toEqual([{ code: "8", label: "Don't know", count: 2 }]);
    expect(out.questions.find((x) => x.id === "q4")).toEqual(questions[3]);
  });
});

describe("scale-order rule", () => {
  test("orders every question with the same answers (any order, any case), and counts those already in order", () => {
    const { edits, matched } = scaleOrderEdits(questions, AGREE);
    expect(matched).toEqual(["q2", "q6"]); // q1 also has "Don't know": another scale
    expect(edits).toEqual([
      { id: "q2", optionOrder: ["Disagree", "Neutral", "Agree"] },
      { id: "q6", optionOrder: ["d", "n", "a"] },
    ]);
  });

  test("with ordinal, single-choice questions become scales", () => {
    const ordered = [{ ...questions[1], options: [opt("Disagree"), opt("Neutral"), opt("Agree")] }];
    expect(scaleOrderEdits(ordered, AGREE, true).edits).toEqual([{ id: "q2", type: "ordinal" }]);
    expect(scaleOrderEdits(ordered, AGREE, false).edits).toEqual([]);
  });

  test("a question whose labels repeat, or a rule naming a label twice, matches nothing", () => {
    const twice = [q("t", "single", [opt("1", "Agree"), opt("2", "agree"), opt("3", "Neutral")])];
    expect(scaleOrderEdits(twice, ["Agree", "Neutral", "Disagree"]).matched).toEqual([]);
    expect(scaleOrderEdits(questions, ["Agree", "agree", "Neutral"]).matched).toEqual([]);
  });

  test("sameScale lists the other questions a rule from a question would reach", () => {
    expect(sameScale(questions, questions[1])).toEqual(["q6"]);
    expect(sameScale(questions, questions[2])).toEqual([]);
    expect(sameScale(questions, questions[4])).toEqual([]);
  });

  test("rules apply in order, each to what the previous left: after marking Don't know, q1 has the scale too", () => {
    const out = applyRules(questions, columns, [
      { kind: "missing-labels", labels: ["Don't know"] },
      { kind: "scale-order", labels: ["Agree", "Neutral", "Disagree"], ordinal: true },
    ]);
    const get = (id: string) => out.questions.find((x) => x.id === id)!;
    expect(get("q1").options.map((o) => o.label)).toEqual(["Agree", "Neutral", "Disagree"]);
    expect(get("q2")).toMatchObject({ type: "ordinal" });
    expect(get("q2").options.map((o) => o.code)).toEqual(["Agree", "Neutral", "Disagree"]);
    expect(out.edits.map((e) => e.id)).toEqual(["q1", "q3", "q1", "q2"]); // q6 was already in this order
    expect(ruleEdits(out.questions, { kind: "scale-order", labels: ["Agree", "Neutral", "Disagree"] }).edits).toEqual([]);
  });
});

describe("labelCandidates", () => {
  test("non-substantive-looking labels first, then by how many questions have them; multi and numeric left out", () => {
    const c = labelCandidates(questions);
    expect(c.slice(0, 2)).toEqual([
      { label: "Don't know", questions: 2, suggested: true },
      { label: "Prefer not to say", questions: 1, suggested: true },
    ]);
    expect(c.find((x) => x.label === "Agree")).toEqual({ label: "Agree", questions: 3, suggested: false });
    expect(c.find((x) => x.label === "Email")).toBeUndefined();
  });

  test("no choice questions: no candidates", () => {
    expect(labelCandidates([questions[4]])).toEqual([]);
  });
});
