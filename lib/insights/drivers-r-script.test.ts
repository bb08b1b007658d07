import { describe, expect, it } from "vitest";
import { driversRScript } from "./drivers-r-script";

describe("driversRScript", () => {
  it("reads the file by header, maps missing codes, filters, relevels and reports odds ratios", () => {
    const s = driversRScript({
      model: "logistic",
      outcome: { id: "Q1", header: "Q1", missingCodes: ["-99"] },
      outcome_category: ["Yes"],
      predictors: [
        { id: "size band", header: "What size?", missingCodes: [], kind: "categorical", reference: "Small" },
        { id: "score", header: "score", missingCodes: [], kind: "numeric", reference: null },
      ],
      weight: { id: "w", header: "w", missingCodes: [] },
      filters: [{ column: { id: "status", header: "status", missingCodes: [] }, values: ["Live"] }],
      conf_level: 0.9,
      fileName: "export.csv",
      extraHeaderRows: 2,
    });
    expect(s).toContain('raw <- read.csv("export.csv"');
    expect(s).toContain("raw <- raw[-seq_len(2), , drop = FALSE]");
    expect(s).toContain('d[["size band"]] <- raw[["What size?"]]');
    expect(s).toContain('d[["Q1"]][d[["Q1"]] %in% c("-99")] <- NA');
    expect(s).toContain('%in% c("Live")');
    expect(s).toContain('ref = "Small"');
    expect(s).toContain('d[["score"]] <- as.numeric(d[["score"]])');
    expect(s).toContain("svyglm(.y ~ `size band` + score, design = des, family = quasibinomial())");
    expect(s).toContain("tq <- qt(0.95, df = m$df.residual)");
    expect(s).toContain("print(exp(cbind(odds_ratio = b");
  });
});
