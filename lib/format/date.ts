const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A timestamp as people read it, in UTC (the same text on the server and in every browser, so
 * pages hydrate without a mismatch); "n/a" for a missing or unreadable one.
 * @example formatDateTime("2026-03-05T14:07:09.123Z") // "5 Mar 2026, 14:07 UTC"
 */
export function formatDateTime(iso: string | Date | null | undefined): string {
  if (iso == null) return "n/a";
  const d = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(d.getTime())) return "n/a";
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/**
 * The date part only, for a day picker's value (YYYY-MM-DD, UTC).
 * @example formatIsoDay("2026-03-05T23:59:00Z") // "2026-03-05"
 */
export function formatIsoDay(iso: string | Date): string {
  const d = iso instanceof Date ? iso : new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 10);
}
