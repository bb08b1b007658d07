/**
 * Golden case loading: finds every `*.spec.json` under test/fixtures/golden/<case>/ and reads
 * its `data.csv` (papaparse, array mode) and `*.expected.json`.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import type { TextTable } from "@/lib/engine";
import type { JsonObject } from "./compare";

export const GOLDEN_DIR = fileURLToPath(new URL("../fixtures/golden", import.meta.url));

/** One golden case: a spec, its data and the oracle output. */
export interface GoldenCase {
  name: string;
  dir: string;
  spec: unknown;
  expected: JsonObject;
  dataPath: string;
}

/**
 * Parse CSV text as R's read.csv sees it: first row = header, "" = missing, a trailing empty
 * line dropped.
 * @example parseCsvText('"a","b"\n1,\n').rows // [["1", ""]]
 */
export function parseCsvText(text: string): TextTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false });
  const data = parsed.data;
  const last = data.at(-1);
  if (last !== undefined && last.length === 1 && last[0] === "") data.pop();
  const [header = [], ...rows] = data;
  return { header, rows };
}

const tableCache = new Map<string, TextTable>();

/** Read (and cache) a case's data.csv. */
export function readTable(dataPath: string): TextTable {
  let t = tableCache.get(dataPath);
  if (t === undefined) {
    t = parseCsvText(readFileSync(dataPath, "utf8"));
    tableCache.set(dataPath, t);
  }
  return t;
}

/** All golden cases, sorted by folder and name. */
export function listGoldenCases(): GoldenCase[] {
  const out: GoldenCase[] = [];
  for (const folder of readdirSync(GOLDEN_DIR).sort()) {
    const dir = path.join(GOLDEN_DIR, folder);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith(".spec.json")) continue;
      const base = file.slice(0, -".spec.json".length);
      out.push({
        name: `${folder}/${base}`,
        dir,
        spec: JSON.parse(readFileSync(path.join(dir, file), "utf8")),
        expected: JSON.parse(readFileSync(path.join(dir, `${base}.expected.json`), "utf8")),
        dataPath: path.join(dir, "data.csv"),
      });
    }
  }
  return out;
}
