import { describe, expect, test } from "vitest";
import type { Dataset } from "@/lib/schema/dataset";
import { assertExportable, exportableQuestions, isDirectIdentifier } from "./respondent-export";

const q = (id: string, type: string, header = id) => ({ id, label: id, type, columns: [`c_${id}`], options: [], missingCodes: [], answered: 0, header });
const qs = [q("ResponseId", "metadata"), q("RecipientEmail", "metadata"), q("IPAddress", "metadata"), q("resp", "id"), q("country", "single"), q("Q7", "text", "Please give your name")];
const dataset = {
  questions: qs.map(({ header: _h, ...rest }) => rest),
  columns: qs.map((x, i) => ({ index: i, name: `c_${x.id}`, headers: [x.id, x.header] })),
} as unknown as Dataset;

describe("respondent-level export policy", () => {
  test("direct identifiers are recognised by type and by header", () => {
    expect(dataset.questions.filter((x) => isDirectIdentifier(x, dataset)).map((x) => x.id)).toEqual(["ResponseId", "RecipientEmail", "IPAddress", "resp"]);
  });
  test("researchers cannot export identifiers; admins can; analysts cannot export at all", () => {
    expect(exportableQuestions(dataset, "researcher").filter((p) => !p.allowed).map((p) => p.question.id)).toEqual(["ResponseId", "RecipientEmail", "IPAddress", "resp"]);
    expect(() => assertExportable(dataset, "researcher", ["country", "RecipientEmail"])).toThrow("RecipientEmail: direct identifier");
    expect(assertExportable(dataset, "researcher", ["country"]).map((x) => x.id)).toEqual(["country"]);
    expect(assertExportable(dataset, "admin", ["RecipientEmail"]).map((x) => x.id)).toEqual(["RecipientEmail"]);
    expect(() => assertExportable(dataset, "analyst", ["country"])).toThrow("does not allow");
  });
});
