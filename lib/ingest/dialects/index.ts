import type { SourceFormat } from "@/lib/schema/question";
import { googleForms } from "./google-forms";
import { limesurveyFull } from "./limesurvey-full";
import { microsoftForms } from "./microsoft-forms";
import { microdata } from "./microdata";
import { qualtrics } from "./qualtrics";
import { qualtricsLegacy } from "./qualtrics-legacy";
import { alchemer, odk } from "./simple-vendors";
import { surveyMonkey } from "./surveymonkey";
import { limesurvey, typeform } from "./typeform-limesurvey";
import type { Dialect } from "./types";

/** Every dialect, most specific first; `microdata` is the fallback. */
export const DIALECTS: Dialect[] = [qualtrics, qualtricsLegacy, surveyMonkey, googleForms, alchemer, typeform, limesurvey, limesurveyFull, microsoftForms, odk, microdata];

/**
 * The dialect whose `detect` scores the first records highest (microdata when none does better).
 *
 * @example
 * detectDialect([["Timestamp", "Q"], ["1/2/2020 10:00:00", "x"]]).format; // "google-forms"
 */
export function detectDialect(firstRows: string[][]): Dialect {
  let best = microdata;
  let bestScore = microdata.detect(firstRows);
  for (const d of DIALECTS) {
    const s = d.detect(firstRows);
    if (s > bestScore) {
      best = d;
      bestScore = s;
    }
  }
  return best;
}

/**
 * The dialect for a forced format; formats without a dialect of their own read as microdata
 * (one header row) but keep their name.
 *
 * @example
 * dialectFor("odk").headerRows; // 1
 */
export function dialectFor(format: SourceFormat): Dialect {
  return DIALECTS.find((d) => d.format === format) ?? { ...microdata, format };
}
