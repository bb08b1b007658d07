/**
 * `toRScript`: a runnable R script (packages `survey`) that reproduces a crosstab's numbers from
 * the raw CSV with the same data rules and design as the app (see test/fixtures/golden/oracle.R).
 */
import { getOutcomeCategories, type CrosstabSpec } from "@/lib/schema/crosstab-spec";

/**
 * An R string literal (JSON escapes are valid R escapes).
 * @example rString('a"b') // "\"a\\\"b\""
 */
export function rString(s: string): string {
  return JSON.stringify(s);
}

const rVector = (xs: readonly string[]): string => `c(${xs.map(rString).join(", ")})`;
const col = (name: string, frame = "d0"): string => `${frame}[[${rString(name)}]]`;

function filterLines(spec: CrosstabSpec): string[] {
  const entries = Object.entries(spec.filters ?? {});
  if (entries.length === 0) return ["# no filters"];
  return entries.map(([c, allowed]) => `keep <- keep & !is.na(${col(c, "raw")}) & ${col(c, "raw")} %in% ${rVector(allowed)}`);
}

/**
 * Emit an R script reproducing the crosstab of `spec` on the CSV file `dataFileName`.
 * @example toRScript(crosstabSpecSchema.parse({ outcome: "q1", outcome_category: "Yes", segment: "region" }), "survey.csv")
 */
export function toRScript(spec: CrosstabSpec, dataFileName: string, options: { extraHeaderRows?: number } = {}): string {
  const extra = options.extraHeaderRows ?? 0;
  const isMean = spec.statistic === "mean";
  const cats = getOutcomeCategories(spec);
  const level = spec.conf_level;
  const levels = spec.segment_levels
    ? `seg_levels <- ${rVector(spec.segment_levels)}`
    : `seg_levels <- sort(unique(na.omit(${col(spec.segment, "raw")})), method = "radix")  # byte order, whole file`;
  const outcome = isMean
    ? [`y <- suppressWarnings(as.numeric(${col(spec.outcome)}))`, "ok_out <- is.finite(y)"]
    : [`y <- as.numeric(${col(spec.outcome)} %in% ${rVector(cats)})`, `ok_out <- !is.na(${col(spec.outcome)})`];
  const segRule =
    spec.missing_segment === "include_in_total"
      ? ["ok <- ok_out  # rows with a missing segment count in the total only"]
      : ["ok <- ok_out & ok_seg"];
  const weight = spec.weight
    ? [`w <- suppressWarnings(as.numeric(${col(spec.weight)}))`, "ok_w <- is.finite(w) & w > 0"]
    : ["w <- rep(1, nrow(d0))  # no weight column", "ok_w <- rep(TRUE, nrow(d0))"];

  const perSegment = isMean
    ? [
        "  m <- svymean(~oy, ds)",
        `  print(cbind(mean = coef(m), se = SE(m), confint(m, level = ${level}, df = degf(ds))))`,
      ]
    : [
        "  m <- svymean(~oy, ds)",
        "  print(cbind(p = coef(m), se = SE(m)))",
        "  if (sum(an$oy[!is.na(an$oseg) & an$oseg == s]) %% nrow(ds) != 0) {  # not all 0 or all 1",
        `    print(svyciprop(~oy, ds, method = "logit", level = ${level}, df = degf(ds)))`,
        `    print(svyciprop(~oy, ds, method = "beta", level = ${level}))`,
        "  }",
      ];
  const chisq = isMean
    ? []
    : [
        "",
        "# ---- chi-square: segment x outcome (full) and segment x category/other (binary)",
        "dd <- subset(des, !is.na(oseg))",
        "dd$variables$crow <- droplevels(dd$variables$oseg)",
        "dd$variables$cfull <- factor(dd$variables$oout)",
        'dd$variables$cbin <- factor(ifelse(dd$variables$oy == 1, "category", "other"))',
        "print(chisq.test(table(dd$variables$crow, dd$variables$cfull), correct = FALSE))",
        'print(try(svychisq(~crow + cfull, dd, statistic = "F")))',
        "print(chisq.test(table(dd$variables$crow, dd$variables$cbin), correct = FALSE))",
        'print(try(svychisq(~crow + cbin, dd, statistic = "F")))',
      ];

  return [
    "# Surveyscope crosstab reproduced with R's survey package (Lumley).",
    `# Spec: ${JSON.stringify(spec)}`,
    "# Design: svydesign(ids = ~1, weights = ~w) on the analytic rows; segments are domains (subset),",
    "# Taylor linearisation, with replacement, no fpc.",
    "suppressPackageStartupMessages(library(survey))",
    "",
    `raw <- read.csv(${rString(dataFileName)}, colClasses = "character", na.strings = "",`,
    '                check.names = FALSE, fileEncoding = "UTF-8-BOM", strip.white = FALSE)',
    ...(extra > 0 ? [`raw <- raw[-seq_len(${extra}), , drop = FALSE]  # the export's extra header rows (question text, import ids)`] : []),
    "",
    "# ---- rows: filters (compared as text; an empty cell never passes), then exclusions in order",
    "keep <- rep(TRUE, nrow(raw))",
    ...filterLines(spec),
    "d0 <- raw[keep, , drop = FALSE]",
    levels,
    ...outcome,
    `seg_raw <- ${col(spec.segment)}`,
    "ok_seg <- !is.na(seg_raw) & seg_raw %in% seg_levels",
    ...segRule,
    ...weight,
    "ok <- ok & ok_w",
    "an <- data.frame(oy = y[ok], oseg = factor(seg_raw[ok], levels = seg_levels),",
    `                 oout = ${col(spec.outcome)}[ok], ow = w[ok])`,
    'cat("analytic rows:", nrow(an), "\\n")',
    "",
    "des <- svydesign(ids = ~1, weights = ~ow, data = an)",
    `conf_level <- ${level}`,
    "",
    "# ---- total and segments",
    "print(svymean(~oy, des))",
    `print(svyby(~oy, ~oseg, subset(des, !is.na(oseg)), svymean, na.rm = TRUE, drop.empty.groups = TRUE))`,
    "for (s in seg_levels) {",
    "  if (!any(!is.na(an$oseg) & an$oseg == s)) { cat(\"segment\", s, \": empty\\n\"); next }",
    '  cat("segment", s, "\\n")',
    "  ds <- subset(des, !is.na(oseg) & oseg == s)",
    ...perSegment,
    "}",
    "",
    "# ---- pairwise: design-based t test (svyttest: t with df = n_a + n_b - 2)",
    "for (i in seq_along(seg_levels)) for (j in seq_along(seg_levels)) {",
    "  if (j <= i) next",
    "  a <- seg_levels[i]; b <- seg_levels[j]",
    "  if (!any(an$oseg %in% a) || !any(an$oseg %in% b)) next",
    "  d2 <- update(subset(des, !is.na(oseg) & oseg %in% c(a, b)), ina = as.numeric(oseg == a))",
    '  cat(a, "vs", b, "\\n")',
    "  print(try(svyttest(oy ~ ina, d2)))",
    "}",
    ...chisq,
    "",
  ].join("\n");
}
