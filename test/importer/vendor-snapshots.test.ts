/**
 * The CLI-shaped `describeImport` key numbers for every file under
 * test/fixtures/datasets/vendor-exports/** (a new file there fails "every file has an entry").
 *
 * How the numbers were checked (not copied from output):
 * - respondents and header rows: SOURCES.md "rows x cols" tables (synthetic/: by counting lines).
 * - the `options` counts below: recounted from the raw files with Python's csv module (or a plain
 *   CRLF/TAB split for the unquoted Google Sheets TSV, `ast.literal_eval` for SAFI's quoted lists);
 *   every listed count matched.
 * - `types` (questions per type): verified column by column for qualtrics-r-sample (20 columns:
 *   3 dates, ResponseId, Q1 single, Q2 + "Q2 - Topics" text, 13 metadata), its legacy twin (15:
 *   V1 id, V8/V9 dates, Q1, Q2, 10 metadata, trailing empty column dropped) and the synthetic
 *   files; for the larger files they are pinned regression values (spot-checked, not column by column).
 * lib/ingest/vendor-fixtures.test.ts already asserts column counts and per-dialect quirks; not repeated.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { createMemorySink, describeImport, ingestFile, type ImportDescription } from "@/lib/ingest";
import { datasetsRoot } from "./helpers";

const root = path.join(datasetsRoot, "vendor-exports");

interface Expected {
  format: string;
  headerRows: number;
  respondents: number;
  types: Record<string, number>;
  /** question (by id, or by a prefix of its label when `byLabel`) → its options' label → count */
  options: { id?: string; labelStarts?: string; type: string; answered?: number; counts: Record<string, number> }[];
  defaultFilters?: ImportDescription["defaultFilters"];
  warnings?: string[];
}

