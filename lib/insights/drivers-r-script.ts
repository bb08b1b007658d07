/**
 * An R script (survey package) that refits a key-driver model from the uploaded file with the
 * same data rules as `driversForDataset`: declared missing codes → NA, filters, complete cases,
 * treatment coding with the reported reference levels, `svyglm` on `svydesign(ids = ~1, weights = ~w)`,
 * then odds ratios with t-based intervals on the residual degrees of freedom.
 */
import { rString } from "@/lib/stats/r-script";

/** One model variable as the script sees it: the file's header and the codes read as missing. */
export interface RScriptColumn {
  /** question id (the name used in the model and the output) */
  id: string;
  /** the header text of its column in the file */
  header: string;
  missingCodes: string[];
}

export interface DriversRScriptInput {
  model: "logistic" | "linear";
  outcome: RScriptColumn;
  outcome_category: string[] | null;
  predictors: (RScriptColumn & { kind: "numeric" | "categorical"; reference: string | null })[];
  weight: RScriptColumn | null;
  filters: { column: RScriptColumn; values: string[] }[];
  conf_level: number;
  /** "lmg" adds the relative-importance decomposition, "firth" the brglm2 fit (default "svyglm") */
  method?: "svyglm" | "lmg" | "firth";
  fileName: string;
  /** header rows after the first (Qualtrics-style exports) to drop */
  extraHeaderRows?: number;
}

const rVector = (xs: readonly string[]): string => `c(${xs.map(rString).join(", ")})`;
/** A syntactic R name for a question id. */
const rName = (id: string): string => (/^[A-Za-z.][A-Za-z0-9._]*$/.test(id) ? id : `\`${id.replace(/[`\\]/g, "_")}\``);

/**
 * The script text.
 * @example
 * driversRScript({ model: "logistic", outcome: { id: "rolled_back", header: "rolled_back", missingCodes: [] }, outcome_category: ["Yes"],
 *   predictors: [{ id: "guardrail_maturity", header: "guardrail_maturity", missingCodes: [], kind: "categorical", reference: "Early" }],
 *   weight: null, filters: [], conf_level: 0.95, fileName: "survey.csv" }).includes("svyglm(") // true
 */
