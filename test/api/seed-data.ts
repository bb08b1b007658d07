/**
 * The small dataset the API fuzz test seeds: every question type a request can name (single,
 * ordinal scale, 0–10, numeric, multi-select, free text, identifier, weight). Free-text answers
 * and respondent ids carry SECRET_MARK so a test can tell when respondent data leaks into a message.
 */
export const SECRET_MARK = "zq";

const COUNTRIES = ["Atlantis", "Borduria", "Carpathia"];
const MATURITY = ["Early", "Developing", "Mature"];

/** Deterministic rows (a tiny LCG, no Math.random). */
export function seedCsv(rows = 60): string {
  let s = 7;
  const next = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
  const lines = ["resp_id,country,maturity,rolled_back,recommend,age,tool_a,tool_b,comment,weight"];
  for (let i = 0; i < rows; i++) {
    const id = `R${SECRET_MARK}${String(1000 + i * 7)}`;
    const comment = i % 5 === 0 ? "" : `"note ${SECRET_MARK}${i * 13} on ${["rollout", "audit", "pilot"][next(3)]}, ok"`;
    lines.push([id, COUNTRIES[next(3)], MATURITY[next(3)], next(3) ? "Yes" : "No", next(11), 18 + next(50), next(2) ? "Selected" : "", next(2) ? "Selected" : "", comment, (0.5 + next(150) / 100).toFixed(2)].join(","));
  }
  return `${lines.join("\n")}\n`;
}
