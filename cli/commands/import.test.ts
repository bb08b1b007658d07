import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { importCommand } from "./import";

const fixtures = path.join(__dirname, "../../test/fixtures/spss");

function capture() {
  const out: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  return () => JSON.parse(out.join(""));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("cli import", () => {
  test.each(["survey.sav", "survey.zsav", "survey-plain.sav"])("describes %s from its dictionary", async (file) => {
    const json = capture();
    expect(await importCommand([path.join(fixtures, file), "--json"])).toBe(0);
    const d = json();
    expect(d).toMatchObject({ format: "spss", respondents: 400 });
    expect(d.questions.find((q: { id: string }) => q.id === "company_size")).toMatchObject({ type: "ordinal", label: "Company size (employees)" });
  });

  test("--format sav on a CSV reports a located error", async () => {
    const json = capture();
    expect(await importCommand([path.join(fixtures, "survey.csv"), "--format", "sav", "--json"])).toBe(1);
    expect(json().errors[0]).toMatchObject({ code: "corrupt-file", byteOffset: 0 });
  });
});
