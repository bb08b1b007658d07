/**
 * Ordered bands and frequencies read from their labels: age and year bands (`18-24`, `65+`,
 * `Under 18`, `Less than a year`, `1-2 years`), income bands (`$25,000 to $49,999`, `$100,000 or
 * more`, `$25-50k`), bands with a unit suffix (`<20Mb`, `100Mb - 1Gb`, `>1 TB`, `10-100 Mbps`) and frequencies (`Once a year or less`, `A few times a month`, `Every night`). Each label
 * gets a sort key: a band's lower bound (open lower bands just below their bound), a frequency's
 * times per year.
 */

const WORD_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, twenty: 20, half: 0.5 };

/**
 * Suffixes that multiply the number before them: `k`/`m` (thousands, millions), magnitude words,
 * and SI-prefixed units: data sizes (`KB`, `Mb`, `GiB`, `TB`, `megabytes`), rates (`Mbps`), `kHz`,
 * `kW`, `kWh`. Only the multiplier matters (bands are ordered, not converted), so `Mb` and `MB` are alike.
 */
const PREFIX_POWER: Record<string, number> = { k: 1, m: 2, g: 3, t: 4, p: 5, kilo: 1, mega: 2, giga: 3, tera: 4, peta: 5 };
const MAGNITUDE_WORDS: Record<string, number> = { k: 1e3, m: 1e6, thousand: 1e3, million: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };
const UNIT = String.raw`(?:i?b|bytes?|bits?|bps|b\/s|hz|wh?)`;
const SUFFIX = String.raw`(?:(?:kilo|mega|giga|tera|peta)${UNIT}|[kmgtp]${UNIT}|${UNIT}|[kKmM]|thousand|million|mn|billion|bn|trillion)(?![a-z])`;
const NUMBER = String.raw`(?:[$€£¥]\s?)?(\d{1,3}(?:[,. ]\d{3})+|\d+(?:[.,]\d+)?)\s?(${SUFFIX})?\s?(?:[$€£¥%])?|\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|half)\b`;
const UNITS: [RegExp, number][] = [
  [/\b(hours?|hrs?|h|stunden?|heures?|horas?)\b/, 1 / (24 * 365)],
  [/\b(days?|tage?n?|jours?|días?|dias?)\b/, 1 / 365],
  [/\b(weeks?|wochen?|semaines?|semanas?)\b/, 1 / 52],
  [/\b(months?|monate?n?|mois|meses?|mes)\b/, 1 / 12],
  [/\b(years?|yrs?|jahre?n?|ans?|années?|años?)\b/, 1],
];
const BELOW = /^(under|below|less than|fewer than|up to|younger than|bis|unter|weniger als|moins de|jusqu'à|menos de|hasta|<|≤)\s*/;
const ABOVE_PREFIX = /^(over|above|more than|greater than|older than|at least|über|mehr als|ab|plus de|más de|mas de|>|≥)\s*/;
const ABOVE_SUFFIX = /(\+|\s(or|and) (more|over|older|above|higher|greater|up)|\sor more$|\s(und|oder) (mehr|älter|darüber)|\set plus|\so más|\sy más)$/;

/** the multiplier of a number's suffix (`k` 1e3, `GB` 1e9, `GiB` 2^30, `bytes` 1), or null without one */
function multiplier(suffix: string | undefined): number | null {
  if (!suffix) return null;
  const s = suffix.toLowerCase();
  if (MAGNITUDE_WORDS[s]) return MAGNITUDE_WORDS[s];
  const m = /^(kilo|mega|giga|tera|peta|[kmgtp])?(i?)/.exec(s)!;
  if (!m[1]) return 1;
  return (m[2] ? 1024 : 1000) ** PREFIX_POWER[m[1]];
}

interface Amount {
  value: number;
  /** the suffix's multiplier (already applied), null when the number had none */
  scale: number | null;
}

function amount(text: string): Amount | null {
  const m = new RegExp(NUMBER).exec(text);
  if (!m) return null;
  if (m[3]) return { value: WORD_NUMBERS[m[3]], scale: null };
  let raw = m[1];
  // thousands separators: `25,000`, `25.000`, `25 000`; a decimal comma otherwise (`2,5`)
  raw = /^\d{1,3}([,. ]\d{3})+$/.test(raw) ? raw.replace(/[,. ]/g, "") : raw.replace(",", ".");
  const scale = multiplier(m[2]);
  const n = Number(raw) * (scale ?? 1);
  return Number.isFinite(n) ? { value: n, scale } : null;
}

const number = (text: string) => amount(text)?.value ?? null;

/** `n` moved by `by`, or by as much relative to `n` when `by` is below its precision (`> 50 TB` is 5e13) */
const nudge = (n: number, by: number) => n + Math.sign(by) * Math.max(Math.abs(by), Math.abs(n) * Math.abs(by) * 1e-6);

const unitOf = (l: string) => UNITS.find(([re]) => re.test(l))?.[1] ?? null;

/**
 * The sort key of a band label (its lower bound in its unit), or null when the label is not a band.
 *
 * @example
 * bandKey("25-34"); // 25
 * bandKey("Under 18"); // 17.999
 * bandKey("$100,000 or more"); // 100000
 */
export function bandKey(label: string): number | null {
  let l = label.trim().toLowerCase().replace(/[–—]/g, "-").replace(/\s+/g, " ").replace(/[.!]+$/, "");
  if (l.length > 60 || !/\d|\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|half)\b/.test(l)) return null;
  const unit = unitOf(l) ?? 1;
  l = l.replace(/^(less than|under|more than|over|at least|weniger als|mehr als|moins d'|plus d'|menos de|más de) (a|an|one|un|une|ein|einem|einer) /, "$1 1 ");
  l = l.replace(/\b(years? old|years?|yrs?|months?|weeks?|days?|hours?|hrs?|per (year|month|week|annum)|a year|annually|jahren?|ans?|años?|jaar|old)\b/g, "").trim();
  const below = BELOW.exec(l);
  if (below) {
    const n = number(l.slice(below[0].length));
    return n === null ? null : nudge(n * unit, -1e-3);
  }
  const above = ABOVE_PREFIX.exec(l);
  if (above) {
    const n = number(l.slice(above[0].length));
    return n === null ? null : nudge(n * unit, 1e-3);
  }
  const suffix = ABOVE_SUFFIX.exec(l);
  if (suffix) {
    const n = number(l.slice(0, suffix.index));
    return n === null ? null : nudge(n * unit, 1e-6);
  }
  // `18-24`, `18 to 24`, `$25,000 - $49,999`, `entre 18 y 24`, `von 18 bis 24`
  const range = new RegExp(String.raw`^(?:between |entre |von |de |from |zwischen |tussen |tra |fra )?(${NUMBER})\s*(?:-|to|and|bis|à|a|y|et|und|e|tot|en|–)\s*(${NUMBER})$`).exec(l);
  if (range) {
    const lo = amount(range[1]);
    const hi = amount(range[5]);
    if (!lo || !hi) return null;
    // `1-10 GB`, `$1-2m`: a unit written once, after the upper bound, is the lower bound's too
    const low = lo.scale === null && hi.scale !== null ? lo.value * hi.scale : lo.value;
    return hi.value < low ? null : low * unit;
  }
  return null;
}

