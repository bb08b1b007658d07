import { describe, expect, test } from "vitest";
import type { Dataset } from "@/lib/schema/dataset";
import { assertExportable, exportableQuestions, isDirectIdentifier } from "./respondent-export";
import { isDefaultQuasiIdentifier, resolveQuasiIdentifiers } from "./quasi-identifiers";

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

describe("quasi-identifiers", () => {
  const demo = (id: string, type: string, label = id) => ({ id, label, type, columns: [`c_${id}`], options: [], missingCodes: [], answered: 0 });
  const ds = {
    questions: [demo("companySize", "single", "How many employees?"), demo("rolled_back", "single", "Has your organisation rolled back a live AI agent after a failure?"), demo("StartDate", "date"), demo("Status", "metadata"), demo("Q9", "ordinal", "What is your age?"), demo("notes", "text", "Your role")],
    columns: ["companySize", "rolled_back", "StartDate", "Status", "Q9", "notes"].map((id, i) => ({ index: i, name: `c_${id}`, headers: [id] })),
  } as unknown as Dataset;
  test("defaults: demographics by word, metadata and dates; never free text; attitudes not by default", () => {
    expect(ds.questions.filter((x) => isDefaultQuasiIdentifier(x, ds)).map((x) => x.id)).toEqual(["companySize", "StartDate", "Status", "Q9"]);
  });
  test("non-admins can add quasi-identifiers but not remove defaults; admins choose exactly", () => {
    const exported = ds.questions.slice(0, 3);
    expect(resolveQuasiIdentifiers(ds, "researcher", exported, []).map((x) => x.id)).toEqual(["companySize", "StartDate"]);
    expect(resolveQuasiIdentifiers(ds, "researcher", exported, ["rolled_back"]).map((x) => x.id)).toEqual(["companySize", "rolled_back", "StartDate"]);
    expect(resolveQuasiIdentifiers(ds, "admin", exported, ["rolled_back"]).map((x) => x.id)).toEqual(["rolled_back"]);
    expect(resolveQuasiIdentifiers(ds, "admin", exported, undefined).map((x) => x.id)).toEqual(["companySize", "StartDate"]);
    expect(() => resolveQuasiIdentifiers(ds, "admin", exported, ["Status"])).toThrow("not one of the exported");
  });
});
