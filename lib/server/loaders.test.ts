import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/identity";
import type { DatasetAccess } from "@/lib/auth/workspaces";
import type { Dataset } from "@/lib/schema/dataset";

// the page loader with its surroundings faked: who is viewing, how they reach the dataset
const state: { viewer: Viewer; access: DatasetAccess } = {
  viewer: { userId: "u1", email: "r@example.org", workspaceId: "ws_partner", role: "researcher", via: "session" },
  access: "shared",
};
const q = (id: string, type: string) => ({ id, label: id, type, columns: [`c_${id}`], options: [], missingCodes: [], answered: 0 });
const dataset = {
  id: "demo",
  name: "Demo",
  version: 1,
  respondents: 40,
  synthetic: true,
  defaultFilters: [],
  questions: [q("resp", "id"), q("country", "single")],
  columns: ["resp", "country"].map((id, i) => ({ index: i, name: `c_${id}`, headers: [id] })),
} as unknown as Dataset;

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
  redirect: (to: string) => {
    throw new Error(`NEXT_REDIRECT ${to}`);
  },
}));
vi.mock("@/lib/auth/viewer", () => ({
  getViewerFromHeaders: async () => state.viewer,
  datasetAccess: async () => state.access,
  canSeeDataset: async () => state.access !== null,
  visibleDatasetIds: async () => new Set(["demo"]),
}));
/** a wide survey: 400 choice questions besides the identifier, the country and a weight */
const wideQuestions = [
  q("resp", "id"),
  q("country", "single"),
  q("w", "weight"),
  ...Array.from({ length: 400 }, (_, i) => ({ ...q(`t${i}`, "single"), options: [{ code: "a", label: "A", count: 20 }, { code: "b", label: "B", count: 20 }] })),
];
const wide = { ...dataset, id: "wide", questions: wideQuestions, columns: wideQuestions.map((x, i) => ({ index: i, name: x.columns[0], headers: [x.id] })) } as unknown as Dataset;
vi.mock("@/lib/store", () => ({ getStore: async () => ({ getDataset: async (id: string) => (id === "demo" ? dataset : id === "wide" ? wide : null) }) }));
vi.mock("./audit", () => ({ audit: async () => undefined }));
// the governed identifier / quasi-identifier status (stored per column; tested in lib/services/column-governance.test.ts)
vi.mock("@/lib/services/column-governance", () => ({
  governedColumnStatus: async (_store: unknown, ds: Dataset) =>
    new Map([
      ...ds.columns.map((c) => [c.name, "none"] as const),
      ["c_resp", "identifier"],
      ["c_country", "quasi"],
    ]),
}));
// the audience (governance in the identity database) is tested with the route; here: exact
vi.mock("@/lib/services/audience", () => ({ audienceOf: async () => ({ kind: "respondent", why: "researcher" }) }));
vi.mock("./budget", () => ({ chargeQuery: async () => undefined }));

const loaders = await import("./loaders");
const { pageProps } = await import("./respond-released");
const loadAnalysis = async (...a: Parameters<typeof loaders.loadAnalysis>) => pageProps(await loaders.loadAnalysis(...a));
const loadDataset = async (...a: Parameters<typeof loaders.loadDataset>) => pageProps(await loaders.loadDataset(...a)).dataset;
const loadDatasetOverview = async (...a: Parameters<typeof loaders.loadDatasetOverview>) => pageProps(await loaders.loadDatasetOverview(...a));

describe("loadAnalysis: the respondent export the analyze page offers", () => {
  beforeEach(() => {
    state.viewer = { ...state.viewer, role: "researcher" };
  });

  it("is not offered on a dataset only shared with the researcher's workspace (the route answers 403)", async () => {
    state.access = "shared";
    const page = await loadAnalysis("demo");
    expect(page.respondentExport).toBeNull();
    expect(page.dataset.id).toBe("demo");
  });

  it("is offered to a researcher of the owning workspace, and never to an analyst", async () => {
    state.access = "owner";
    const page = await loadAnalysis("demo");
    expect(page.respondentExport?.map((p) => [p.id, p.allowed])).toEqual([
      ["resp", false],
      ["country", true],
    ]);
    state.viewer = { ...state.viewer, role: "analyst" };
    expect((await loadAnalysis("demo")).respondentExport).toBeNull();
  });

  it("a dataset the viewer cannot reach is a 404", async () => {
    state.access = null;
    await expect(loadAnalysis("demo")).rejects.toThrow("NEXT_NOT_FOUND");
  });
});

describe("loadAnalysis: a wide dataset's page carries only the questions it names", () => {
  it("sends the named questions and the weights, says the rest load lazily, and lists only the export columns with a rule", async () => {
    state.viewer = { ...state.viewer, role: "researcher" };
    state.access = "owner";
    const page = await loadAnalysis("wide", "crosstab:run", "/datasets/wide/analyze", () => ["t399", "t7", "nope"]);
    expect(page.lazy).toBe(true);
    expect(page.questionCount).toBe(403);
    expect(page.questions.map((x) => x.id)).toEqual(["t399", "t7", "w"]);
    expect(page.questions[0].options.map((o) => o.label)).toEqual(["A", "B"]);
    expect(page.respondentExport?.map((p) => [p.id, p.allowed])).toEqual([
      ["resp", false],
      ["country", true],
    ]);
    // a normal dataset: every question, as before
    const demo = await loadAnalysis("demo", "crosstab:run", "/datasets/demo/analyze", () => ["country"]);
    expect(demo.lazy).toBe(false);
    expect(demo.questions.map((x) => x.id)).toEqual(["resp", "country"]);
  });
});

describe("loadDataset: pages of a dataset only shared with the viewer's workspace", () => {
  it("open for reading, but the schema and weighting editors are a 404 (their routes refuse too)", async () => {
    state.viewer = { ...state.viewer, role: "admin" };
    state.access = "shared";
    expect((await loadDataset("demo")).id).toBe("demo");
    await expect(loadDataset("demo", "schema:edit")).rejects.toThrow("NEXT_NOT_FOUND");
    state.access = "owner";
    expect((await loadDataset("demo", "schema:edit")).id).toBe("demo");
  });
});

describe("loadDatasetOverview: which editors the overview links to", () => {
  it("owner admins see edit and delete; shared admins and analysts do not delete; viewers are refused", async () => {
    state.viewer = { ...state.viewer, role: "admin" };
    state.access = "owner";
    expect(await loadDatasetOverview("demo")).toMatchObject({ canEdit: true, canDelete: true });
    state.access = "shared";
    expect(await loadDatasetOverview("demo")).toMatchObject({ canEdit: false, canDelete: false });
    state.viewer = { ...state.viewer, role: "analyst" };
    state.access = "owner";
    expect(await loadDatasetOverview("demo")).toMatchObject({ canEdit: true, canDelete: false });
  });
});
