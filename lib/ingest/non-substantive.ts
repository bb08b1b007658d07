/**
 * Non-substantive answers: "No answer", "Don't know", "Prefer not to say", "N/A", "Refused", …
 * (English, German, French, Spanish). They are not scale points: the importer declares them
 * missing codes (out of the base, NETs, means and diverging charts) and lists them apart
 * (`Question.nonSubstantive`) so they stay visible as their own rows.
 */

const PATTERNS: RegExp[] = [
  // English
  /^(no answer|no response|not answered|skipped|refused|refusal|missing|n\/?a|not applicable|does ?n[o']t apply|don'?t know|do not know|dk\/na|not sure|unsure|no opinion|can'?t say|cannot say|prefer not to (say|answer|disclose|respond)|i'?d (rather|prefer) not (to )?(say|answer)|rather not say|decline(d)? to (answer|state|say)|no idea|don'?t know ?\/ ?not sure|not sure ?\/ ?don'?t know|don'?t know ?\/ ?(no answer|refused|n\/a)|don'?t remember|can'?t remember)$/,
  // German
  /^(keine angabe|k\.? ?a\.?|weiß nicht|weiss nicht|weiß ich nicht|kann ich nicht sagen|kann ich nicht beurteilen|nicht zutreffend|entfällt|trifft nicht zu ?\/ ?weiß nicht|möchte ich nicht sagen|möchte ich nicht beantworten|keine antwort|verweigert|antwort verweigert|keine meinung)$/,
  // French
  /^(ne sait pas|ne sais pas|je ne sais pas|sans opinion|pas d'avis|pas de réponse|sans réponse|non réponse|non-réponse|refus|refuse de répondre|je préfère ne pas répondre|préfère ne pas répondre|préfère ne pas le dire|non applicable|non concerné|non concernée|sans objet|ne s'applique pas|nsp ?\/ ?nrp)$/,
  // Spanish
  /^(no sabe|no sé|no se|ns ?\/ ?nc|no sabe ?\/ ?no contesta|no contesta|no responde|sin respuesta|no aplica|no corresponde|prefiero no (decir|decirlo|contestar|responder)|rechaza|se niega a responder|sin opinión)$/,
];

/** a non-substantive phrase followed by more words: `N/A - skip, don't know`, `Don't know (not asked)` */
const LEADING = PATTERNS.map((re) => new RegExp(re.source.replace(/\$$/, "(?=\\s*[-–,;:(]|\\s+or\\s)")));

/** `99 - Don't know`, `(-99) Refused`, `98. Prefer not to say`: a vendor code labelled as such */
const CODE_PREFIX = /^\(?-?\d{1,3}\)?\s*[-.:=)]?\s*/;

const norm = (s: string) =>
  s
    .normalize("NFC")
    .trim()
    .toLowerCase()
    .replace(/[\u2018\u2019\u00b4`]/g, "'")
    .replace(/[.!]+$/, "")
    .replace(/^[([]\s*|\s*[)\]]$/g, "")
    .replace(/\s+/g, " ");

/**
 * Whether an answer label means "no substantive answer" (in English, German, French or Spanish),
 * also when it carries a vendor code (`99 - Don't know`). A bare code (`99`) is not one: only a
 * label says what a code means.
 *
 * @example
 * isNonSubstantive("Prefer not to say"); // true
 * isNonSubstantive("-99 Refused"); // true
 * isNonSubstantive("99"); // false
 */
export function isNonSubstantive(label: string): boolean {
  if (label.length > 80) return false;
  const l = norm(label);
  if (!l) return false;
  if (PATTERNS.some((re) => re.test(l)) || LEADING.some((re) => re.test(l))) return true;
  const rest = l.replace(CODE_PREFIX, "");
  return rest !== l && rest !== "" && PATTERNS.some((re) => re.test(norm(rest)));
}

/**
 * Whether the code of a labelled value (an SPSS value label, a codebook) is non-substantive:
 * the label decides, so `-99` is missing when labelled "Refused" and a scale point otherwise.
 *
 * @example
 * isNonSubstantiveCode("-99", "Refused"); // true
 * isNonSubstantiveCode("99", "99 or more"); // false
 */
export function isNonSubstantiveCode(_code: string, label: string): boolean {
  return isNonSubstantive(label);
}
