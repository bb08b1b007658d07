import fs from "node:fs";
import { parseCsvTable } from "@/lib/models/csv-table";
import { fitDriversMethod } from "@/lib/models/fit-drivers-method";
import { parseCommandArgs } from "../args";

/**
 * `drivers --data FILE --spec SPEC.json`: fit a key-driver model on a plain CSV file — header row,
 * every cell text, an empty cell is missing — with the spec's `method` and print its JSON:
 * "svyglm" (default) `{n, df_residual, coefficients: [{term, estimate, se, t, p_value}], reference_levels}`
 * (`test/fixtures/golden-drivers`), "lmg" (relative importance) or "firth" (penalised logistic) in
 * the format of `test/fixtures/golden-drivers2/README.md`.
 * Bad input throws an Error with a one-line message (main prints it and exits 1).
 *
 * @example
 * await driversCommand(["--data", "data.csv", "--spec", "rollback.spec.json"]) // 0, JSON on stdout
 */
export async function driversCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    data: { type: "string" },
    spec: { type: "string" },
  });
  if (!values.data || !values.spec) throw new Error("usage: drivers --data FILE --spec SPEC.json");
  for (const f of [values.data, values.spec]) if (!fs.existsSync(f)) throw new Error(`file not found: ${f}`);
  let specJson: unknown;
  try {
    specJson = JSON.parse(fs.readFileSync(values.spec, "utf8"));
  } catch (err) {
    throw new Error(`invalid spec json: ${values.spec}: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
  }
  const table = parseCsvTable(fs.readFileSync(values.data)); // bytes: decoded like an upload
  const result = fitDriversMethod(table, specJson); // validates the spec; failures are one-line ModelErrors
  process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  return 0;
}
