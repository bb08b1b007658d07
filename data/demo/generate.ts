/**
 * Writes the synthetic demo datasets, their question overrides and the manifest into data/demo:
 * `npx tsx data/demo/generate.ts`. Deterministic: re-running gives byte-identical files.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDemoFiles } from "./build-files";

const here = dirname(fileURLToPath(import.meta.url));
for (const [name, contents] of Object.entries(buildDemoFiles())) {
  writeFileSync(join(here, name), contents, "utf8");
  console.log(`wrote data/demo/${name} (${Buffer.byteLength(contents)} bytes)`);
}
