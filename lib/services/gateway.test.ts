import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { scrubErrorText } = await import("./gateway");

describe("errors for aggregate-only audiences", () => {
  it("lose counts, row numbers and values; keep ids, rules and the disclosure refusal", () => {
    expect(scrubErrorText("too few cases: 2 rows")).toBe("too few cases: … rows");
    expect(scrubErrorText("no cell matches data row: 3 (respondent_id=R17, spend=412.5)")).toBe("no cell matches data row: …");
    expect(scrubErrorText("unknown question: q12")).toBe("unknown question: q12");
    expect(scrubErrorText("disclosure: fewer than 5 respondents")).toBe("disclosure: fewer than 5 respondents");
    expect(scrubErrorText("targets do not sum to 1: country (0.95)")).toBe("targets do not sum to …: country");
  });
});
