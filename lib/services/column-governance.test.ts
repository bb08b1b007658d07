import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { governedStatus } from "@/lib/governance/column-status";
import { assertExportable } from "@/lib/governance/respondent-export";
import { BACKENDS, type OpenedStore } from "@/lib/store/contract/backends.fixtures";
import { importDataset } from "./import-dataset";
import { governedColumnStatus, questionStatusRows, setQuestionStatus } from "./column-governance";
import { saveQuestionEdits } from "./save-questions";

const CSV =
  ["respondent_id,email,country,comment,score", ...Array.from({ length: 12 }, (_, i) => `R${i},p${i}@x.test,${i % 2 ? "DE" : "FR"},note ${i} about things,${i % 5}`)].join("\n") + "\n";

describe.each(BACKENDS)("governed identifier status: $name", (backend) => {
  let opened: OpenedStore;
  beforeAll(async () => {
    opened = await backend.open();
    await importDataset(opened.store, {
      meta: { id: "gov", name: "gov", owner: "t", fileName: "gov.csv" },
      source: Readable.from([Buffer.from(CSV)]),
      options: { format: "microdata" },
      overrides: { questions: [{ id: "respondent_id", type: "id" }, { id: "comment", type: "text" }] },
    });
  });
  afterAll(() => opened.dispose());

  test("detection at import is kept in the governed store", async () => {
    const ds = (await opened.store.getDataset("gov"))!;
    const rows = await questionStatusRows(opened.store, ds);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toMatchObject({ respondent_id: "identifier", email: "identifier", country: "quasi", comment: "free-text" });
    expect(rows.every((r) => r.source === "detected")).toBe(true);
  });

  test("steering attack: retyping an identifier in a schema edit does not lift its lock", async () => {
    const ds = (await opened.store.getDataset("gov"))!;
    const edited = await saveQuestionEdits(opened.store, ds, { questions: [{ id: "respondent_id", type: "single", label: "Group" }, { id: "country", type: "numeric", label: "Score band" }] });
    expect(edited.questions.find((q) => q.id === "respondent_id")!.type).toBe("single");
    const statusOf = governedStatus(await governedColumnStatus(opened.store, edited));
    expect(() => assertExportable(edited, "researcher", ["respondent_id"], statusOf)).toThrow("respondent_id: direct identifier: admins only");
    expect(statusOf(edited.questions.find((q) => q.id === "country")!)).toBe("quasi");
  });

  test("an admin's decision is stored and read back; unknown questions are refused", async () => {
    const ds = (await opened.store.getDataset("gov"))!;
    await setQuestionStatus(opened.store, ds, { score: "quasi" }, "admin-1");
    const row = (await questionStatusRows(opened.store, ds)).find((r) => r.id === "score")!;
    expect(row).toMatchObject({ status: "quasi", source: "admin" });
    await expect(setQuestionStatus(opened.store, ds, { nope: "none" }, "admin-1")).rejects.toThrow("unknown question: nope");
  });
});
