import type { QuestionType } from "@/lib/schema/question";
import { systemColumnType } from "../system-columns";

/** Qualtrics metadata columns by export tag, ImportId or legacy name (lower-cased, without spaces). */
const META = new Map<string, QuestionType>([
  ["startdate", "date"],
  ["enddate", "date"],
  ["recordeddate", "date"],
  ["responseid", "id"],
  ["_recordid", "id"],
  ["status", "metadata"],
  ["ipaddress", "metadata"],
  ["progress", "metadata"],
  ["duration(inseconds)", "metadata"],
  ["duration", "metadata"],
  ["finished", "metadata"],
  ["recipientlastname", "metadata"],
  ["recipientfirstname", "metadata"],
  ["recipientemail", "metadata"],
  ["externalreference", "metadata"],
  ["externaldatareference", "metadata"],
  ["locationlatitude", "metadata"],
  ["locationlongitude", "metadata"],
  ["locationaccuracy", "metadata"],
  ["distributionchannel", "metadata"],
  ["userlanguage", "metadata"],
  ["responseset", "metadata"],
  ["responsesetid", "metadata"],
  ["name", "metadata"],
  ["emailaddress", "metadata"],
  ["q_recaptchascore", "metadata"],
  ["q_relevantidduplicate", "metadata"],
  ["q_url", "metadata"],
]);

/**
 * The type of a Qualtrics metadata column, from its tag, ImportId or name; null for questions.
 *
 * @example
 * qualtricsMetaType("Duration (in seconds)"); // "metadata"
 * qualtricsMetaType("panel-RecipientEmail"); // "metadata"
 */
export function qualtricsMetaType(name: string): QuestionType | null {
  const key = name.trim().toLowerCase().replace(/\s+/g, "").replace(/^panel-/, "");
  return META.get(key) ?? systemColumnType(name) ?? null;
}

/**
 * Split block texts into the shared question text and each column's option: the longest common
 * prefix, cut back to its last `-` or `:` separator.
 *
 * @example
 * splitCommonText(["Fruit?-Apple", "Fruit?-Pear"]); // { label: "Fruit?", options: ["Apple", "Pear"] }
 */
export function splitCommonText(texts: string[]): { label: string; options: string[] } {
  if (texts.length < 2) return { label: texts[0] ?? "", options: texts.map(() => "") };
  let n = 0;
  const first = texts[0];
  while (n < first.length && texts.every((t) => t[n] === first[n])) n++;
  const prefix = first.slice(0, n);
  const cut = Math.max(prefix.lastIndexOf("-"), prefix.lastIndexOf(":"));
  const at = cut > 0 ? cut : prefix.lastIndexOf(" ") > 0 ? prefix.lastIndexOf(" ") : 0;
  const label = first.slice(0, at).trim();
  const options = texts.map((t) => t.slice(at).replace(/^[\s:-]+/, "").trim());
  return { label: label || first, options };
}