export function driversRScript(s: DriversRScriptInput): string {
  const all = [s.outcome, ...s.predictors, ...(s.weight ? [s.weight] : []), ...s.filters.map((f) => f.column)];
  const unique = [...new Map(all.map((c) => [c.id, c])).values()];
  const family = s.model === "logistic" ? "quasibinomial()" : "gaussian()";
  const y =
    s.model === "logistic"
      ? `d$.y <- as.numeric(d[[${rString(s.outcome.id)}]] %in% ${rVector(s.outcome_category ?? [])})`
      : `d$.y <- as.numeric(d[[${rString(s.outcome.id)}]])`;
  const formula = `.y ~ ${s.predictors.map((p) => rName(p.id)).join(" + ")}`;
  const level = s.conf_level;
  return [
    "# Surveyscope key drivers reproduced with R's survey package (Lumley).",
    `# Model: ${s.model === "logistic" ? "logistic (quasibinomial)" : "linear (gaussian)"}; design: svydesign(ids = ~1, weights = ~w), Taylor linearisation.`,
    "suppressPackageStartupMessages(library(survey))",
    "",
    `raw <- read.csv(${rString(s.fileName)}, colClasses = "character", na.strings = "",`,
    '                check.names = FALSE, fileEncoding = "UTF-8-BOM", strip.white = FALSE)',
    ...((s.extraHeaderRows ?? 0) > 0 ? [`raw <- raw[-seq_len(${s.extraHeaderRows}), , drop = FALSE]  # the export's extra header rows`] : []),
    "",
    "# ---- the model's variables by question id; declared missing codes become NA",
    "d <- data.frame(row.names = seq_len(nrow(raw)))",
    ...unique.flatMap((c) => [
      `d[[${rString(c.id)}]] <- raw[[${rString(c.header)}]]`,
      ...(c.missingCodes.length ? [`d[[${rString(c.id)}]][d[[${rString(c.id)}]] %in% ${rVector(c.missingCodes)}] <- NA`] : []),
    ]),
    "",
    "# ---- filters (an empty cell never passes), then complete cases",
    "keep <- rep(TRUE, nrow(d))",
    ...s.filters.map((f) => `keep <- keep & !is.na(d[[${rString(f.column.id)}]]) & d[[${rString(f.column.id)}]] %in% ${rVector(f.values)}`),
    "d <- d[keep, , drop = FALSE]",
    `cat("rows after filters:", nrow(d), "\\n")`,
    `d <- d[complete.cases(d[, ${rVector([s.outcome.id, ...s.predictors.map((p) => p.id), ...(s.weight ? [s.weight.id] : [])])}, drop = FALSE]), , drop = FALSE]`,
    `cat("model rows:", nrow(d), "\\n")`,
    "",
    y,
    ...(s.weight
      ? [`d$.w <- suppressWarnings(as.numeric(d[[${rString(s.weight.id)}]]))`, "d <- d[is.finite(d$.w) & d$.w > 0, , drop = FALSE]  # a weight that is not a number > 0: row left out"]
      : ["d$.w <- 1  # unweighted"]),
    ...s.predictors.map((p) =>
      p.kind === "numeric"
        ? `d[[${rString(p.id)}]] <- as.numeric(d[[${rString(p.id)}]])`
        : `d[[${rString(p.id)}]] <- relevel(factor(d[[${rString(p.id)}]], levels = sort(unique(d[[${rString(p.id)}]]), method = "radix")), ref = ${rString(p.reference ?? "")})`,
    ),
    "",
    "des <- svydesign(ids = ~1, weights = ~.w, data = d)",
    `m <- svyglm(${formula}, design = des, family = ${family})`,
    "print(summary(m))",
    "",
    `# ---- ${s.model === "logistic" ? "odds ratios" : "coefficients"} with ${Math.round(level * 100)}% intervals: b ± qt(., df.residual) · SE`,
    "b <- coef(m); se <- SE(m)",
    `tq <- qt(${1 - (1 - level) / 2}, df = m$df.residual)`,
    s.model === "logistic"
      ? "print(exp(cbind(odds_ratio = b, lower = b - tq * se, upper = b + tq * se)))"
      : "print(cbind(estimate = b, lower = b - tq * se, upper = b + tq * se))",
    "",
    ...(s.method === "lmg" ? lmgLines(s.predictors.map((p) => p.id)) : []),
    ...(s.method === "firth" ? firthLines(formula, level) : []),
  ].join("\n");
}

/** Relative importance by brute force over all subsets (no package needed), as `oracle_drivers2.R`. */
function lmgLines(ids: string[]): string[] {
  return [
    "# ---- relative importance: LMG = Shapley value of the weighted R² (a categorical predictor is one player)",
    `preds <- ${rVector(ids)}`,
    'r2 <- function(S) if (!length(S)) 0 else summary(lm(reformulate(sprintf("`%s`", S), ".y"), data = d, weights = .w))$r.squared',
    "p <- length(preds)",
    "lmg <- sapply(preds, function(j) { o <- setdiff(preds, j); sum(sapply(0:(p - 1), function(k) {",
    "  S <- if (k == 0) list(character(0)) else combn(o, k, simplify = FALSE)",
    "  sum(sapply(S, function(s) factorial(k) * factorial(p - 1 - k) / factorial(p) * (r2(c(s, j)) - r2(s))))",
    "})) })",
    "print(cbind(lmg = lmg, share = lmg / r2(preds)))",
    "",
  ];
}

/** The Firth fit that replaces svyglm when a predictor separates the outcome. */
function firthLines(formula: string, level: number): string[] {
  return [
    "# ---- Firth-penalised logistic (brglm2, AS_mean): finite under separation; model-based SEs, weights as frequencies",
    "suppressPackageStartupMessages(library(brglm2))",
    `fm <- glm(${formula}, data = d, weights = .w, family = binomial(), method = "brglmFit", type = "AS_mean", epsilon = 1e-12, maxit = 1000)`,
    "print(summary(fm))",
    `zq <- qnorm(${1 - (1 - level) / 2}); bf <- coef(fm); sf <- sqrt(diag(vcov(fm)))`,
    "print(exp(cbind(odds_ratio = bf, lower = bf - zq * sf, upper = bf + zq * sf)))",
    "",
  ];
}
