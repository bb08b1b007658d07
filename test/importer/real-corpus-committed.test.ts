/**
 * Real SPSS system files committed with the repository (test/fixtures/datasets/SOURCES.md,
 * section 5: the PSPP example files from the Debian package pspp 1.6.2-2, GPL-3+), so a clean
 * clone checks them ALWAYS, never skipped: imported through the real path and compared with facts
 * PSPP itself computed (facts/pspp_examples_facts.sps → facts/pspp-examples-output.csv →
 * facts/pspp_examples_facts.py → facts/real-corpus-committed-expected.json).
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { type CorpusFacts, describeCorpus } from "./corpus-checks";
import { datasetsRoot } from "./helpers";

const corpus = path.join(datasetsRoot, "real-corpus-committed");
const expected = JSON.parse(fs.readFileSync(path.join(datasetsRoot, "facts/real-corpus-committed-expected.json"), "utf8")) as Record<string, CorpusFacts>;

test("every committed real file has facts, and every fact its file", () => {
  const files = fs.readdirSync(path.join(corpus, "spss")).filter((f) => f.endsWith(".sav")).map((f) => `spss/${f}`);
  expect(Object.keys(expected).sort()).toEqual(files.sort());
});

describeCorpus(corpus, expected);
