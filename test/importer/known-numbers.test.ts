/**
 * Known numbers through the real path: file → ingest() → DuckDB (importDataset) → runCrosstab
 * with declared missing codes. Every expected number is computed here independently, from the
 * raw file with plain papaparse and JS counting; question and option ids are looked up in the
 * import result, never hard-coded.
 */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMemorySink, ingestFile } from "@/lib/ingest";
import type { Dataset } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";
import { runCrosstab } from "@/lib/services/crosstab";
import type { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";
import { datasetsRoot, importIntoMemoryStore } from "./helpers";

type Counts = Record<string, { n: number; count: number }>;

function parseRaw(file: string, delimiter = ","): string[][] {
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  // Google Sheets' TSV is not quoted at all (a `"` is literal): every CRLF line splits into 43 cells
  if (delimiter === "\t") return text.split("\r\n").filter((l) => l !== "").map((l) => l.split("\t"));
  const { data, errors } = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  expect(errors).toEqual([]);
  return data;
}

async function load(rel: string) {
  const { store, dataset, error } = await importIntoMemoryStore(path.join(datasetsRoot, rel));
  if (!dataset) throw error;
  const question = (pred: (q: Question) => boolean, what: string): Question => {
    const q = dataset.questions.find(pred);
    if (!q) throw new Error(`no question ${what} among ${dataset.questions.map((x) => x.id).join(", ")}`);
    return q;
  };
  const optionCode = (q: Question, label: string) => {
    const o = q.options.find((x) => x.label === label);
    if (!o) throw new Error(`no option ${label} in ${q.id}: ${q.options.map((x) => x.label).join(" | ")}`);
    return o.code;
  };
  return { store, dataset, question, optionCode };
}

type Loaded = Awaited<ReturnType<typeof load>>;

/** `rel` imported into a memory store and parsed raw, once for the calling suite (closed after it). */
function loadForSuite(rel: string, delimiter: string, onLoad: (loaded: { ctx: Loaded; raw: string[][] }) => void): void {
  let ctx: Loaded | undefined;
  beforeAll(async () => {
    ctx = await load(rel);
    onLoad({ ctx, raw: parseRaw(path.join(datasetsRoot, rel), delimiter) });
  }, 120_000);
  afterAll(() => ctx?.store.close());
}

/** per-segment {n, count} from a proportion crosstab, plus its total */
async function crosstab(store: DuckDbStore, dataset: Dataset, spec: object) {
  const r = await runCrosstab(store, dataset, spec, { missing: "declared" });
  if (r.statistic !== "proportion") throw new Error("expected a proportion crosstab");
  const bySegment: Counts = Object.fromEntries(r.segments.map((s) => [s.segment, { n: s.n, count: s.count }]));
  return { bySegment, total: { n: r.total.n, count: r.total.count }, result: r };
}

const sumCounts = (c: Counts) => Object.values(c).reduce((a, b) => ({ n: a.n + b.n, count: a.count + b.count }), { n: 0, count: 0 });

describe("Stack Overflow 2019: share using Python among LanguageWorkedWith respondents, by WorkLoc", () => {
  const rel = "microdata/stackoverflow/so-2019-survey-results-21col-subset.csv";
  let ctx: Loaded;
  let raw: string[][];
  loadForSuite(rel, ",", (loaded) => ({ ctx, raw } = loaded));

  test("the independent count agrees with the figures in SOURCES.md", () => {
    const [header, ...rows] = raw;
    expect(rows).toHaveLength(88_883);
    const lang = header.indexOf("LanguageWorkedWith");
    // SOURCES.md: "a substring test for `Java` matches 70,113 rows, a token test 35,917"
    expect(rows.filter((r) => r[lang].includes("Java")).length).toBe(70_113);
    expect(rows.filter((r) => r[lang].split(";").includes("Java")).length).toBe(35_917);
    // SOURCES.md: "Missing = the string `NA` (230,733 cells)"
    expect(rows.reduce((s, r) => s + r.filter((c) => c === "NA").length, 0)).toBe(230_733);
  });

  test("Python share by WorkLoc reproduces through DuckDB", async () => {
    const [header, ...rows] = raw;
    const lang = header.indexOf("LanguageWorkedWith");
    const loc = header.indexOf("WorkLoc");
    const expected: Counts = {};
    for (const r of rows) {
      if (r[lang] === "NA" || r[loc] === "NA") continue;
      const e = (expected[r[loc]] ??= { n: 0, count: 0 });
      e.n++;
      if (r[lang].split(";").includes("Python")) e.count++;
    }
    const { dataset, store, question, optionCode } = ctx;
    const languages = question((q) => q.id === "LanguageWorkedWith", "LanguageWorkedWith");
    const workLoc = question((q) => q.id === "WorkLoc", "WorkLoc");
    const { bySegment, total } = await crosstab(store, dataset, { outcome: languages.id, outcome_category: optionCode(languages, "Python"), segment: workLoc.id });
    expect(bySegment).toEqual(expected);
    expect(total).toEqual(sumCounts(expected));
    // pinned after checking they equal the independent count above
    expect(expected).toEqual({
      Office: { n: 40_410, count: 16_043 },
      Home: { n: 23_152, count: 8_780 },
      "Other place, such as a coworking space or cafe": { n: 6_137, count: 2_508 },
    });
  });

  test("the Java token count (35,917 in SOURCES.md) reproduces as a crosstab total, not the 70,113 substring count", async () => {
    const { dataset, store, question, optionCode } = ctx;
    const languages = question((q) => q.id === "LanguageWorkedWith", "LanguageWorkedWith");
    const { total } = await crosstab(store, dataset, {
      outcome: languages.id,
      outcome_category: optionCode(languages, "Java"),
      segment: "WorkLoc",
      missing_segment: "include_in_total",
    });
    expect(total.count).toBe(35_917);
    expect(languages.options.find((o) => o.label === "Java")?.count).toBe(35_917);
  });
});

describe("Jupyter 2020 (SurveyMonkey, flattened): JupyterLab share", () => {
  const rel = "vendor-exports/surveymonkey/jupyter-2020-survey-all-responses.csv";
  let ctx: Loaded;
  let raw: string[][];
  loadForSuite(rel, ",", (loaded) => ({ ctx, raw } = loaded));

  test("question 5 (tools, one column per option), option JupyterLab, by question 1 (frequency of use)", async () => {
    const [header, ...rows] = raw;
    expect(rows).toHaveLength(1135);
    const toolCols = header.flatMap((h, i) => (h.startsWith("5. ") ? [i] : []));
    const lab = header.indexOf("5. JupyterLab.");
    const freq = header.indexOf("1. How frequently do you use Jupyter?");
    expect(toolCols).toHaveLength(13);
    const expected: Counts = {};
    let labAll = 0;
    for (const r of rows) {
      if (r[lab] !== "") labAll++;
      if (!toolCols.some((i) => r[i] !== "") || r[freq] === "") continue;
      const e = (expected[r[freq]] ??= { n: 0, count: 0 });
      e.n++;
      if (r[lab] !== "") e.count++;
    }
    const { dataset, store, question, optionCode } = ctx;
    const tools = question((q) => q.type === "multi" && q.options.some((o) => o.label === "JupyterLab."), "with option JupyterLab.");
    expect(tools).toMatchObject({ id: "5", multi: { layout: "columns" } });
    expect(tools.columns).toHaveLength(13);
    const frequency = question((q) => dataset.columns.find((c) => c.name === q.columns[0])?.headers[0] === "1. How frequently do you use Jupyter?", "1");
    const { bySegment, total } = await crosstab(store, dataset, { outcome: tools.id, outcome_category: optionCode(tools, "JupyterLab."), segment: frequency.id });
    expect(bySegment).toEqual(expected);
    expect(total).toEqual(sumCounts(expected));
    expect(labAll).toBe(624);
    expect(tools.options.find((o) => o.label === "JupyterLab.")?.count).toBe(624);
    expect(tools.answered).toBe(1128);
  });
});

describe("R community 2018 (Google Forms TSV): ', '-joined checkboxes whose options contain ', '", () => {
  const rel = "vendor-exports/google-forms/rstudio-r-community-2018-english-form-responses.tsv";
  const commandLine = "R Command Line (i.e., the native R terminal interface)";
  let ctx: Loaded;
  let raw: string[][];
  loadForSuite(rel, "\t", (loaded) => ({ ctx, raw } = loaded));

  const toolsHeader = (h: string) => h.startsWith("Which tools do you use with your R applications");

  test("the option is kept whole (a naive ', ' split would cut it after 'i.e.')", () => {
    const [header, ...rows] = raw;
    expect(rows).toHaveLength(3062);
    const tools = header.findIndex(toolsHeader);
    const bySubstring = rows.filter((r) => r[tools].includes(commandLine)).length;
    const naivePiece = rows.filter((r) => r[tools].split(", ").includes("R Command Line (i.e.")).length;
    expect(bySubstring).toBe(887);
    expect(naivePiece).toBe(887); // the naive split produces a bogus "R Command Line (i.e." option
    const q = ctx.question((x) => x.columns[0] === `c${tools}`, "tools");
    expect(q).toMatchObject({ type: "multi", multi: { layout: "delimited", delimiter: ", " } });
    expect(q.options.find((o) => o.label === commandLine)?.count).toBe(887);
    expect(q.options.some((o) => o.label.startsWith("R Command Line (i.e.") && o.label !== commandLine)).toBe(false);
  });

  test.each([
    ["R Command Line (i.e., the native R terminal interface)"],
    ["Python"],
    ["RStudio Desktop (IDE)"],
  ])("tools option %s by level of R experience", async (option) => {
    const [header, ...rows] = raw;
    const tools = header.findIndex(toolsHeader);
    const exp = header.findIndex((h) => h.startsWith("How would you rate your level of experience using R"));
    const expected: Counts = {};
    for (const r of rows) {
      if (r[tools] === "" || r[exp] === "") continue;
      const e = (expected[r[exp]] ??= { n: 0, count: 0 });
      e.n++;
      // independent rule: none of these options is a ", "-bounded piece of another option, so the
      // option is chosen when the cell contains it at a ", " boundary (or the cell is the option)
      const cell = r[tools];
      if (cell === option || cell.startsWith(option + ", ") || cell.endsWith(", " + option) || cell.includes(", " + option + ", ")) e.count++;
    }
    const { dataset, store, question, optionCode } = ctx;
    const q = question((x) => x.columns[0] === `c${tools}`, "tools");
    const segment = question((x) => x.columns[0] === `c${exp}`, "experience");
    expect(segment.type).toBe("single");
    const { bySegment, total } = await crosstab(store, dataset, { outcome: q.id, outcome_category: optionCode(q, option), segment: segment.id });
    expect(bySegment).toEqual(expected);
    expect(total).toEqual(sumCounts(expected));
  });

  test("multi-select option counts equal the independent per-option counts", () => {
    const [header, ...rows] = raw;
    const tools = header.findIndex(toolsHeader);
    const q = ctx.question((x) => x.columns[0] === `c${tools}`, "tools");
    for (const o of q.options.slice(0, 12)) {
      const n = rows.filter((r) => (", " + r[tools] + ", ").includes(", " + o.label + ", ")).length;
      expect([o.label, o.count]).toEqual([o.label, n]);
    }
  });

  test("a single choice whose labels contain ', ' is not split into a multi-select", () => {
    const [header] = raw;
    const degree = header.findIndex((h) => h.startsWith("What is the highest degree or level of school"));
    const q = ctx.question((x) => x.columns[0] === `c${degree}`, "degree");
    expect(q.type).toBe("single");
    expect(q.options.map((o) => o.label)).toContain("Some college or university, no college degree");
  });
});

describe("ODK select_multiple through DuckDB: quoted lists (SAFI) and space-separated names", () => {
  test("SAFI items_owned (`['bicycle' ;  'radio']`) option shares by village", async () => {
    const rel = "vendor-exports/odk/datacarpentry-safi-full-shortname-nogps.csv";
    const [header, ...rows] = parseRaw(path.join(datasetsRoot, rel));
    const items = header.indexOf("items_owned");
    const village = header.indexOf("village");
    // independent reading of the quoted list: the text between each pair of single quotes
    const listOf = (cell: string) => [...cell.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    const { store, dataset, question, optionCode } = await load(rel);
    try {
      const q = question((x) => x.id === "items_owned", "items_owned");
      expect(q.multi).toMatchObject({ layout: "delimited", delimiter: "'" });
      for (const option of ["bicycle", "mobile_phone", "cow_plough", "computer"]) {
        const expected: Counts = {};
        for (const r of rows) {
          if (r[items] === "" || r[village] === "") continue;
          const e = (expected[r[village]] ??= { n: 0, count: 0 });
          e.n++;
          if (listOf(r[items]).includes(option)) e.count++;
        }
        const { bySegment } = await crosstab(store, dataset, { outcome: q.id, outcome_category: optionCode(q, option), segment: "village" });
        expect(bySegment).toEqual(expected);
      }
    } finally {
      await store.close();
    }
  });

  test("space-separated select_multiple (synthetic ODK): counts per village", async () => {
    const { store, dataset, question, optionCode } = await load("vendor-exports/synthetic/odk-select-multiple-space.csv");
    try {
      const q = question((x) => x.id === "items_owned", "items_owned");
      expect(q.multi).toMatchObject({ layout: "delimited", delimiter: " " });
      // by hand from the 10 rows (row 10 has no answer): ruaca HH001 HH002 HH007 HH009, god HH003 HH004 HH008, chirodzo HH005 HH006
      const { bySegment } = await crosstab(store, dataset, { outcome: q.id, outcome_category: optionCode(q, "radio"), segment: "village" });
      expect(bySegment).toEqual({ ruaca: { n: 4, count: 3 }, god: { n: 3, count: 1 }, chirodzo: { n: 2, count: 1 } });
    } finally {
      await store.close();
    }
  });
});

describe("default filters applied as crosstab filters (synthetic Qualtrics with preview, test and unfinished responses)", () => {
  test("the proposed filters keep the 5 real, finished responses", async () => {
    const { store, dataset } = await load("vendor-exports/synthetic/qualtrics-preview-unfinished.csv");
    try {
      const result = await ingestFile(path.join(datasetsRoot, "vendor-exports/synthetic/qualtrics-preview-unfinished.csv"), createMemorySink(0));
      const filters = Object.fromEntries((result.defaultFilters ?? []).map((f) => [f.question, f.values]));
      expect(filters).toEqual({ Status: ["0"], Finished: ["1"] });
      const q2 = dataset.questions.find((q) => q.id === "Q2")!;
      const reports = q2.options.find((o) => o.label === "Reports")!.code;
      const all = await crosstab(store, dataset, { outcome: "Q2", outcome_category: reports, segment: "Finished", missing_segment: "include_in_total" });
      const real = await crosstab(store, dataset, { outcome: "Q2", outcome_category: reports, segment: "Finished", filters });
      // Reports ticked by R_preview0000001, R_…01, R_…02, R_…05; answered Q2: 7 of 8 (R_…04 is blank)
      expect(all.total).toEqual({ n: 7, count: 4 });
      expect(real.total).toEqual({ n: 5, count: 3 });
    } finally {
      await store.close();
    }
  });
});
