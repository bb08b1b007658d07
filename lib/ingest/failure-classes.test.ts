/**
 * Issue 18's failure classes, each shown by a small synthetic file (inline, or under
 * test/fixtures/issue-18/ with its counts recomputed by Python's csv module).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { Question } from "@/lib/schema/question";
import { ingestBytes } from "./ingest.fixtures";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../../test/fixtures/issue-18", name));
const lines = (header: string, rows: string[]) => [header, ...rows].join("\n") + "\n";
const rep = <T>(items: T[], times: number): T[] => Array.from({ length: times }, () => items).flat();

async function model(input: string | Uint8Array, options: Parameters<typeof ingestBytes>[1] = {}) {
  const { result } = await ingestBytes(input, options);
  const byId = new Map(result.questions.map((q) => [q.id, q]));
  const get = (id: string): Question => {
    const q = byId.get(id);
    if (!q) throw new Error(`no question ${id} in ${[...byId.keys()].join(", ")}`);
    return q;
  };
  return { result, get, byId };
}
const counts = (q: Question) => Object.fromEntries(q.options.map((o) => [o.label, o.count]));
const codes = (q: Question) => q.options.map((o) => o.code);

describe("1. multi-selects", () => {
  test("KoboToolbox: a numeric code chosen alone is counted, 0/1 `Q27/n` columns are one question, system columns are not questions", async () => {
    const { result, get, byId } = await model(fixture("kobo-export.csv"), { fileName: "kobo-export.csv" });
    expect(result.format).toBe("odk");
    const q5 = get("Q5");
    expect(q5.type).toBe("multi");
    expect(q5.multi).toMatchObject({ layout: "delimited", delimiter: " " });
    // python3 csv: 1 → 20 (10 of them alone), 2 → 15, 3 → 25; every one of the 40 rows answered
    expect(counts(q5)).toEqual({ "1": 20, "2": 15, "3": 25 });
    expect(q5.answered).toBe(40);
    // the joined `Q27` beside `Q27/1…3`: one question, read from the split columns
    const q27 = result.questions.filter((q) => q.label.startsWith("Q27") || q.id.startsWith("Q27"));
    expect(q27).toHaveLength(1);
    expect(q27[0]).toMatchObject({ type: "multi", multi: { layout: "columns" }, answered: 40 });
    expect(counts(q27[0])).toEqual({ "1": 20, "2": 25, "3": 20 });
    // free text is not split into words; `Q9` + its follow-up `Q9_1` are two plain questions
    expect(get("occupation").type).not.toBe("multi");
    expect(get("Q9").type).toBe("single");
    expect(get("Q9_1").type).not.toBe("multi");
    for (const id of ["__version__", "_version_", "_status", "_submitted_by", "_validation_status", "_notes", "_tags", "_gps_precision", "audit_URL"]) {
      expect(get(id).type, id).toBe("metadata");
    }
    for (const id of ["_id", "_uuid", "_index", "_gps_latitude", "_gps_longitude", "_gps_altitude", "simserial", "subscriberid", "phonenumber"]) {
      expect(get(id).type, id).toBe("id");
    }
    expect(get("_submission_time").type).toBe("date");
    expect([...byId.values()].filter((q) => q.type === "multi")).toHaveLength(2);
  });

  test("SurveyCTO wide export: the joined column and its `_1…_n` split columns are one question", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => {
      const chosen = [["1"], ["2", "3"], ["1", "3"], ["3"], ["1", "2", "3"]][i % 5];
      const split = ["1", "2", "3"].map((c) => (chosen.includes(c) ? "1" : "0"));
      return `2024-05-0${(i % 9) + 1} 10:00:00,uuid:${i},2405011,${chosen.join(" ")},${split.join(",")}`;
    });
    const { get, result } = await model(lines("SubmissionDate,KEY,formdef_version,assets,assets_1,assets_2,assets_3", rows));
    expect(result.format).toBe("odk");
    const multis = result.questions.filter((q) => q.type === "multi");
    expect(multis).toHaveLength(1);
    expect(counts(multis[0])).toEqual({ "1": 18, "2": 12, "3": 24 });
    expect(get("KEY").type).toBe("id");
    expect(get("formdef_version").type).toBe("metadata");
  });

  test("space-separated free text ('House wife') is not a multi-select even in an ODK file", async () => {
    const jobs = ["House wife", "Farmer", "Small business owner", "Teacher", "House wife", "Retired teacher", "Farmer", "Shop keeper"];
    const { get } = await model(lines("instanceID,occupation", rep(jobs, 5).map((j, i) => `uuid:${i},${j}`)));
    expect(get("occupation").type).toBe("single");
    expect(get("occupation").options.map((o) => o.label)).toContain("House wife");
  });

  test("a Typeform-style run of columns repeating the question title stays one question", async () => {
    const rows = rep(["a1,Python,R,", "a2,,R,Julia", "a3,Python,,"], 4).map((r, i) => r.replace(/^a\d/, `t${i}`));
    const { result } = await model(lines("#,Tools?,Tools?,Tools?,Submit Date (UTC)", rows.map((r) => `${r},2024-01-01 10:00:00`)));
    expect(result.format).toBe("typeform");
    const q = result.questions.find((x) => x.type === "multi")!;
    expect(counts(q)).toEqual({ Python: 8, R: 8, Julia: 4 });
    expect(q.answered).toBe(12);
  });
});

describe("1b. Typeform checklists headed by option text", () => {
  test("adjacent columns each holding their own header when ticked are one multi-select", async () => {
    const ticks = [
      ["Python", "", "Julia"],
      ["", "R", ""],
      ["Python", "R", ""],
      ["", "", ""],
    ];
    const rows = rep(ticks, 3).map((t, i) => `tok${i},Manager,${t.join(",")},2024-01-01 10:00:00,net${i}`);
    const { result } = await model(lines("#,Your role?,Python,R,Julia,Submit Date (UTC),Network ID", rows));
    expect(result.format).toBe("typeform");
    const multis = result.questions.filter((q) => q.type === "multi");
    expect(multis).toHaveLength(1);
    expect(counts(multis[0])).toEqual({ Python: 6, R: 6, Julia: 3 });
    // rows ticking at least one: 3 of every 4
    expect(multis[0].answered).toBe(9);
    expect(result.questions.find((q) => q.label === "Your role?")?.type).not.toBe("multi");
  });
});

describe("2. order inference", () => {
  const ordered = async (values: string[]) => {
    const quoted = values.map((v) => (v.includes(",") ? `"${v}"` : v));
    const { get } = await model(lines("x", rep(quoted, 3)), { format: "microdata" });
    return get("x");
  };

  test.each([
    ["age bands", ["25-34", "65+", "Under 18", "18-24", "35-44", "45-54", "55-64"], ["Under 18", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"], "range"],
    ["year bands", ["1-2 years", "Less than a year", "More than 10 years", "3-5 years", "6-10 years"], ["Less than a year", "1-2 years", "3-5 years", "6-10 years", "More than 10 years"], "range"],
    ["income bands", ["$50,000 to $74,999", "Less than $25,000", "$100,000 or more", "$25,000 to $49,999", "$75,000 to $99,999"], ["Less than $25,000", "$25,000 to $49,999", "$50,000 to $74,999", "$75,000 to $99,999", "$100,000 or more"], "range"],
    ["frequency words", ["Sometimes", "Always", "Never", "Often", "Rarely"], ["Never", "Rarely", "Sometimes", "Often", "Always"], "vocabulary"],
    ["frequency phrases", ["Once a month", "Every night", "Once a year or less", "A few times a month", "Once a week", "A few times a year"], ["Once a year or less", "A few times a year", "Once a month", "A few times a month", "Once a week", "Every night"], "vocabulary"],
    ["numbered labels", ["3", "1 - Not at all likely", "5 - Extremely likely", "2", "4"], ["1 - Not at all likely", "2", "3", "4", "5 - Extremely likely"], "numeric"],
    ["German agreement", ["Stimme zu", "Stimme eher nicht zu", "Teils/teils", "Stimme überhaupt nicht zu", "Stimme voll und ganz zu"], ["Stimme überhaupt nicht zu", "Stimme eher nicht zu", "Teils/teils", "Stimme zu", "Stimme voll und ganz zu"], "vocabulary"],
    ["French satisfaction", ["Plutôt satisfait", "Très insatisfait", "Très satisfait", "Plutôt insatisfait"], ["Très insatisfait", "Plutôt insatisfait", "Plutôt satisfait", "Très satisfait"], "vocabulary"],
    ["Spanish frequency", ["A veces", "Nunca", "Siempre", "Casi nunca", "Casi siempre"], ["Nunca", "Casi nunca", "A veces", "Casi siempre", "Siempre"], "vocabulary"],
    ["English importance", ["Very important", "Not at all important", "Somewhat important", "Extremely important", "Not very important"], ["Not at all important", "Not very important", "Somewhat important", "Very important", "Extremely important"], "vocabulary"],
  ])("%s", async (_name, values, order, basis) => {
    const q = await ordered(values);
    expect(q.type).toBe("ordinal");
    expect(codes(q)).toEqual(order);
    expect(q.orderBasis).toBe(basis);
  });

  test("LimeSurvey answer codes sort by their number (A10 after A9), marked as a weak 'codes' order", async () => {
    const q = await ordered(["A10", "A2", "A1", "A9", "A3"]);
    expect(codes(q)).toEqual(["A1", "A2", "A3", "A9", "A10"]);
    expect(q.orderBasis).toBe("codes");
  });

  test("unordered answers say so: 'frequency-fallback'", async () => {
    const q = await ordered(["red", "blue", "blue", "green"]);
    expect(q.type).toBe("single");
    expect(q.orderBasis).toBe("frequency-fallback");
  });
});

describe("3. non-substantive answers", () => {
  test("'No answer', 'Don't know', 'Prefer not to say' become missing codes listed apart, never scale points", async () => {
    const values = [...rep(["Very masculine"], 6), ...rep(["Somewhat masculine"], 10), ...rep(["Not very masculine"], 2), "Not at all masculine", ...rep(["No answer"], 12)];
    const { get } = await model(lines("q", values), { format: "microdata" });
    const q = get("q");
    expect(q.type).toBe("ordinal");
    expect(codes(q)).toEqual(["Not at all masculine", "Not very masculine", "Somewhat masculine", "Very masculine"]);
    expect(q.missingCodes).toContain("No answer");
    expect(q.nonSubstantive).toEqual([{ code: "No answer", label: "No answer", count: 12 }]);
    expect(q.answered).toBe(19);
  });

  test.each([["Don't know"], ["Prefer not to say"], ["N/A"], ["Not applicable"], ["Refused"], ["99 - Don't know"], ["Weiß nicht"], ["Keine Angabe"], ["Ne sait pas"], ["NS/NC"], ["No sabe"]])(
    "%s is non-substantive",
    async (label) => {
      const { get } = await model(lines("q", rep(["Agree", "Disagree", "Strongly agree", "Strongly disagree", label], 3)), { format: "microdata" });
      expect(get("q").missingCodes).toContain(label);
      expect(codes(get("q"))).not.toContain(label);
    },
  );

  test("a bare vendor code (99) is not declared missing without a label saying so", async () => {
    const { get } = await model(lines("q", rep(["1", "2", "3", "99"], 3)), { format: "microdata" });
    expect(get("q").missingCodes).toEqual([]);
  });
});

describe("4. vendor system columns", () => {
  test("Qualtrics fraud and panel fields are metadata or ids", async () => {
    const tags = ["ResponseId", "Q_BallotBoxStuffing", "Q_RelevantIDFraudScore", "Q_RecaptchaScore", "PSID", "Q1"];
    const ids = tags.map((t) => (t === "Q1" ? '{"ImportId":"QID1"}' : `{"ImportId":"${t}"}`));
    const rows = Array.from({ length: 6 }, (_, i) => `R_${i},,${i * 10},0.9,p${i},${(i % 3) + 1}`);
    const { get } = await model([tags.join(","), tags.join(","), ids.map((x) => `"${x.replace(/"/g, '""')}"`).join(","), ...rows].join("\n") + "\n");
    expect(get("Q_BallotBoxStuffing").type).toBe("metadata");
    expect(get("Q_RelevantIDFraudScore").type).toBe("metadata");
    expect(get("Q_RecaptchaScore").type).toBe("metadata");
    expect(get("PSID").type).toBe("id");
    expect(get("Q1").type).not.toBe("metadata");
  });

  test("LimeSurvey paradata and timing columns are metadata", async () => {
    const header = "id,submitdate,lastpage,startlanguage,seed,startdate,datestamp,ipaddr,refurl,Q1,interviewtime,groupTime12,Q1Time";
    const rows = Array.from({ length: 6 }, (_, i) => `${i + 1},2024-01-0${i + 1} 10:00:00,3,en,${1000 + i},2024-01-01 09:00:00,2024-01-01 10:00:00,10.0.0.${i},https://x,A${(i % 3) + 1},${60 + i},${20 + i},${5 + i}`);
    const { get } = await model(lines(header, rows));
    for (const id of ["lastpage", "startlanguage", "seed", "ipaddr", "refurl", "interviewtime", "groupTime12", "Q1Time"]) expect(get(id).type, id).toBe("metadata");
    expect(get("id").type).toBe("id");
  });

  test("Microsoft Forms: Email and Name are identifiers, the times are dates, ';' multi-selects counted", async () => {
    const header = "ID,Start time,Completion time,Email,Name,Last modified time,Which fruit?,Rating";
    const rows = Array.from({ length: 9 }, (_, i) => `${i + 1},1/${i + 1}/24 10:00:00,1/${i + 1}/24 10:05:00,p${i}@example.org,Person ${i},,${["Apple;Pear;", "Pear;", "Apple;Kiwi;"][i % 3]},${(i % 5) + 1}`);
    const { get, result } = await model(lines(header, rows));
    expect(result.format).toBe("microsoft-forms");
    expect(get("Email").type).toBe("id");
    expect(get("Name").type).toBe("id");
    expect(get("ID").type).toBe("id");
    expect(get("Start_time").type).toBe("date");
    const fruit = result.questions.find((q) => q.label === "Which fruit?")!;
    expect(fruit.multi).toMatchObject({ layout: "delimited", delimiter: ";" });
    expect(counts(fruit)).toEqual({ Apple: 6, Pear: 6, Kiwi: 3 });
  });
});

describe("5. dialects and grids", () => {
  test("LimeSurvey 'full question text' headings: recognised, the array question is one grid of rows", async () => {
    const header = [
      "id. Response ID",
      "submitdate. Date submitted",
      "lastpage. Last page",
      "startlanguage. Start language",
      "seed. Seed",
      "Q1. How old are you?",
      "Q2[SQ001]. Rate these [Speed]",
      "Q2[SQ002]. Rate these [Price]",
      "Q2[SQ003]. Rate these [Support]",
    ].map((h) => `"${h}"`);
    const scale = ["Very good", "Good", "Fair", "Poor"];
    const rows = Array.from({ length: 12 }, (_, i) => `${i + 1},2024-01-01 10:00:00,2,en,${i},${["18-24", "25-34", "35-44"][i % 3]},${scale[i % 4]},${scale[(i + 1) % 4]},${scale[(i + 2) % 4]}`);
    const { result } = await model(lines(header.join(","), rows));
    expect(result.format).toBe("limesurvey");
    const rated = result.questions.filter((q) => q.grid);
    expect(rated.map((q) => q.label)).toEqual(["Rate these [Speed]", "Rate these [Price]", "Rate these [Support]"]);
    expect(rated.every((q) => q.type === "ordinal" && q.grid?.label === "Rate these" && q.grid.rows.length === 3)).toBe(true);
    expect(codes(rated[0])).toEqual(["Poor", "Fair", "Good", "Very good"]);
    expect(result.questions.find((q) => q.label === "How old are you?")?.type).toBe("ordinal");
    expect(result.questions.find((q) => q.label === "Seed")?.type).toBe("metadata");
  });

  test("a SurveyMonkey matrix (rows under one question header) is one grid on one scale", async () => {
    const scale = ["Very satisfied", "Satisfied", "Dissatisfied", "Very dissatisfied"];
    const head1 = "Respondent ID,How satisfied are you with,,,Age";
    const head2 = ",Speed,Price,Support,Response";
    const rows = Array.from({ length: 12 }, (_, i) => `${100 + i},${scale[i % 4]},${scale[(i + 1) % 4]},${scale[(i + 3) % 4]},${20 + i}`);
    const { result } = await model([head1, head2, ...rows].join("\n") + "\n");
    expect(result.format).toBe("surveymonkey");
    const grid = result.questions.filter((q) => q.grid);
    expect(grid).toHaveLength(3);
    expect(grid.every((q) => q.type === "ordinal" && q.grid?.label === "How satisfied are you with")).toBe(true);
    expect(codes(grid[0])).toEqual(["Very dissatisfied", "Dissatisfied", "Satisfied", "Very satisfied"]);
  });

  test("a Qualtrics-style `Q5_1…Q5_n` block on one scale carries one grid reference", async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i},${(i % 5) + 1},${((i + 2) % 5) + 1},${((i + 4) % 5) + 1}`);
    const { result } = await model(lines("rid,Q5_1,Q5_2,Q5_3", rows), { format: "microdata" });
    const grid = result.questions.filter((q) => q.grid);
    expect(grid).toHaveLength(3);
    expect(grid[0].grid).toEqual({ id: "Q5", label: "Q5", rows: ["Q5_1", "Q5_2", "Q5_3"] });
  });
});

describe("6. small things", () => {
  test("a wholly empty row is not a respondent", async () => {
    const { result, sink } = await ingestBytes("a,b,c\n1,2,3\n,,\n4,5,6\n\"\",,\n", { format: "microdata" });
    expect(result.respondents).toBe(2);
    expect(sink.rows).toEqual([
      ["1", "2", "3"],
      ["4", "5", "6"],
    ]);
  });

  test("HTML entities are decoded and tags stripped in labels", async () => {
    const { result } = await model(lines('"Age &gt; 18 &amp; <b>employed</b>?","It&#39;s <span style=""x"">fine</span>"', rep(["Yes,No", "No,Yes"], 3)), { format: "microdata" });
    expect(result.questions.map((q) => q.label)).toEqual(["Age > 18 & employed?", "It's fine"]);
  });

  test("coded numeric answers are categorical and flagged as needing value labels", async () => {
    const { get } = await model(lines("educ", rep(["1", "2", "3", "4", "5", "6", "2", "3"], 5)), { format: "microdata" });
    const q = get("educ");
    expect(["single", "ordinal"]).toContain(q.type);
    expect(codes(q)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(q.needsValueLabels).toBe(true);
  });

  test("zeros written 00 / 000 stay numeric zeros in a numeric question", async () => {
    const values = ["12.5", "00", "3.25", "000", "7.75", "0", "18.5", "2.5", "00", "41.0", "5.5", "6.25"];
    const { get } = await model(lines("spend", values), { format: "microdata" });
    expect(get("spend").type).toBe("numeric");
    expect(get("spend").answered).toBe(12);
  });
});
