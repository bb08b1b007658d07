import fs from "node:fs";
import path from "node:path";
import { runCrosstab } from "@/lib/services/crosstab";
import { importDataset } from "@/lib/services/import-dataset";
import { toRScript } from "@/lib/stats/r-script";
import { crosstabSpecSchema } from "@/lib/schema/crosstab-spec";
import { openMemoryStore } from "@/lib/store";
import { parseCommandArgs } from "../args";

/**
 * `crosstab --data FILE --spec SPEC.json [--emit json|r]`: load a plain file into an in-memory
 * store through the real ingest path and print the crosstab JSON (golden-case contract: names
 * are column headers; only an empty cell is missing).
 */
export async function crosstabCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    data: { type: "string" },
    spec: { type: "string" },
    emit: { type: "string" },
    encoding: { type: "string" },
  });
  if (!values.data || !values.spec) throw new Error("usage: crosstab --data FILE --spec SPEC.json [--emit json|r]");
  for (const f of [values.data, values.spec]) if (!fs.existsSync(f)) throw new Error(`file not found: ${f}`);
  const specJson: unknown = JSON.parse(fs.readFileSync(values.spec, "utf8"));
  if (values.emit === "r") {
    process.stdout.write(toRScript(crosstabSpecSchema.parse(specJson), path.basename(values.data)));
    return 0;
  }
  if (values.emit && values.emit !== "json") throw new Error(`unknown --emit: ${values.emit}`);
  const store = await openMemoryStore();
  try {
    const dataset = await importDataset(store, {
      meta: { id: "cli", name: path.basename(values.data), owner: "cli", fileName: values.data },
      source: fs.createReadStream(values.data),
      path: values.data,
      options: { encoding: values.encoding, format: "microdata" },
    });
    const result = await runCrosstab(store, dataset, specJson, { missing: "raw" });
    process.stdout.write(JSON.stringify(result, null, 2) + "\n");
    return 0;
  } finally {
    await store.close();
  }
}
