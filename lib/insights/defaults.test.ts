import { describe, expect, it } from "vitest";
import type { QuestionLite } from "@/lib/analysis/question-roles";
import { insightsDefaults } from "./defaults";

const questions: QuestionLite[] = [
  { id: "shipped", label: "Shipped?", type: "single", options: [{ code: "Yes", label: "Yes", count: 10 }, { code: "No", label: "No", count: 12 }] },
  { id: "w1", label: "w1", type: "weight", options: [] },
  { id: "w2", label: "w2", type: "weight", options: [] },
];

describe("insightsDefaults (an uploaded dataset)", () => {
  it("weighs by the dataset's default weight; none when the analyst chose none; the first weight when never set", () => {
    expect(insightsDefaults("uploaded", questions, "w2").spec).toMatchObject({ outcome: "shipped", outcome_category: "Yes", weight: "w2" });
    expect(insightsDefaults("uploaded", questions, null).spec).not.toHaveProperty("weight");
    expect(insightsDefaults("uploaded", questions).spec).toMatchObject({ weight: "w1" });
  });
});