const EXPECTED: Record<string, Expected> = {
  "google-forms/jupyter-2016-education-survey.csv": {
    format: "google-forms",
    headerRows: 1,
    respondents: 125,
    // "Approximately how many students" is a band scale (Less than 10 … More than 500): ordinal since issue 18
    types: { date: 1, text: 12, single: 2, ordinal: 1, multi: 9 },
    options: [
      {
        labelStarts: "Approximately how many students",
        type: "ordinal",
        counts: { "10 - 25": 50, "25 - 50": 35, "50 - 100": 13, "Less than 10": 9, "250 - 500": 7, "More than 500": 6, "100 - 250": 5 },
      },
      { labelStarts: "Please indicate which of the following Jupyter", type: "multi", counts: { "Jupyter notebook": 123, nbgrader: 13 } },
    ],
  },
  "google-forms/rstudio-r-community-2018-english-form-responses.tsv": {
    format: "google-forms",
    headerRows: 1,
    respondents: 3062,
    types: { date: 1, single: 19, text: 8, multi: 7, numeric: 3, ordinal: 4 },
    options: [
      { labelStarts: "How would you rate your level of experience using R", type: "single", counts: { Intermediate: 1745, Expert: 693, Beginner: 569, None: 53 } },
      {
        labelStarts: "What is the highest degree",
        type: "single",
        counts: { "One or more graduate courses, no graduate degree": 139, "Some college or university, no college degree": 71, "Doctorate (e.g. PhD, EdD)": 956 },
      },
      { labelStarts: "Which tools do you use with your R applications", type: "multi", counts: { "R Command Line (i.e., the native R terminal interface)": 887 } },
    ],
  },
  "google-forms/thai-developer-survey-2019.csv": {
    format: "google-forms",
    headerRows: 1,
    respondents: 2389,
    // the 30 `[Language]` grid columns (9-38) are one tick-box grid: every row a ";" multi of the
    // same two levels (was 24 single + 6 multi before grid rows were aligned)
    types: { date: 1, single: 15, text: 5, multi: 32 },
    options: [
      { id: "Assembly", type: "multi", counts: { "ระดับพื้นฐาน": 492, "ระดับชำนาญ ทำงานได้อย่างคล่องแคล่ว": 50 } },
      {
        id: "อายุ",
        type: "single",
        counts: { "21 - 25 ปี": 892, "26 - 30 ปี": 512, "18 - 20 ปี": 292, "31 - 35 ปี": 265, "ต่ำกว่า 18 ปี": 157, "36 - 40 ปี": 145, "41 - 50 ปี": 109, "มากกว่า 50 ปี": 17 },
      },
    ],
  },
  "odk/datacarpentry-safi-full-shortname-nogps.csv": {
    format: "odk",
    headerRows: 1,
    respondents: 131,
    types: { id: 2, date: 3, numeric: 6, single: 31, text: 6, ordinal: 6, multi: 7 },
    options: [
      { id: "village", type: "single", counts: { Ruaca: 49, God: 43, Chirodzo: 39 } },
      // `['bicycle' ;  'television']` quoted lists: 121 answered, 17 distinct items
      { id: "items_owned", type: "multi", answered: 121, counts: { bicycle: 60, mobile_phone: 86, computer: 2 } },
    ],
  },
  "qualtrics/qualtrics-r-sample-legacy.csv": {
    format: "qualtrics-legacy",
    headerRows: 2,
    respondents: 1,
    types: { id: 1, metadata: 10, date: 2, single: 1, text: 1 },
    options: [{ id: "Q1", type: "single", counts: { "2": 1 } }],
  },
  "qualtrics/qualtrics-r-sample.csv": {
    format: "qualtrics",
    headerRows: 3,
    respondents: 1,
    types: { date: 3, metadata: 13, id: 1, single: 1, text: 2 },
    options: [{ id: "Q1", type: "single", counts: { "2": 1 } }],
  },
  "qualtrics/qualtricstools-long-exhaustive-sample-survey.csv": {
    format: "qualtrics",
    headerRows: 3,
    respondents: 31,
    types: { id: 1, metadata: 11, date: 2, single: 16, numeric: 29, text: 35, multi: 55, ordinal: 32 },
    options: [{ id: "Q2", type: "single", counts: { "1": 5, "2": 4, "3": 2, "4": 1, "5": 5, "6": 5, "7": 9 } }],
    // every response is a Survey Test (Status 2): no filter that would empty the dataset
    warnings: ["default-filter-skipped"],
  },
  "qualtrics/qualtricstools-multiple-answer-matrix-insights.csv": {
    format: "qualtrics",
    headerRows: 3,
    respondents: 5,
    types: { id: 1, metadata: 11, date: 2, multi: 15, text: 1 },
    options: [
      {
        id: "Q2_1",
        type: "multi",
        counts: { "Click to write Scale point 1": 2, "Click to write Scale point 2": 2, "Click to write Scale point 3": 3, "Click to write Scale point 4": 4 },
      },
    ],
    warnings: ["default-filter-skipped"],
  },
  "qualtrics/qualtricstools-multiple-answer-matrix-legacy.csv": {
    format: "qualtrics-legacy",
    headerRows: 2,
    respondents: 5,
    types: { id: 1, metadata: 10, date: 2, multi: 15, text: 1 },
    options: [
      {
        id: "Q2_1",
        type: "multi",
        counts: { "Click to write Scale point 1": 2, "Click to write Scale point 2": 2, "Click to write Scale point 3": 3, "Click to write Scale point 4": 4 },
      },
    ],
    warnings: ["default-filter-skipped"],
  },
  "qualtrics/qualtricstools-sample-survey-insights.csv": {
    format: "qualtrics",
    headerRows: 3,
    respondents: 5,
    types: { id: 1, metadata: 11, date: 2, single: 4, multi: 28, ordinal: 30, text: 28, numeric: 18 },
    options: [
      { id: "fruits", type: "single", counts: { "1": 1, "2": 2, "3": 2 } },
      { id: "Q2", type: "multi", counts: { Oranges: 5, Blueberries: 4, Strawberries: 5 } },
    ],
    warnings: ["duplicate-header", "default-filter-skipped"],
  },
  "qualtrics/qualtricstools-side-by-side-insights.csv": {
    format: "qualtrics",
    headerRows: 3,
    respondents: 25,
    types: { id: 1, metadata: 11, date: 2, ordinal: 39, text: 12, multi: 3 },
    options: [{ id: "Q1#1_1", type: "ordinal", counts: { "1": 9, "2": 16 } }],
    warnings: ["duplicate-header", "default-filter-skipped"],
  },
  "qualtrics/qualtricstools-side-by-side-legacy.csv": {
    format: "qualtrics-legacy",
    headerRows: 2,
    respondents: 25,
    types: { id: 1, metadata: 10, date: 2, ordinal: 39, text: 12, multi: 3 },
    options: [{ id: "Q1#1_1", type: "ordinal", counts: { "1": 9, "2": 16 } }],
    warnings: ["default-filter-skipped"],
  },
  "surveygizmo/jupyter-2015-notebook-ux-surveyexport.csv": {
    format: "alchemer",
    headerRows: 1,
    respondents: 1706,
    types: { date: 2, metadata: 1, single: 5, text: 28, multi: 1 },
    options: [
      { labelStarts: "How often do you use Jupyter Notebook", type: "single", counts: { Daily: 530, Weekly: 392, Monthly: 111, "Less often than monthly": 58 } },
    ],
    // SOURCES.md: Status = Complete (779) / Partial (927)
    defaultFilters: [{ question: "Status", values: ["Complete"], reason: "excludes 927 partial, disqualified and test responses (Alchemer Status)" }],
  },
  "surveymonkey/fivethirtyeight-masculinity-raw-responses.csv": {
    format: "microdata",
    headerRows: 1,
    respondents: 1615,
    // issue 18: age3 bands ordinal; "No answer" is a non-substantive answer (a missing code listed apart), not an option
    types: { id: 1, date: 2, ordinal: 5, multi: 9, single: 31, weight: 1 },
    options: [
      { id: "q0001", type: "ordinal", answered: 1601, counts: { "Somewhat masculine": 826, "Very masculine": 612, "Not very masculine": 131, "Not at all masculine": 32 } },
      {
        id: "q0004",
        type: "multi",
        counts: { "Father or father figure(s)": 1109, "Mother or mother figure(s)": 655, "Other family members": 564, "Pop culture": 303, Friends: 559, "Other (please specify)": 329 },
      },
    ],
  },
  "surveymonkey/fivethirtyeight-religion-survey.csv": {
    format: "surveymonkey",
    headerRows: 2,
    respondents: 1039,
    // issue 18: "Do you attend religious services" (Never < Less than weekly < Weekly or more), income bands and
    // age bands are ordered scales; "I don't do this" is set apart from the comfort scales
    types: { single: 14, text: 1, ordinal: 33 },
    options: [{ labelStarts: "Do you consider yourself to be an evangelical", type: "single", counts: { No: 762, Yes: 158 } }],
  },
  "surveymonkey/fivethirtyeight-thanksgiving-2015.csv": {
    format: "microdata",
    headerRows: 1,
    respondents: 1058,
    // issue 18: age bands, income bands and the kids' table age cutoff (10 or younger … 21 or older) are ordered
    types: { id: 1, single: 17, text: 7, multi: 3, ordinal: 3 },
    options: [
      { labelStarts: "Do you celebrate Thanksgiving", type: "single", counts: { Yes: 980, No: 78 } },
      { labelStarts: "What is typically the main dish", type: "single", counts: { Turkey: 859, "Ham/Pork": 29, Tofurkey: 20, Turducken: 3 } },
    ],
    warnings: ["duplicate-header"],
  },
  "surveymonkey/jupyter-2020-survey-all-responses.csv": {
    format: "microdata",
    headerRows: 1,
    respondents: 1135,
    // issue 18: frequency scales (Never … Daily), usage-length bands (Less than 6 months … 2+ years) and the
    // "Has Jupyter met your expectations" rows with "Does not apply" set apart are no longer plain singles
    types: { id: 1, single: 27, multi: 10, ordinal: 44, numeric: 1 },
    options: [
      { labelStarts: "1. How frequently do you use Jupyter", type: "single", counts: { "Weekly.": 294, "Monthly.": 129, "I no longer use Jupyter.": 34, "I have never used Jupyter.": 14 } },
      { id: "5", type: "multi", answered: 1128, counts: { "JupyterLab.": 624 } },
    ],
  },
  "synthetic/limesurvey-responses-codes.csv": {
    format: "limesurvey",
    headerRows: 1,
    respondents: 8,
    types: { id: 1, date: 3, metadata: 5, single: 2, multi: 1, text: 2 },
    options: [
      { id: "Q1", type: "single", counts: { A1: 3, A2: 3, A3: 2 } },
      { id: "Q2", type: "multi", answered: 7, counts: { SQ001: 4, SQ002: 4, SQ003: 3 } },
    ],
  },
  "synthetic/odk-select-multiple-space.csv": {
    format: "odk",
    headerRows: 1,
    respondents: 10,
    // issue 18: SurveyCTO's `KEY` is the submission id (was text)
    types: { date: 4, metadata: 1, id: 3, single: 4, multi: 1 },
    options: [{ id: "items_owned", type: "multi", answered: 9, counts: { mobile_phone: 5, radio: 5, bicycle: 4, solar_panel: 3, cow_plough: 2 } }],
  },
  "synthetic/qualtrics-preview-unfinished.csv": {
    format: "qualtrics",
    headerRows: 3,
    respondents: 8,
    types: { date: 3, metadata: 5, id: 1, single: 1, multi: 1 },
    options: [{ id: "Q2", type: "multi", answered: 7, counts: { Reports: 4, Dashboards: 4, Alerts: 4 } }],
    defaultFilters: [
      { question: "Status", values: ["0"], reason: "excludes 2 preview, test and spam responses (Qualtrics Status)" },
      { question: "Finished", values: ["1"], reason: "excludes 1 unfinished responses (Qualtrics Finished = 0)" },
    ],
  },
  "synthetic/typeform-responses.csv": {
    format: "typeform",
    headerRows: 1,
    respondents: 8,
    types: { id: 1, single: 2, multi: 1, text: 1, date: 2, metadata: 1 },
    options: [
      { id: "What_is_your_role", type: "single", counts: { Engineer: 4, Designer: 2, Manager: 2 } },
      { id: "Which_tools_do_you_use", type: "multi", answered: 8, counts: { Slack: 6, Jira: 5, Figma: 3, GitHub: 3 } },
    ],
  },
};

