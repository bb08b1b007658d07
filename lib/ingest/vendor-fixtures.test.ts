import path from "node:path";
import { describe, expect, test } from "vitest";
import type { Question } from "@/lib/schema/question";
import { ingestFile } from "./ingest-file";
import { createMemorySink } from "./memory-sink";

// Respondent and column counts below come from test/fixtures/datasets/SOURCES.md ("rows x cols").
const root = path.resolve(__dirname, "../../test/fixtures/datasets");

async function load(file: string) {
  const sink = createMemorySink(3);
  const result = await ingestFile(path.join(root, file), sink);
  const byId = (id: string): Question => {
    const q = result.questions.find((x) => x.id === id);
    if (!q) throw new Error(`no question ${id} in ${result.questions.map((x) => x.id).join(", ")}`);
    return q;
  };
  const byHeader = (start: string): Question => {
    const col = result.columns.find((c) => c.headers.some((h) => h.startsWith(start)));
    const q = col && result.questions.find((x) => x.columns.includes(col.name));
    if (!q) throw new Error(`no question over a column headed ${start}`);
    return q;
  };
  const ids = result.questions.map((q) => q.id.toLowerCase());
  expect(new Set(ids).size).toBe(ids.length);
  expect(sink.beginCalls).toBe(1);
  return { result, byId, byHeader };
}

describe("Qualtrics exports", () => {
  test("qualtRics sample: 3 header rows, German question text, metadata by ImportId", async () => {
    const { result, byId } = await load("vendor-exports/qualtrics/qualtrics-r-sample.csv");
    expect(result).toMatchObject({ format: "qualtrics", headerRows: 3, respondents: 1 });
    expect(result.columns).toHaveLength(20);
    expect(byId("StartDate").type).toBe("date");
    expect(byId("ResponseId").type).toBe("id");
    expect(byId("Duration_in_seconds").type).toBe("metadata");
    expect(byId("Duration_in_seconds").label).toBe("Dauer (in Sekunden)");
    expect(byId("Q2").type).toBe("text");
    expect(byId("Q1").options.map((o) => o.code)).toEqual(["2"]);
  });

  test("qualtRics legacy sample: 2 header rows, BOM, trailing empty column without a question", async () => {
    const { result, byId } = await load("vendor-exports/qualtrics/qualtrics-r-sample-legacy.csv");
    expect(result).toMatchObject({ format: "qualtrics-legacy", headerRows: 2, respondents: 1 });
    expect(result.columns).toHaveLength(16);
    expect(result.columns[0].headers).toEqual(["V1", "ResponseID"]);
    expect(byId("ResponseID").type).toBe("id");
    expect(byId("StartDate").type).toBe("date");
    expect(result.questions).toHaveLength(15);
  });

  test("QualtricsTools long exhaustive survey: python-dict ImportIds, _TEXT sidecars, duplicate tags", async () => {
    const { result, byId } = await load("vendor-exports/qualtrics/qualtricstools-long-exhaustive-sample-survey.csv");
    expect(result).toMatchObject({ format: "qualtrics", headerRows: 3, respondents: 31 });
    expect(result.columns).toHaveLength(367);
    expect(byId("Q6_TEXT").type).toBe("text");
    expect(byId("ResponseID").type).toBe("id");
  });

  test("QualtricsTools sample survey: one-column-per-option multi-selects", async () => {
    const { result, byId } = await load("vendor-exports/qualtrics/qualtricstools-sample-survey-insights.csv");
    expect(result).toMatchObject({ format: "qualtrics", headerRows: 3, respondents: 5 });
    expect(result.columns).toHaveLength(190);
    const q2 = byId("Q2");
    expect(q2.type).toBe("multi");
    expect(q2.multi?.layout).toBe("columns");
    expect(q2.columns).toHaveLength(3);
    expect(q2.options.every((o) => o.column && o.count <= 5)).toBe(true);
    expect(byId("fruits").type).toBe("single");
  });

  test.each([
    ["qualtricstools-multiple-answer-matrix-insights.csv", "qualtrics", 3, 5, 75],
    ["qualtricstools-multiple-answer-matrix-legacy.csv", "qualtrics-legacy", 2, 5, 75],
    ["qualtricstools-side-by-side-insights.csv", "qualtrics", 3, 25, 71],
    ["qualtricstools-side-by-side-legacy.csv", "qualtrics-legacy", 2, 25, 71],
  ])("%s: %s, %i header rows, %i respondents", async (file, format, headerRows, respondents, width) => {
    const { result } = await load(`vendor-exports/qualtrics/${file}`);
    expect(result).toMatchObject({ format, headerRows, respondents });
    expect(result.columns).toHaveLength(width);
    if (file.includes("matrix")) expect(result.questions.some((q) => q.type === "multi" && q.multi?.layout === "columns")).toBe(true);
  });

  test("a legacy export and its Insights twin give the same kinds of question", async () => {
    const kinds = async (file: string) => {
      const { result } = await load(`vendor-exports/qualtrics/${file}`);
      return result.questions.filter((q) => q.type === "multi").map((q) => q.options.length);
    };
    expect(await kinds("qualtricstools-multiple-answer-matrix-legacy.csv")).toEqual(await kinds("qualtricstools-multiple-answer-matrix-insights.csv"));
  });
});

