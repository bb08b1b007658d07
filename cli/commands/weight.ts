import fs from "node:fs";
import { computeWeights, parseCsvTable, targetsFromCsv } from "@/lib/weighting";
import { parseCommandArgs } from "../args";

const USAGE = "usage: weight --data FILE (--scheme SCHEME.json | --targets TARGETS.csv) [--pretty]";

function readBytes(file: string): Uint8Array {
  if (!fs.existsSync(file)) throw new Error(`file not found: ${file}`);
  return fs.readFileSync(file);
}

function readText(file: string): string {
  return new TextDecoder().decode(readBytes(file));
}

function readScheme(file: string): unknown {
  try {
    return JSON.parse(readText(file));
  } catch (err) {
    if (err instanceof SyntaxError) throw new Error(`invalid scheme json: ${file} (${err.message.split("\n")[0]})`);
    throw err;
  }
}

/**
 * `weight --data FILE --scheme SCHEME.json [--targets TARGETS.csv] [--pretty]`: weight a CSV
 * (header in row 1, empty cell = missing) and print `{"weights": [...], "report": {...}}`,
 * one weight per data row (`null` when a weighting variable is missing). `--targets` reads rim
 * targets from a `variable,category,target` CSV into the scheme (a rake scheme when no
 * `--scheme` is given).
 *
 * @example await weightCommand(["--data", "data.csv", "--scheme", "rake.scheme.json"]) // 0
 */
export async function weightCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    data: { type: "string" },
    scheme: { type: "string" },
    targets: { type: "string" },
    pretty: { type: "boolean" },
  });
  if (!values.data || (!values.scheme && !values.targets) || positionals.length > 0) throw new Error(USAGE);
  let scheme: unknown = values.scheme ? readScheme(values.scheme) : { method: "rake" };
  if (values.targets) {
    if (typeof scheme !== "object" || scheme === null || Array.isArray(scheme)) throw new Error(`invalid scheme json: ${values.scheme}`);
    scheme = { method: "rake", ...scheme, targets: targetsFromCsv(readBytes(values.targets)) };
  }
  // CSVs as bytes: the one table reader decodes them like an upload (BOM, UTF-16, strict UTF-8)
  const table = parseCsvTable(readBytes(values.data));
  const result = computeWeights(table, scheme);
  process.stdout.write(JSON.stringify(result, null, values.pretty ? 2 : undefined) + "\n");
  return 0;
}
