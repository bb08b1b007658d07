/**
 * Key-driver golden case loading, shared by both generations (test/fixtures/golden-drivers and
 * golden-drivers2): every `*.spec.json` with its `*.expected.json` under a root, anywhere below it,
 * and the `data.csv` beside each (parsed once per folder).
 */
import fs from "node:fs";
import path from "node:path";
import type { TextTable } from "@/lib/models/analysis-rows";
import { parseCsvTable } from "@/lib/models/csv-table";

export interface DriversCase {
  /** the spec's path below the root, without `.spec.json` */
  name: string;
  dir: string;
  spec: string;
  expected: string;
}

/** Every case below `root` that has both its spec and its expected output, sorted by name. */
export function findDriversCases(root: string, dir = root): DriversCase[] {
  const out: DriversCase[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findDriversCases(root, full));
    else if (entry.name.endsWith(".spec.json")) {
      const expected = full.replace(/\.spec\.json$/, ".expected.json");
      if (fs.existsSync(expected)) out.push({ name: path.relative(root, full).replace(/\.spec\.json$/, ""), dir, spec: full, expected });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

const tables = new Map<string, TextTable>();

/** The `data.csv` of a case folder. */
export function caseTable(dir: string): TextTable {
  let t = tables.get(dir);
  if (!t) {
    t = parseCsvTable(fs.readFileSync(path.join(dir, "data.csv"), "utf8"));
    tables.set(dir, t);
  }
  return t;
}
