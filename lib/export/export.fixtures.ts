/** Shared inputs for the lib/export tests (not exported from the module index). */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { SaxesParser } from "saxes";
import type { BreakdownRow } from "@/lib/analysis/breakdown-rows";

const generated = path.resolve(__dirname, "../../test/fixtures/csv-edge-cases/generated");

/** A generated fixture parsed as arrays (header row first). */
export function readFixture(name: string): string[][] {
  const parsed = Papa.parse<string[]>(fs.readFileSync(path.join(generated, name), "utf8"), { header: false, skipEmptyLines: "greedy" });
  if (parsed.errors.length) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}

/** Every hostile string in formula-injection.csv (comment column) and xss-labels.csv (all cells). */
export function hostileStrings(): { formulas: string[]; xss: string[] } {
  const formulas = readFixture("formula-injection.csv").slice(1).map((r) => r[1]);
  const xss = readFixture("xss-labels.csv").flat().filter((c) => !/^(id|\d+)$/.test(c));
  return { formulas, xss };
}

/** C7's property: a cell a spreadsheet could evaluate. */
export const UNSAFE_CELL = /^[\s"]*[=+\-@|%\t\r\0]/;

export function row(over: Partial<BreakdownRow> & { label: string }): BreakdownRow {
  return {
    key: over.label,
    isTotal: false,
    n: 420,
    hidden: null,
    weightedN: 401.7,
    effectiveN: 350.2,
    estimate: 0.7412,
    ci: [0.7, 0.78],
    ciMethod: "logit (survey)",
    lowBase: false,
    letter: "",
    sigText: "",
    marks: [],
    ...over,
  };
}

/** A breakdown with hostile segment labels, a low-base segment, an empty segment and the total. */
export function sampleRows(): BreakdownRow[] {
  return [
    row({ key: "s0", label: "=1+2", letter: "A", sigText: "C" }),
    row({ key: "s1", label: "<img src=x onerror=alert(1)>", letter: "B", estimate: 0.5, ci: [0.41, 0.59], n: 80, weightedN: 77.31, effectiveN: 60.4 }),
    row({ key: "s2", label: "Legal", letter: "C", estimate: 0.2, ci: [0.05, 0.5], n: 9, weightedN: 8.5, effectiveN: 7.9, lowBase: true }),
    row({ key: "s3", label: "Nobody", letter: "D", estimate: null, ci: null, n: 0, weightedN: 0, effectiveN: null, lowBase: true }),
    row({ key: "total", label: "Total", isTotal: true, n: 1571, weightedN: 1571, effectiveN: 1302.6 }),
  ];
}

/** Parse XML strictly; returns element names, attribute names and text nodes. Throws on malformed XML. */
export function parseXml(xml: string): { elements: string[]; attributes: string[]; texts: string[] } {
  const elements: string[] = [];
  const attributes: string[] = [];
  const texts: string[] = [];
  const parser = new SaxesParser();
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    elements.push(tag.name);
    attributes.push(...Object.keys(tag.attributes));
  });
  parser.on("text", (t) => texts.push(t));
  parser.write(xml).close();
  return { elements, attributes, texts };
}