const COUNT_WORDS: [RegExp, number][] = [
  [/\b(once|one time|1 time|every)\b/, 1],
  [/\b(twice|two times|2 times|every other|every second)\b/, 2],
  [/\b(2-3|2 to 3|two or three|2 or 3|a couple of|couple of)\b( times)?/, 2.5],
  [/\b(3-4|3 to 4|three or four)\b( times)?/, 3.5],
  [/\b(4-6|4 to 6|5-6)\b( times)?/, 5],
  [/\b(a few|few|several|some|multiple|many)\b( times)?/, 3],
];
const PERIODS: [RegExp, number][] = [
  [/\b(an hour|hourly|every hour|per hour|a hour)\b/, 24 * 365],
  [/\b(a day|per day|daily|every day|each day|every night|each night|a night|nightly|every morning|every evening)\b/, 365],
  [/\b(a week|per week|weekly|every week|each week|on weekends|at weekends)\b/, 52],
  [/\b(a month|per month|monthly|every month|each month)\b/, 12],
  [/\b(a quarter|per quarter|quarterly)\b/, 4],
  [/\b(a year|per year|yearly|annually|every year|each year)\b/, 1],
];

/**
 * Times per year a frequency label says (`Never` 0, `Once a year or less` ~1, `Daily` 365), or null.
 *
 * @example
 * frequencyKey("A few times a month"); // 36
 * frequencyKey("Every night"); // 365
 */
export function frequencyKey(label: string): number | null {
  const l = label.trim().toLowerCase().replace(/[–—]/g, "-").replace(/\s+/g, " ").replace(/[.!]$/, "");
  if (l.length > 60) return null;
  if (/^(never|not at all|not in the (past|last) (year|12 months))$/.test(l)) return 0;
  if (/^(almost never|hardly ever|rarely)$/.test(l)) return 0.5;
  if (/^(always|constantly|all the time|continuously)$/.test(l)) return 1e5;
  if (/^(several times a day|many times a day|multiple times a day|more than once a day)$/.test(l)) return 1000;
  const everyN = /\bevery (few|several|couple of|other|second|(\d+)) (hour|day|night|week|month|year)s?\b/.exec(l);
  if (everyN) {
    const per: Record<string, number> = { hour: 24 * 365, day: 365, night: 365, week: 52, month: 12, year: 1 };
    const n = everyN[2] ? Number(everyN[2]) : everyN[1] === "few" || everyN[1] === "several" ? 3 : 2;
    return n > 0 ? per[everyN[3]] / n : null;
  }
  const period = PERIODS.find(([re]) => re.test(l));
  if (!period) return null;
  const every = /\bevery\b/.test(l) && !/\bevery other\b/.test(l);
  const explicit = COUNT_WORDS.find(([re]) => re.test(l));
  const digits = /\b(\d+)(?:\s*(?:-|to)\s*(\d+))?\s*(?:x|times)\b/.exec(l);
  let count = digits ? Number(digits[1]) : explicit ? explicit[1] : 1;
  if (every) count = 1;
  if (/\bevery other\b|\bevery second\b/.test(l)) count = 0.5;
  let key = count * period[1];
  if (/\bless than\b|\bfewer than\b/.test(l)) key *= 0.5;
  else if (/\bor less\b|\bor fewer\b/.test(l)) key -= 1e-3;
  else if (/\bmore than\b|\bor more\b/.test(l)) key *= 1.5;
  return key;
}