describe("SurveyMonkey exports", () => {
  test("religion survey: 2 header rows, write-in without a question header, ordered comfort scale", async () => {
    const { result, byHeader } = await load("vendor-exports/surveymonkey/fivethirtyeight-religion-survey.csv");
    expect(result).toMatchObject({ format: "surveymonkey", headerRows: 2, respondents: 1039 });
    expect(result.columns).toHaveLength(48);
    expect(byHeader("What is your present religion").type).toBe("single");
    const writeIn = result.questions.find((q) => q.columns[0] === "c1");
    expect(writeIn?.type).toBe("text");
    const comfort = byHeader("How comfortable do you feel when you: Pray in public with visible");
    expect(comfort.type).toBe("ordinal");
    expect(comfort.options[0].label).toBe("Not at all comfortable");
  });

  test("masculinity survey: weight column, Not-selected multi-selects, NA missing, row-number id", async () => {
    const { result, byId } = await load("vendor-exports/surveymonkey/fivethirtyeight-masculinity-raw-responses.csv");
    expect(result).toMatchObject({ format: "microdata", headerRows: 1, respondents: 1615 });
    expect(result.columns).toHaveLength(98);
    expect(byId("weight").type).toBe("weight");
    expect(byId("StartDate").type).toBe("date");
    expect(result.questions[0].type).toBe("id");
    const q4 = byId("q0004");
    expect(q4).toMatchObject({ type: "multi", multi: { layout: "columns", uncheckedCodes: ["Not selected"] } });
    expect(q4.columns).toHaveLength(6);
    expect(byId("q0001").type).toBe("ordinal");
    expect(byId("q0001").options.map((o) => o.count).reduce((a, b) => a + b, 0)).toBe(byId("q0001").answered);
    expect(byId("q0010").missingCodes).toContain("NA");
  });

  test("thanksgiving (flattened to 1 header row): respondent id, option columns, write-ins", async () => {
    const { result, byId, byHeader } = await load("vendor-exports/surveymonkey/fivethirtyeight-thanksgiving-2015.csv");
    expect(result).toMatchObject({ format: "microdata", headerRows: 1, respondents: 1058 });
    expect(result.columns).toHaveLength(65);
    expect(byId("RespondentID").type).toBe("id");
    const sides = byHeader("Which of these side dishes aretypically served at your Thanksgiving dinner? Please select all that apply. - Carrots");
    expect(sides).toMatchObject({ type: "multi", multi: { layout: "columns" } });
    expect(byHeader("What is typically the main dish at your Thanksgiving dinner? - Other").type).toBe("text");
  });

  test("jupyter 2020 (flattened, numbered headers): 11-digit respondent id and option-label columns", async () => {
    const { result, byId } = await load("vendor-exports/surveymonkey/jupyter-2020-survey-all-responses.csv");
    expect(result).toMatchObject({ format: "microdata", headerRows: 1, respondents: 1135 });
    expect(result.columns).toHaveLength(216);
    expect(byId("Respondent_ID").type).toBe("id");
    const languages = byId("3");
    expect(languages.type).toBe("multi");
    expect(languages.options[0]).toMatchObject({ label: "Python." });
  });
});

