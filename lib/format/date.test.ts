import { describe, expect, it } from "vitest";
import { formatDateTime, formatIsoDay } from "./date";

describe("formatDateTime", () => {
  it("reads a timestamp in UTC, minutes precision", () => {
    expect(formatDateTime("2026-03-05T14:07:09.123Z")).toBe("5 Mar 2026, 14:07 UTC");
    expect(formatDateTime(new Date(Date.UTC(2025, 11, 31, 23, 59)))).toBe("31 Dec 2025, 23:59 UTC");
  });
  it("says n/a for missing or unreadable input instead of inventing a date", () => {
    expect(formatDateTime(null)).toBe("n/a");
    expect(formatDateTime("not a date")).toBe("n/a");
  });
  it("gives the UTC day", () => {
    expect(formatIsoDay("2026-03-05T23:59:00Z")).toBe("2026-03-05");
    expect(formatIsoDay("x")).toBe("");
  });
});