const files = fs
  .readdirSync(root, { recursive: true, encoding: "utf8" })
  .filter((f) => /\.(csv|tsv)$/.test(f))
  .map((f) => f.split(path.sep).join("/"))
  .sort();

describe("vendor exports: describeImport key numbers", () => {
  test("every file has an entry", () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(files)("%s", async (file) => {
    const want = EXPECTED[file];
    const d = describeImport(await ingestFile(path.join(root, file), createMemorySink(0)));
    expect({ format: d.format, headerRows: d.headerRows, respondents: d.respondents }).toEqual({
      format: want.format,
      headerRows: want.headerRows,
      respondents: want.respondents,
    });
    const types: Record<string, number> = {};
    for (const q of d.questions) types[q.type] = (types[q.type] ?? 0) + 1;
    expect(types).toEqual(want.types);
    for (const o of want.options) {
      const q = d.questions.find((x) => (o.id !== undefined ? x.id === o.id : x.label.startsWith(o.labelStarts!)));
      expect(q, `question ${o.id ?? o.labelStarts}`).toBeDefined();
      expect(q!.type).toBe(o.type);
      if (o.answered !== undefined) expect(q!.answered).toBe(o.answered);
      const counts = Object.fromEntries(q!.options.map((x) => [x.label, x.count]));
      expect(counts).toMatchObject(o.counts);
    }
    expect(d.defaultFilters).toEqual(want.defaultFilters);
    expect([...new Set(d.warnings.map((w) => w.code))]).toEqual(want.warnings ?? []);
  }, 60_000);
});