describe("Google Forms exports", () => {
  test("R community survey (TSV, CRLF): timestamp, comma-joined checkboxes, 0-10 scale", async () => {
    const { result, byHeader } = await load("vendor-exports/google-forms/rstudio-r-community-2018-english-form-responses.tsv");
    expect(result).toMatchObject({ format: "google-forms", headerRows: 1, respondents: 3062, delimiter: "\t" });
    expect(result.columns).toHaveLength(43);
    expect(result.questions[0].type).toBe("date");
    const tools = byHeader("What computer tools and/or languages");
    expect(tools).toMatchObject({ type: "multi", multi: { layout: "delimited", delimiter: ", " } });
    expect(tools.options.map((o) => o.label)).toContain("Excel");
    expect(byHeader("How likely are you to recommend R").type).toBe("ordinal");
  });

  test("Jupyter 2016 education survey: quoted cells with line breaks, multi-selects", async () => {
    const { result, byHeader } = await load("vendor-exports/google-forms/jupyter-2016-education-survey.csv");
    expect(result).toMatchObject({ format: "google-forms", headerRows: 1, respondents: 125 });
    expect(result.columns).toHaveLength(25);
    expect(byHeader("What field(s) is your course").type).toBe("multi");
  });

  test("Thai developer survey: BOM, Thai timestamp header and Buddhist-era timestamps", async () => {
    const { result } = await load("vendor-exports/google-forms/thai-developer-survey-2019.csv");
    expect(result).toMatchObject({ format: "google-forms", headerRows: 1, respondents: 2389 });
    expect(result.columns).toHaveLength(53);
    expect(result.columns[0].headers[0]).toBe("ประทับเวลา");
    expect(result.questions[0].type).toBe("date");
  });
});

describe("other vendors and microdata", () => {
  test("Alchemer (SurveyGizmo): every field quoted, status counts", async () => {
    const { result, byId } = await load("vendor-exports/surveygizmo/jupyter-2015-notebook-ux-surveyexport.csv");
    expect(result).toMatchObject({ format: "alchemer", headerRows: 1, respondents: 1706 });
    expect(result.columns).toHaveLength(37);
    expect(byId("Time_Started").type).toBe("date");
  });

  test("ODK (SAFI): instanceID and ISO timestamps", async () => {
    const { result, byId } = await load("vendor-exports/odk/datacarpentry-safi-full-shortname-nogps.csv");
    expect(result).toMatchObject({ format: "odk", headerRows: 1, respondents: 131 });
    expect(result.columns).toHaveLength(61);
    expect(byId("instanceID").type).toBe("id");
    expect(byId("start").type).toBe("date");
  });

  test("NHANES microdata: weight, design columns and NA", async () => {
    const { result, byId } = await load("microdata/r-packages/survey-nhanes.csv");
    expect(result).toMatchObject({ format: "microdata", headerRows: 1, respondents: 8591 });
    expect(byId("WTMEC2YR").type).toBe("weight");
    expect(byId("HI_CHOL").missingCodes).toEqual(["NA"]);
  });

  test("Stack Overflow 2019: semicolon multi-selects and an empty unnamed column", async () => {
    const { result, byId } = await load("microdata/stackoverflow/so-2019-survey-results-21col-subset.csv");
    expect(result).toMatchObject({ format: "microdata", headerRows: 1, respondents: 88883 });
    expect(result.columns).toHaveLength(21);
    expect(result.questions).toHaveLength(20);
    const languages = byId("LanguageWorkedWith");
    expect(languages).toMatchObject({ type: "multi", multi: { layout: "delimited", delimiter: ";" }, missingCodes: ["NA"] });
    expect(languages.options.find((o) => o.label === "Java")?.count).toBeLessThan(70113);
    expect(byId("Gender").type).toBe("multi");
    expect(byId("OpSys").type).toBe("single");
  }, 30_000);
});
